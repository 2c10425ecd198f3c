import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorFigures } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser } from '../../../test/factories';
import { castCases, photo, reportAt, step, type CaseCast } from '../cases/cases.test-util';

// 漏报 through the real workflow (docs/indicators.md §4.1): a resident's report confirmed by 核实 counts as missed by
// the patrol, until a patrol report of the same problem made before it is merged into it — the 合并 rewrites the
// master's facts too.
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
const later = () => (now = new Date(now.getTime() + 10 * 60_000));
let t: TestApp;
let cast: CaseCast;

const missed = async () => {
  const res = await cast.admin.get(
    '/api/indicators?period=2026-11&ids=missedReportCount,missedReportRate,registeredCount',
  );
  expect(res.statusCode, res.body).toBe(200);
  const f = (res.json() as IndicatorFigures).rows[0]!.figures;
  return [f.missedReportCount?.value, f.missedReportRate?.value, f.registeredCount?.value];
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  await staff(cast.inspectorId);
});
afterAll(async () => t?.close());

describe('漏报 (missed reports)', () => {
  it('counts a confirmed public report until an earlier patrol report is merged into it', async () => {
    const { inspector, intake, shift } = cast;
    const patrol = await reportAt(inspector, CITY.inA);
    later();
    const resident = await reportAt(intake, CITY.inA, { source: 'public' });
    await step(cast, intake, resident, 'send_verify', { assigneeId: cast.inspectorId });
    await step(cast, inspector, resident, 'verify_true', {
      photos: [await photo(t, inspector)],
      gps: { lng: CITY.inA[0], lat: CITY.inA[1] },
    });
    await step(cast, shift, resident, 'register', {
      classCode: '06010',
      conditionId: cast.conditionId,
    });
    later();
    lateComerId = (
      await createUser(t, { username: 'late', roles: ['inspector'], areaCodes: [CITY.gridA] })
    ).id;
    await staff(lateComerId);
    expect(await missed()).toEqual([1, 1, 1]);
    // The inspector staffed the grid (网格管理员) from before the report: the 漏报 is theirs too. A colleague posted
    // to the same grid only after the 立案 carries none of it.
    expect(await personMissed(cast.inspectorId)).toEqual([1, 1]);
    const drill = await cast.admin.get(
      `/api/indicators/drill?object=position&position=inspector&userId=${cast.inspectorId}&period=2026-11&id=missedReportCount`,
    );
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json().total).toBe(1);
    expect(await personMissed(lateComerId)).toEqual([0, null]);
    later();
    await step(cast, intake, patrol, 'merge', { masterCaseId: resident });
    expect(await missed()).toEqual([0, 0, 1]);
    expect(await personMissed(cast.inspectorId)).toEqual([0, 0]);
  });

  it("leaves a person's 漏报 out of a ranking of people (it is not what they did)", async () => {
    const res = await cast.admin.get(
      '/api/indicators?groupBy=person&period=2026-11&ids=missedReportCount,reportCount',
    );
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json() as IndicatorFigures).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.figures.missedReportCount).toBeUndefined();
  });
});

let lateComerId = '';
const gridId = async (code: string) =>
  ((await cast.admin.get('/api/areas/tree')).json().items as { id: string; code: string }[]).find(
    (a) => a.code === code,
  )!.id;
const staff = async (userId: string) => {
  const res = await cast.admin.post(`/api/areas/${await gridId(CITY.gridA)}/staff`, {
    userId,
    role: 'gridAdministrator',
  });
  expect(res.statusCode, res.body).toBe(200);
};
const personMissed = async (userId: string) => {
  const res = await cast.admin.get(
    `/api/indicators?object=position&position=inspector&userId=${userId}&period=2026-11&ids=missedReportCount,missedReportRate`,
  );
  expect(res.statusCode, res.body).toBe(200);
  const f = (res.json() as IndicatorFigures).rows[0]!.figures;
  return [f.missedReportCount?.value, f.missedReportRate?.value];
};
