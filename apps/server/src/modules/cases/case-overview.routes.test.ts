import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseOverview } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, login, type Session } from '../../../test/factories';
import { castCases, reportAt, step, type CaseCast } from './cases.test-util';
import { expectRefusal } from '../../../test/refusal';

// A clock the test moves: Monday 2026-11-30 09:00 in Shanghai.
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
let t: TestApp;
let cast: CaseCast;

let leader: Session, admin: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  const { inspector, intake } = cast;
  const a1 = await reportAt(inspector, CITY.inA);
  await reportAt(inspector, CITY.inA);
  await reportAt(cast.admin, CITY.inC); // 东街道: outside the street leader's area
  await step(cast, intake, a1, 'accept');
  // Ten days later every running step is past its limit; a new report starts green. (Sessions expired meanwhile.)
  now = new Date(now.getTime() + 10 * 86_400_000);
  [leader, admin] = [await login(t, 'boss'), await login(t, 'root')];
  await reportAt(await login(t, 'insp'), CITY.inB);
});
afterAll(async () => t.close());

async function overview(s: Session, areaCode?: string): Promise<CaseOverview> {
  const res = await s.get(`/api/cases/overview${areaCode ? `?areaCode=${areaCode}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const row = (o: CaseOverview, state: string) => o.states.find((s) => s.state === state)!;

describe('区域概况 (GET /api/cases/overview)', () => {
  it('counts cases by state and light inside the caller’s area only', async () => {
    const west = await overview(leader);
    expect(row(west, 'pending_acceptance')).toMatchObject({ total: 2, red: 1, green: 1 });
    expect(row(west, 'pending_registration')).toMatchObject({ total: 1, red: 1 });
    expect(row(west, 'closed')).toMatchObject({ total: 0 });
    expect(west.open).toEqual({ total: 3, green: 1, yellow: 0, red: 2, none: 0 });
    // Every state is listed, in workflow order, so the page keeps its shape.
    expect(west.states.map((s) => s.state)[0]).toBe('candidate');
    expect(west.states).toHaveLength(16);

    expect((await overview(admin)).open.total).toBe(4);
    const east = await overview(admin, CITY.streetE);
    expect(east.open).toMatchObject({ total: 1, red: 1 });
    expect((await overview(admin, CITY.gridA)).open.total).toBe(2);
  });

  it('an area outside the caller’s scope shows nothing of it', async () => {
    const o = await overview(leader, CITY.streetE);
    expect(o.open.total).toBe(0);
    expect(o.states.every((s) => s.total === 0)).toBe(true);
  });

  it('refuses a malformed area code with the field named', async () => {
    const res = await leader.get('/api/cases/overview?areaCode=41%27--');
    expectRefusal(res, { status: 400, code: 'validation_failed', field: 'querystring.areaCode' });
  });

  it('needs cases.read', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/cases/overview' });
    expect(res.statusCode).toBe(401);
  });
});
