import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@wangge/shared';
import { systemActor } from '../../core/auth/actor';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { demoClock } from './demo-clock';
import { planHistory } from './demo-history-plan';
import { HISTORY_CASES, HISTORY_DAYS } from './demo-history';
import { seedDemo } from './demo-seed';
import { DEMO_DISTRICT_CODE } from './city-generator';

// The seeding day: 7 December 2026, 10:00 in Shanghai. History ends at that day's midnight in Shanghai.
const NOW = new Date('2026-12-07T10:00:00+08:00');
const TODAY = Date.parse('2026-12-07T00:00:00+08:00');

describe('planHistory (pure)', () => {
  const opts = { today: TODAY, days: HISTORY_DAYS, count: HISTORY_CASES, grids: 300 };
  const plans = planHistory(42, opts);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(planHistory(42, opts)).toEqual(plans);
    expect(planHistory(7, opts)).not.toEqual(plans);
  });

  it('spreads the cases over the days before today, in the daytime, over many grids', () => {
    expect(plans).toHaveLength(HISTORY_CASES);
    for (const p of plans) {
      expect(p.at).toBeLessThan(TODAY);
      expect(p.at).toBeGreaterThanOrEqual(TODAY - HISTORY_DAYS * 86_400_000);
      const hour = new Date(p.at + 8 * 3_600_000).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(18);
    }
    expect(new Set(plans.map((p) => p.gridIndex)).size).toBeGreaterThan(120);
  });

  it('mixes every source and every scenario, most cases on time', () => {
    const count = (f: (p: (typeof plans)[number]) => boolean) => plans.filter(f).length;
    for (const s of ['patrol', 'public', 'hotline_12345', 'leader'])
      expect(
        count((p) => p.source === s),
        s,
      ).toBeGreaterThan(10);
    for (const s of ['late', 'extension', 'suspension', 'send_back', 'rework', 'void', 'reject'])
      expect(
        count((p) => p.scenario === s),
        s,
      ).toBeGreaterThan(0);
    expect(count((p) => p.scenario === 'on_time')).toBeGreaterThan(plans.length / 3);
    // Open cases only in the last five weeks; ratings only where a citizen or 12345 can rate.
    for (const p of plans.filter((x) => x.scenario === 'open_overdue'))
      expect(p.at).toBeGreaterThan(TODAY - 36 * 86_400_000);
    for (const p of plans.filter((x) => x.rating))
      expect(['public', 'hotline_12345']).toContain(p.source);
    expect(count((p) => p.rating === 'dissatisfied')).toBeGreaterThan(0);
  });
});

describe('seedDemo with a settable clock: the backdated history through the real workflow', () => {
  let t: TestApp;
  const clock = demoClock(() => new Date(NOW));
  let made: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    made = await seedDemo(t.services, 42, { clock });
  }, 240_000);
  afterAll(async () => t?.close());

  it('writes every history event before today, each case’s events in order, and resets the clock', async () => {
    expect(made.historyCases).toBe(HISTORY_CASES);
    expect(clock.now().toISOString()).toBe(NOW.toISOString());
    const events = await t.services.db
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select(['case_events.case_id', 'case_events.seq', 'case_events.at', 'cases.source'])
      .where('cases.created_at', '<', new Date(TODAY).toISOString())
      .orderBy('case_events.case_id')
      .orderBy('case_events.seq')
      .execute();
    expect(new Set(events.map((e) => e.case_id)).size).toBe(HISTORY_CASES);
    expect(new Set(events.map((e) => e.source))).toEqual(
      new Set(['patrol', 'public', 'hotline_12345', 'leader']),
    );
    // Each kind of life the plan asks for happened through the workflow.
    const actions = new Set(
      (await t.services.db.selectFrom('case_events').select('action').distinct().execute()).map(
        (e) => e.action,
      ),
    );
    for (const a of [
      'request_extension',
      'request_suspension',
      'resume',
      'request_send_back',
      'check_fail',
      'request_void',
      'reject',
      'rate',
      'supervise',
      'reply_supervision',
    ])
      expect(actions.has(a), a).toBe(true);
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [events[i - 1]!, events[i]!];
      expect(b.at < new Date(TODAY).toISOString(), `${b.case_id} #${b.seq}`).toBe(true);
      if (a.case_id === b.case_id) expect(a.at <= b.at, `${b.case_id} #${b.seq}`).toBe(true);
    }
  });

  it('gives last month non-zero figures, rates between 0 and 1 with some late, and 环比', async () => {
    const f = await t.services.indicators.figures(systemActor(PERMISSIONS), {
      object: 'area',
      areaCode: DEMO_DISTRICT_CODE,
      period: '2026-11',
      groupBy: 'none',
      compare: '1',
    });
    const row = f.rows[0]!;
    const v = (id: keyof typeof row.figures) => row.figures[id]?.value ?? null;
    expect(v('reportCount')).toBeGreaterThan(50);
    expect(v('closedCount')).toBeGreaterThan(50);
    for (const id of ['closeRate', 'closeInTimeRate', 'handleOnTimeRate'] as const) {
      expect(v(id), id).toBeGreaterThan(0.5);
      expect(v(id), id).toBeLessThan(1);
    }
    expect(v('satisfactionRate')).toBeGreaterThan(0);
    expect(row.previous?.reportCount).toBeGreaterThan(50);
    // Every department of the matrix handled cases in the month.
    const depts = await t.services.indicators.figures(systemActor(PERMISSIONS), {
      object: 'department',
      period: '2026-11',
      groupBy: 'department',
      compare: '0',
      ids: ['handledCount'],
    });
    expect(depts.rows.filter((r) => (r.figures.handledCount?.value ?? 0) > 0)).toHaveLength(5);
  });

  it('keeps the demo’s current-day sample cases', async () => {
    expect(made.cases).toBe(36);
    const today = await t.services.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', new Date(TODAY).toISOString())
      .executeTakeFirstOrThrow();
    expect(Number(today.n)).toBe(36);
  });
});
