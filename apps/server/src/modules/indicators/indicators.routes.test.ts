import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDrill, IndicatorFigures } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, reportAt, walkToClose, type CaseCast } from '../cases/cases.test-util';

// Through HTTP with real transitions: the facts are written by the cases module's hook, counted by the routes.
// Monday 2026-11-30 09:00 in Shanghai; the period is November (it runs until Dec 1st 00:00).
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
let t: TestApp;
let cast: CaseCast;
const ids: Record<'a' | 'b' | 'east', string> = { a: '', b: '', east: '' };

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  const { inspector, admin } = cast;
  ids.a = await reportAt(inspector, CITY.inA);
  await walkToClose(t, cast, ids.a, later);
  ids.b = await reportAt(inspector, CITY.inB);
  ids.east = await reportAt(admin, CITY.inC); // 东街道: outside the street leader's area
});
afterAll(async () => t?.close());

async function figures(s: Session, query: string): Promise<IndicatorFigures> {
  const res = await s.get(`/api/indicators?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const value = (f: IndicatorFigures, id: string, row = 0) =>
  f.rows[row]!.figures[id as 'reportCount']?.value;

describe('GET /api/indicators', () => {
  it('counts a street leader’s own street only, from the log the transitions wrote', async () => {
    const f = await figures(cast.leader, 'period=2026-11');
    expect(f.period).toMatchObject({ type: 'month', key: '2026-11' });
    expect(value(f, 'reportCount')).toBe(2); // a and b; the east street's case is not theirs
    expect(value(f, 'registeredCount')).toBe(1);
    expect(value(f, 'closedCount')).toBe(1);
    expect(value(f, 'intakeCount')).toBe(1);
    // Nothing has fallen due yet: "—", never 0 % or 100 %.
    expect(value(f, 'closeRate')).toBeNull();
    expect(f.rows[0]!.score).not.toBeNull();
    const admin = await figures(cast.admin, 'period=2026-11');
    expect(value(admin, 'reportCount')).toBe(3);
  });

  it('ranks streets for the district and shows the street leader only theirs', async () => {
    const all = await figures(cast.admin, 'period=2026-11&groupBy=street');
    expect(all.rows.map((r) => [r.key, r.name, r.figures.reportCount?.value])).toEqual(
      expect.arrayContaining([
        [CITY.streetW, '西街道', 2],
        [CITY.streetE, '东街道', 1],
      ]),
    );
    const mine = await figures(cast.leader, 'period=2026-11&groupBy=street');
    expect(mine.rows.map((r) => r.key)).toEqual([CITY.streetW]);
    const depts = await figures(
      cast.admin,
      'period=2026-11&object=department&groupBy=department&ids=registeredCount,handledCount',
    );
    expect(depts.rows.find((r) => r.key === cast.deptId)).toMatchObject({
      name: '区环卫中心',
      figures: { registeredCount: { value: 1 }, handledCount: { value: 1 } },
    });
  });

  it('gives a department’s and a person’s figures', async () => {
    const d = await figures(
      cast.admin,
      `period=2026-11&object=department&departmentId=${cast.deptId}`,
    );
    expect(value(d, 'closedCount')).toBe(1);
    expect(value(d, 'handledCount')).toBe(1);
    const p = await figures(
      cast.admin,
      `period=2026-11&object=position&position=inspector&userId=${cast.inspectorId}`,
    );
    expect(value(p, 'reportCount')).toBe(2);
    expect(value(p, 'validReportRate')).toBe(0.5); // a was registered, b not yet
  });

  it('gives 环比 and 同比 values beside each figure', async () => {
    const f = await figures(cast.admin, 'period=2026-11&compare=1&ids=reportCount,closeRate');
    expect(f.previousPeriod?.key).toBe('2026-10');
    expect(f.yearAgoPeriod?.key).toBe('2025-11');
    expect(f.rows[0]!.previous).toEqual({ reportCount: 0, closeRate: null });
    expect(f.rows[0]!.yearAgo).toEqual({ reportCount: 0, closeRate: null });
  });

  it('refuses bad periods, targets and lists with the field, for nothing', async () => {
    const bad: [string, string][] = [
      ['period=2026-13', 'period'],
      ['period=2026-12-10..2026-12-01', 'period'],
      ['period=1999', 'period'],
      ['period=2026-02-30', 'period'],
      ['period=2026-11&ids=notAnIndicator', 'querystring.ids.0'],
      ['period=2026-11&object=department', 'departmentId'],
      ['period=2026-11&object=department&departmentId=nope', 'departmentId'],
      ['period=2026-11&object=position&position=inspector', 'userId'],
      ['period=2026-11&scheme=nope', 'scheme'],
    ];
    for (const [q, field] of bad)
      expectRefusal(await cast.admin.get(`/api/indicators?${q}`), {
        code: 'validation_failed',
        field,
      });
    // An unknown area, another street, or the district above the leader's street: one answer, not an empty set.
    expectRefusal(await cast.admin.get('/api/indicators?period=2026-11&areaCode=410101999'), {
      code: 'not_found',
      field: 'areaCode',
    });
    for (const code of [CITY.streetE, CITY.district])
      expectRefusal(await cast.leader.get(`/api/indicators?period=2026-11&areaCode=${code}`), {
        code: 'not_found',
        field: 'areaCode',
      });
  });
});

describe('GET /api/indicators/drill', () => {
  it('lists exactly the cases behind a figure, inside the caller’s area', async () => {
    const f = await figures(cast.leader, 'period=2026-11&ids=reportCount,validReportRate');
    const res = await cast.leader.get('/api/indicators/drill?period=2026-11&id=reportCount');
    expect(res.statusCode, res.body).toBe(200);
    const d: IndicatorDrill = res.json();
    expect(d.total).toBe(value(f, 'reportCount'));
    expect(d.items.map((i) => i.caseId).sort()).toEqual([ids.a, ids.b].sort());
    expect(d.items.every((i) => i.caseNo?.startsWith('AJ'))).toBe(true);
    const num: IndicatorDrill = (
      await cast.admin.get(
        `/api/indicators/drill?period=2026-11&object=position&position=inspector&userId=${cast.inspectorId}&id=validReportRate&part=numerator`,
      )
    ).json();
    expect(num).toMatchObject({ total: 1, items: [{ caseId: ids.a }] });
    expectRefusal(
      await cast.leader.get(
        `/api/indicators/drill?period=2026-11&id=reportCount&areaCode=${CITY.streetE}`,
      ),
      { code: 'not_found', field: 'areaCode' },
    );
  });

  it('pages through a long list: each page keeps the total, the pages together are the list', async () => {
    const whole: IndicatorDrill = (
      await cast.leader.get('/api/indicators/drill?period=2026-11&id=reportCount')
    ).json();
    const pages: IndicatorDrill[] = [];
    for (const offset of [0, 1, 2])
      pages.push(
        (
          await cast.leader.get(
            `/api/indicators/drill?period=2026-11&id=reportCount&offset=${offset}&limit=1`,
          )
        ).json(),
      );
    expect(pages.map((p) => p.total)).toEqual([whole.total, whole.total, whole.total]);
    expect(pages.flatMap((p) => p.items)).toEqual(whole.items);
    for (const bad of ['limit=0', 'limit=5001', 'offset=-1', 'offset=x'])
      expectRefusal(
        await cast.leader.get(`/api/indicators/drill?period=2026-11&id=reportCount&${bad}`),
        { status: 400, code: 'validation_failed', field: `querystring.${bad.split('=')[0]}` },
      );
  });
});

describe('rebuild-indicators', () => {
  it('rewrites the same facts from the log', async () => {
    const before = await figures(cast.admin, 'period=2026-11&groupBy=street');
    await t.services.db.deleteFrom('indicator_facts').execute();
    expect(value(await figures(cast.admin, 'period=2026-11'), 'reportCount')).toBe(0);
    expect(await t.services.indicators.rebuild(2)).toBe(3);
    expect(await figures(cast.admin, 'period=2026-11&groupBy=street')).toEqual(before);
  });
});
