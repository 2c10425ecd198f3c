import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorFigures } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, login, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, type CaseCast } from '../cases/cases.test-util';

// 区域覆盖率 and GPS 超时次数 (docs/indicators.md §4.1) through the patrols API and the indicators API: a walker
// staffed in grids A, B and C walks through A and B (and C, but before their post there began).
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
let t: TestApp;
let cast: CaseCast;
let walker: { id: string; s: Session };
let idle: { id: string; s: Session };

const inD: [number, number] = [113.175, 34.05];
const at = (hhmm: string) => `2026-11-30T${hhmm}:00+08:00`;

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  const user = async (username: string) => {
    const u = await createUser(t, { username, roles: ['inspector'], areaCodes: [CITY.district] });
    return { id: u.id, s: await login(t, username) };
  };
  walker = await user('walker');
  idle = await user('idle');
  for (const grid of [CITY.gridA, CITY.gridB, CITY.gridC]) await staff(walker.id, grid);
  now = new Date('2026-11-30T12:00:00+08:00');
});
afterAll(async () => t?.close());

describe('patrol figures of a person', () => {
  it('counts grids visited during the post over grids staffed, and gaps over 5 minutes', async () => {
    await walk(walker.s, 'walk-0000001', [
      ['08:50', CITY.inC], // grid C, but the post there starts at 09:00: no visit
      ['10:00', CITY.inA], // 70 min after the last point: a gap
      ['10:01', CITY.inA],
      ['10:02', CITY.inB],
      ['10:10', CITY.inB], // 8 min: a gap
      ['10:11', CITY.inB],
      ['10:30', CITY.inA], // 19 min: a gap
      ['10:31', inD], // grid D: walked, not staffed
    ]);
    const f = await figures(walker.id);
    expect(f.patrolCoverage).toEqual({ value: 2 / 3, n: 3, k: 2 });
    expect(f.gpsTimeouts?.value).toBe(3);
    // Another month: the posts still count, no visit and no gap in it.
    const dec = await figures(walker.id, '2026-12');
    expect(dec.patrolCoverage).toEqual({ value: 0, n: 3, k: 0 });
    expect(dec.gpsTimeouts?.value).toBe(0);
  });

  it('gives no coverage ("—") to a walker without a grid post', async () => {
    await walk(idle.s, 'walk-0000002', [
      ['10:00', CITY.inA],
      ['10:20', CITY.inA],
    ]);
    const f = await figures(idle.id);
    expect(f.patrolCoverage).toEqual({ value: null, n: 0, k: 0 });
    expect(f.gpsTimeouts?.value).toBe(1);
  });

  it('leaves them out of rankings of people and answers no drill-down', async () => {
    const res = await cast.admin.get(
      '/api/indicators?groupBy=person&period=2026-11&ids=patrolCoverage,gpsTimeouts,reportCount',
    );
    expect(res.statusCode, res.body).toBe(200);
    for (const row of (res.json() as IndicatorFigures).rows) {
      expect(row.figures.patrolCoverage).toBeUndefined();
      expect(row.figures.gpsTimeouts).toBeUndefined();
    }
    expectRefusal(
      await cast.admin.get(
        `/api/indicators/drill?object=position&position=inspector&userId=${walker.id}&period=2026-11&id=patrolCoverage`,
      ),
      { code: 'validation_failed', field: 'id' },
    );
  });

  it('counts inside the viewer’s scope only', async () => {
    const westLeader = await createUser(t, {
      username: 'west-boss',
      roles: ['street_leader'],
      areaCodes: [CITY.streetW],
    });
    expect(westLeader.id).toBeTruthy();
    const f = await figures(walker.id, '2026-11', await login(t, 'west-boss'));
    // Grid C lies in the east street: only A and B are counted, both visited.
    expect(f.patrolCoverage).toEqual({ value: 1, n: 2, k: 2 });
  });
});

const gridId = async (code: string) =>
  ((await cast.admin.get('/api/areas/tree')).json().items as { id: string; code: string }[]).find(
    (a) => a.code === code,
  )!.id;
const staff = async (userId: string, grid: string) => {
  const res = await cast.admin.post(`/api/areas/${await gridId(grid)}/staff`, {
    userId,
    role: 'gridAdministrator',
  });
  expect(res.statusCode, res.body).toBe(200);
};
const walk = async (s: Session, id: string, pts: [string, [number, number]][]) => {
  const started = await s.post('/api/patrols', {
    id,
    startedAt: at(pts[0]![0]),
    areaCode: CITY.district,
  });
  expect(started.statusCode, started.body).toBe(200);
  const sent = await s.post(`/api/patrols/${id}/points`, {
    points: pts.map(([hhmm, [lng, lat]]) => ({ at: at(hhmm), lng, lat })),
  });
  expect(sent.statusCode, sent.body).toBe(200);
  const stop = await s.post(`/api/patrols/${id}/stop`, { endedAt: at('11:00') });
  expect(stop.statusCode, stop.body).toBe(200);
};
const figures = async (userId: string, period = '2026-11', viewer = cast.admin) => {
  const res = await viewer.get(
    `/api/indicators?object=position&position=inspector&userId=${userId}&period=${period}&ids=patrolCoverage,gpsTimeouts`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as IndicatorFigures).rows[0]!.figures;
};
