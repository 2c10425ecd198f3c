import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  appliesTo,
  resolvePeriod,
  type CaseSource,
  type CaseState,
  type Period,
} from '@wangge/shared';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { systemActor } from '../../core/auth/actor';
import { defaultWorkCalendar } from '../calendar';
import { CASE_LOOP_INDICATORS, computeCaseLoop, type IndicatorTarget } from './indicator-compute';
import { caseFacts } from './indicator-facts';
import type { RollupRow } from './indicator-rollups';
import type { IndicatorCase, IndicatorEvent } from './indicator-timeline';
import { createIndicatorsRepo } from './indicators.repo';
import { createIndicatorsService } from './indicators.service';

/**
 * Rollups equal a full recomputation: random case histories (延期, 挂账 and 恢复, 回退 and redirects, 返工 after a
 * failed 核查, 作废, 重开, ratings), spread over months so they cross period boundaries, are written as facts into the
 * real database and counted by SQL; every case-loop figure must equal computeCaseLoop over the same logs.
 */
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const GRIDS = ['41010500100201', '41010500200101'];
const naturalHours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;

/** One random history, walked as a small state machine; `r` draws the choices, `gap` the hours between events. */
function history(id: string, draws: number[], start: number, source: CaseSource): IndicatorCase {
  let i = 0;
  const draw = (n: number) => draws[i++ % draws.length]! % n;
  let at = start;
  let state: CaseState | null = null;
  let dept = draw(2) ? 'D1' : 'D2';
  const events: IndicatorEvent[] = [];
  const push = (action: string, to: CaseState, extra: Partial<IndicatorEvent> = {}) => {
    at += (1 + draw(96)) * HOUR;
    events.push({
      seq: events.length + 1,
      action,
      from: state,
      to,
      actorId: 'u',
      actorRole: null,
      at: iso(at),
      data: {},
      ...extra,
    });
    state = to;
  };
  const due = (hours: number) => iso(at + (1 + hours) * HOUR);
  const dispatch = (kind: string) =>
    push('dispatch', 'handling', {
      data: { effects: [{ dispatch: { departmentId: dept, kind } }] },
      deadlines: { handle: due(24 + draw(72)) },
    });
  const approve = (requestType: string, to: CaseState, deadlines?: IndicatorEvent['deadlines']) =>
    push('approve_request', to, { data: { requestType }, ...(deadlines ? { deadlines } : {}) });

  push('report', 'pending_acceptance');
  // Sometimes a patrol report of the same problem was merged in: made before this report, or after it.
  const merged = draw(3) === 0 ? [iso(at + (draw(2) ? -1 : 1) * (1 + draw(48)) * HOUR)] : [];
  if (draw(6) === 0) {
    push('reject', 'rejected');
    return { id, source, gridCode: GRIDS[draw(2)]!, events, mergedPatrolReportsAt: merged };
  }
  if (draw(2)) {
    push('send_verify', 'verifying');
    push('verify_true', 'pending_registration');
  } else push('accept', 'pending_registration');
  push('register', 'pending_dispatch', { deadlines: { case: due(72 + draw(120)) } });
  dispatch('first');
  for (let round = 0; round < 6 && state !== 'closed' && state !== 'voided'; round++) {
    switch (draw(9)) {
      case 0: // 延期
        approve('extension', 'handling', { handle: due(48), case: due(96) });
        break;
      case 1: // 挂账, then perhaps 恢复
        approve('suspension', 'suspended', { handle: null });
        if (draw(3)) push('resume', 'handling', { deadlines: { handle: due(24) } });
        else if (draw(2)) push('void', 'voided');
        break;
      case 2: // 回退 approved: another department
        approve('send_back', 'pending_dispatch');
        dept = dept === 'D1' ? 'D2' : 'D1';
        dispatch('redirect');
        break;
      case 3: // 回退 refused
        push('refuse_request', 'handling', { data: { requestType: 'send_back' } });
        break;
      case 4:
        push('void', 'voided');
        break;
      default: {
        push('submit_feedback', 'feedback_review');
        if (draw(4) === 0) {
          push('return_feedback', 'handling');
          break;
        }
        push('accept_feedback', 'pending_check');
        push('send_check', 'checking');
        if (draw(3) === 0) {
          push('check_fail', 'pending_dispatch');
          dispatch('rework');
          break;
        }
        push('check_pass', 'pending_close');
        push('close', 'closed', { data: { closeReason: draw(5) ? 'fixed' : 'duplicate' } });
        if (draw(2))
          push('rate', 'closed', {
            data: { rating: ['satisfied', 'basically_satisfied', 'dissatisfied'][draw(3)]! },
          });
        if (draw(4) === 0) {
          approve('reopen', 'pending_dispatch', { case: due(96) });
          dispatch('reopen');
        }
      }
    }
  }
  if (state === 'suspended' && draw(2))
    push('resume', 'handling', { deadlines: { handle: due(8) } });
  return { id, source, gridCode: GRIDS[draw(2)]!, events, mergedPatrolReportsAt: merged };
}

const SOURCES: CaseSource[] = ['patrol', 'public', 'hotline_12345', 'leader'];
const arbCases = fc.array(
  fc.record({
    draws: fc.array(fc.nat(1000), { minLength: 8, maxLength: 40 }),
    startDay: fc.integer({ min: 0, max: 150 }),
    source: fc.constantFrom(...SOURCES),
  }),
  { minLength: 1, maxLength: 12 },
);
const PERIODS = ['2026-02', '2026-03', '2026-04', '2026-Q2'].map((key) => {
  const r = resolvePeriod(key.includes('Q') ? { type: 'quarter', key } : { type: 'month', key });
  return (r as { period: Period }).period;
});
const TARGETS: IndicatorTarget[] = [
  { object: 'area', code: '410105001' },
  { object: 'area', code: '410105' },
  { object: 'department', id: 'D1' },
  { object: 'department', id: 'D2' },
];
const AS_OF = '2026-12-31T00:00:00.000Z';
const actor = systemActor(PERMISSIONS);
const JAN = Date.parse('2026-01-01T00:00:00+08:00');

let t: TestApp;

/** The rollup rows as kept on write (rows counted down to nothing left out) and as counted afresh from the facts. */
async function rollupsAsStored() {
  const rows = await t.services.db
    .selectFrom('indicator_rollups')
    .selectAll()
    .where((eb) => eb.or([eb('n', '<>', 0), eb('hn', '<>', 0)]))
    .execute();
  return normalised(rows);
}
async function rollupsRecounted() {
  const repo = createIndicatorsRepo(t.services.db);
  return t.services.db.transaction().execute(async (tx) => {
    const kept = await tx.selectFrom('indicator_rollups').selectAll().execute();
    await repo.rebuildRollups(tx);
    const fresh = normalised(await tx.selectFrom('indicator_rollups').selectAll().execute());
    // Put the kept rows back, so that the next run goes on from the rollups as written.
    await tx.deleteFrom('indicator_rollups').execute();
    if (kept.length) await tx.insertInto('indicator_rollups').values(kept).execute();
    return fresh;
  });
}
function normalised(rows: RollupRow[]) {
  return rows
    .map((r) => ({ ...r, h: Math.round(r.h * 1e6) / 1e6 }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('indicator facts (rollups) against a recomputation from the log', () => {
  it('agree on every figure after random histories', async () => {
    const repo = createIndicatorsRepo(t.services.db);
    const deps = {
      db: t.services.db,
      clock: { now: () => new Date(AS_OF) },
      calendar: () => defaultWorkCalendar(),
      areaExists: async () => true,
      departmentExists: async () => true,
      names: async () => new Map(),
      caseBriefs: async () => [],
      tenures: async () => [],
    };
    const service = createIndicatorsService(deps, repo);
    const factsOnly = createIndicatorsService(
      { ...deps },
      createIndicatorsRepo(t.services.db, { rollups: false }),
    );
    let run = 0;
    let previous: IndicatorCase[] = [];
    const codes = (c: IndicatorCase) => ({
      admin_code: c.gridCode.slice(0, 6),
      street_code: c.gridCode.slice(0, 9),
      community_code: c.gridCode.slice(0, 12),
      grid_code: c.gridCode,
    });
    const write = (cs: readonly IndicatorCase[], cut?: (c: IndicatorCase) => number) =>
      t.services.db.transaction().execute(async (tx) => {
        for (const c of cs) {
          const shown = cut ? { ...c, events: c.events.slice(0, cut(c)) } : c;
          await repo.replaceFacts(tx, c.id, caseFacts(shown, codes(c), naturalHours));
        }
      });
    await fc.assert(
      fc.asyncProperty(arbCases, fc.nat(1000), async (specs, edit) => {
        run++;
        const cases = specs.map((s, i) =>
          history(`r${run}c${i}`, s.draws, JAN + s.startDay * 24 * HOUR, s.source),
        );
        // The last run's cases go (their facts rewritten to none), and each case is written twice: first as far as
        // some event, then whole, so the rollups see edits that move facts across months, kinds and columns.
        await write(previous, () => 0);
        previous = cases;
        await write(cases, (c) => 1 + (edit % c.events.length));
        await write(cases);
        expect(await rollupsAsStored()).toEqual(await rollupsRecounted());
        for (const period of PERIODS)
          for (const target of TARGETS) {
            const want = computeCaseLoop(cases, target, period, AS_OF);
            const got = (
              await service.figures(actor, {
                target:
                  target.object === 'area'
                    ? { object: 'area', code: target.code }
                    : { object: 'department', id: target.id },
                period,
              })
            ).rows[0]!.figures;
            for (const id of CASE_LOOP_INDICATORS) {
              if (!appliesTo(id, target.object)) continue;
              const w = want[id]!;
              const g = got[id]!;
              const where = `${id} ${period.key} ${JSON.stringify(target)}`;
              if (w.value === null) expect(g.value, where).toBeNull();
              else expect(g.value, where).toBeCloseTo(w.value, 6);
              if (id !== 'suspendedDuration') expect(g.n, where).toBe((w.of ?? w.items).length);
            }
          }
        // The same figures without the rollups, grouped every way the rollups answer.
        for (const groupBy of ['street', 'community', 'department'] as const)
          for (const period of [PERIODS[1]!, PERIODS[3]!]) {
            const req = { target: { object: 'area' as const }, period, groupBy };
            const a = await service.figures(actor, req);
            const b = await factsOnly.figures(actor, req);
            expect(a.rows).toEqual(b.rows);
          }
      }),
      { numRuns: 25, seed: 20261209 },
    );
  }, 180_000);
});
