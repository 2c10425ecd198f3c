import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseMapPoints } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, reportAt, step, type CaseCast } from './cases.test-util';

// Monday 2026-11-30 09:00 in Shanghai.
const now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
let t: TestApp;
let cast: CaseCast;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  const { inspector, admin, intake } = cast;
  ids.push(await reportAt(inspector, CITY.inA), await reportAt(inspector, CITY.inA));
  ids.push(await reportAt(inspector, CITY.inB));
  ids.push(await reportAt(admin, CITY.inC)); // 东街道: outside the street leader's area
  await step(cast, intake, ids[1]!, 'reject', { reason: '重复上报' });
});
afterAll(async () => t?.close());

async function mapOf(s: Session, query = ''): Promise<CaseMapPoints> {
  const res = await s.get(`/api/cases/map-points${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('驾驶舱地图 (GET /api/cases/map-points)', () => {
  it('gives the open cases of the caller’s street with their point, light and grid counts', async () => {
    const m = await mapOf(cast.leader);
    const open = [ids[0]!, ids[2]!];
    expect(m.points.map((p) => p.id).sort()).toEqual([...open].sort());
    expect(m.total).toBe(2);
    expect(m.truncated).toBe(false);
    const a = m.points.find((p) => p.id === ids[0])!;
    expect(a).toMatchObject({
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      classCode: '06010',
      light: 'green',
    });
    expect(a.gridCode).toBe(CITY.gridA);
    expect(a.step).not.toBeNull();
    expect(m.grids.reduce((s, g) => s + g.open, 0)).toBe(m.total);
    expect(m.grids.find((g) => g.gridCode === CITY.gridA)?.open).toBe(1);
  });

  it('carries no reporter, address or text', async () => {
    const res = await cast.leader.get('/api/cases/map-points');
    for (const word of ['文化路', '暴露垃圾', 'reporter', 'address', 'description'])
      expect(res.body).not.toContain(word);
  });

  it('a street leader gets nothing of the other street; the district sees both', async () => {
    const east = await mapOf(cast.leader, `?areaCode=${CITY.streetE}`);
    expect(east).toMatchObject({ total: 0, points: [], grids: [] });
    const all = await mapOf(cast.admin);
    expect(all.total).toBe(3);
    expect((await mapOf(cast.admin, `?areaCode=${CITY.streetE}`)).points.map((p) => p.id)).toEqual([
      ids[3],
    ]);
    expect((await mapOf(cast.admin, `?areaCode=${CITY.gridA}`)).total).toBe(1);
  });

  it('refuses a malformed area code with the field named, and needs a session', async () => {
    expectRefusal(await cast.leader.get('/api/cases/map-points?areaCode=41%27--'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.areaCode',
    });
    const res = await t.app.inject({ method: 'GET', url: '/api/cases/map-points' });
    expect(res.statusCode).toBe(401);
  });
});
