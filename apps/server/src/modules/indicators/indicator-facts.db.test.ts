import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, appliesTo, resolvePeriod, type Period } from '@wangge/shared';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { systemActor } from '../../core/auth/actor';
import { defaultWorkCalendar } from '../calendar';
import {
  CASE_LOOP_INDICATORS,
  computeCaseLoop,
  type Figure,
  type IndicatorTarget,
} from './indicator-compute';
import { caseFacts } from './indicator-facts';
import { AS_OF, CASES } from './indicator-history.test-util';
import type { IndicatorCase } from './indicator-timeline';
import { createIndicatorsRepo } from './indicators.repo';
import { createIndicatorsService } from './indicators.service';

/**
 * The scripted history of indicator-compute.test.ts (its figures worked out by hand) written as facts into the real
 * database, then counted by SQL: every case-loop figure, and its drill-down, must equal the pure recomputation —
 * so the hand-computed figures hold on SQLite and PostgreSQL alike.
 */
const codes = (grid: string) => ({
  admin_code: grid.slice(0, 6),
  street_code: grid.slice(0, 9),
  community_code: grid.slice(0, 12),
  grid_code: grid,
});
const naturalHours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
const MARCH = (resolvePeriod({ type: 'month', key: '2026-03' }) as { period: Period }).period;
const actor = systemActor(PERMISSIONS);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** The log as the database held it at `asOf`: each case's events up to then, as facts. */
async function writeFactsAsOf(asOf: string) {
  const repo = createIndicatorsRepo(t.services.db);
  await t.services.db.transaction().execute(async (tx) => {
    for (const c of CASES) {
      const seen: IndicatorCase = { ...c, events: c.events.filter((e) => e.at <= asOf) };
      await repo.replaceFacts(tx, c.id, caseFacts(seen, codes(c.gridCode), naturalHours));
    }
  });
}

function serviceAt(asOf: string) {
  return createIndicatorsService({
    db: t.services.db,
    clock: { now: () => new Date(asOf) },
    calendar: () => defaultWorkCalendar(),
    areaExists: async () => true,
    departmentExists: async () => true,
    names: async () => new Map(),
    caseBriefs: async () => [],
    tenures: async () => [],
  });
}

const TARGETS: IndicatorTarget[] = [
  { object: 'area', code: '410105001' },
  { object: 'area', code: '410105002' },
  { object: 'department', id: 'D1' },
  { object: 'department', id: 'D2' },
];
const caseIds = (refs: Figure['items']) => refs.map((r) => r.caseId).sort();

describe.each([
  ['after the period (April 10th)', AS_OF],
  ['while it runs (March 12th)', '2026-03-12T00:00:00.000Z'],
])('SQL over the facts equals the recomputation from the log, %s', (_name, asOf) => {
  beforeAll(() => writeFactsAsOf(asOf));

  it.each(TARGETS.map((x) => [JSON.stringify(x), x] as const))(
    '%s: every figure and its drill-down',
    async (_t, target) => {
      const service = serviceAt(asOf);
      const expected = computeCaseLoop(CASES, target, MARCH, asOf);
      const tgt =
        target.object === 'area'
          ? { object: 'area' as const, code: target.code }
          : { object: 'department' as const, id: target.id };
      const got = await service.figures(actor, { target: tgt, period: MARCH });
      const row = got.rows[0]!;
      let compared = 0;
      for (const id of CASE_LOOP_INDICATORS) {
        if (!appliesTo(id, target.object)) continue;
        const want = expected[id]!;
        const have = row.figures[id];
        expect(have, id).toBeDefined();
        if (want.value === null) expect(have!.value, id).toBeNull();
        else expect(have!.value, id).toBeCloseTo(want.value, 9);
        if (id === 'suspendedDuration') continue;
        const drillAll = await service.drill(actor, {
          target: tgt,
          period: MARCH,
          id,
          part: 'cohort',
          limit: 1000,
        });
        expect(drillAll.items.map((i) => i.case_id).sort(), `${id} cohort`).toEqual(
          caseIds(want.of ?? want.items),
        );
        expect(drillAll.total, `${id} total`).toBe((want.of ?? want.items).length);
        if (want.of) {
          const drillNum = await service.drill(actor, {
            target: tgt,
            period: MARCH,
            id,
            part: 'numerator',
            limit: 1000,
          });
          expect(drillNum.items.map((i) => i.case_id).sort(), `${id} numerator`).toEqual(
            caseIds(want.items),
          );
          expect(have!.k, `${id} k`).toBe(want.items.length);
        }
        compared++;
      }
      expect(compared).toBeGreaterThan(10);
    },
  );
});
