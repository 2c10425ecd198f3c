import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, type IndicatorFigures } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, login, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, reportAt, step, walkToClose, type CaseCast } from '../cases/cases.test-util';

// Publishing freezes a period (docs/indicators.md §6): a case changed afterwards moves the live figures of that
// period, not the published ones, until an administrator recomputes — audited, with both versions readable.
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
let t: TestApp;
let cast: CaseCast;
let closedId = '';

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  const { inspector } = cast;
  closedId = await reportAt(inspector, CITY.inA);
  await walkToClose(t, cast, closedId);
  await reportAt(cast.admin, CITY.inC);
});
afterAll(async () => t?.close());

async function figures(s: Session, query: string): Promise<IndicatorFigures> {
  const res = await s.get(`/api/indicators?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const byStreet = (f: IndicatorFigures) =>
  f.rows.map((r) => [r.key, r.rank, r.score?.value, r.figures.reopenRate?.value]);

describe('publishing and recomputing a period', () => {
  it('refuses a period that has not ended, and anyone but an administrator of the whole area', async () => {
    expectRefusal(await cast.admin.post('/api/indicators/publications', { period: '2026-11' }), {
      code: 'validation_failed',
      field: 'period',
    });
    const listed = await cast.admin.get('/api/indicators/publications?period=2026-11');
    expect(listed.json().items).toEqual([]);
    now = new Date('2026-12-02T10:00:00+08:00');
    // Two days on, the sessions have expired: sign in again.
    for (const [k, user] of [
      ['admin', 'root'],
      ['leader', 'boss'],
      ['intake', 'intake'],
      ['shift', 'shift'],
    ] as const)
      cast[k] = await login(t, user);
    expectRefusal(await cast.leader.post('/api/indicators/publications', { period: '2026-11' }), {
      code: 'forbidden',
    });
    expectRefusal(
      await cast.admin.post('/api/indicators/publications', { period: '2026-12-01..2026-12-02' }),
      { code: 'validation_failed', field: 'period' },
    );
  });

  it('keeps the published ranking while a later change moves the live one, until an audited recompute', async () => {
    const q = 'period=2026-11&groupBy=street&ids=closedCount,reopenRate,closeRate,publicReportRate';
    const before = await figures(cast.admin, q);
    expect(before.publication).toBeNull();
    const pub = await cast.admin.post('/api/indicators/publications', { period: '2026-11' });
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.json()).toMatchObject({ periodKey: '2026-11', version: 1, current: true });
    expectRefusal(await cast.admin.post('/api/indicators/publications', { period: '2026-11' }), {
      code: 'conflict',
      field: 'period',
    });
    const published = await figures(cast.admin, q);
    expect(published.publication).toMatchObject({ version: 1 });
    expect(byStreet(published)).toEqual(byStreet(before));
    expect(published.rows.find((r) => r.key === CITY.streetW)?.figures.reopenRate?.value).toBe(0);

    // December: the closed November case is reopened. Its November close now counts as reopened in the live log.
    await step(cast, cast.intake, closedId, 'request_reopen', { reason: '居民反映垃圾又堆起来了' });
    await step(cast, cast.shift, closedId, 'approve_request', { requestType: 'reopen' });
    const still = await figures(cast.admin, q);
    expect(byStreet(still)).toEqual(byStreet(published));
    const drill = await cast.admin.get(
      '/api/indicators/drill?period=2026-11&id=reopenRate&part=numerator',
    );
    expect(drill.json()).toMatchObject({ total: 0, items: [] });

    // The recompute needs a reason, makes version 2 with the reopen counted, and leaves version 1 readable.
    expectRefusal(
      await cast.admin.post('/api/indicators/publications/recompute', { period: '2026-11' }),
      { code: 'validation_failed', field: 'reason' },
    );
    const re = await cast.admin.post('/api/indicators/publications/recompute', {
      period: '2026-11',
      reason: '案件重开，更正十一月数据',
    });
    expect(re.statusCode, re.body).toBe(201);
    expect(re.json()).toMatchObject({
      version: 2,
      current: true,
      reason: '案件重开，更正十一月数据',
    });
    const v2 = await figures(cast.admin, q);
    expect(v2.publication).toMatchObject({ version: 2 });
    expect(v2.rows.find((r) => r.key === CITY.streetW)?.figures.reopenRate?.value).toBe(1);
    const v1 = await figures(cast.admin, `${q}&version=1`);
    expect(byStreet(v1)).toEqual(byStreet(published));
    expectRefusal(await cast.admin.get(`/api/indicators?${q}&version=3`), {
      code: 'not_found',
      field: 'version',
    });
    const versions = (await cast.admin.get('/api/indicators/publications?period=2026-11')).json();
    expect(
      versions.items.map((p: { version: number; current: boolean }) => [p.version, p.current]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'in', ['indicators_published', 'indicators_recomputed'])
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['indicators_published', 'indicators_recomputed']);
    expect(JSON.parse(audit[1]!.detail as string)).toMatchObject({
      period: '2026-11',
      version: 2,
      replaces: 1,
      reason: '案件重开，更正十一月数据',
    });
  });
});

describe('assessment schemes', () => {
  const scheme = structuredClone(DEFAULT_SCHEME) as unknown as {
    targets: { area: { weight: number }[] };
  };

  it('refuses weights that do not sum to 100 %, and changes nothing', async () => {
    const bad = structuredClone(scheme);
    bad.targets.area[0]!.weight += 5;
    expectRefusal(await cast.admin.put('/api/indicators/schemes/default', bad), {
      code: 'validation_failed',
      field: 'targets.area',
    });
    expectRefusal(await cast.leader.put('/api/indicators/schemes/default', scheme), {
      code: 'forbidden',
    });
    expectRefusal(await cast.admin.put('/api/indicators/schemes/nope', scheme), {
      code: 'not_found',
      field: 'code',
    });
    const listed = (await cast.admin.get('/api/indicators/schemes')).json();
    expect(listed.items[0]).toEqual(DEFAULT_SCHEME);
  });

  it('stores new weights as a version that the live figures use, not the published ones', async () => {
    const changed = structuredClone(scheme);
    changed.targets.area = changed.targets.area.map((c, i) => ({
      ...c,
      weight: i === 0 ? 80 : 10,
    }));
    const res = await cast.admin.put('/api/indicators/schemes/default', changed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1 });
    const live = await figures(cast.admin, 'period=2026-12&ids=closeInTimeRate');
    const parts = live.rows[0]!.score?.parts.map((p) => p.weight);
    expect(parts).toEqual([80, 10, 10]);
    const published = await figures(cast.admin, 'period=2026-11&ids=closeInTimeRate');
    expect(published.rows[0]!.score?.parts.map((p) => p.weight)).toEqual(
      DEFAULT_SCHEME.targets.area!.map((c) => c.weight),
    );
  });
});
