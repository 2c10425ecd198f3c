import { describe, expect, it } from 'vitest';
import { computeCaseLoop, type Figure } from './indicator-compute';

import { AS_OF, CASES, MARCH } from './indicator-history.test-util';

/** Figures as [value, the cases behind them] (rates: [value, numerator cases, denominator cases]). */
function summary(figures: Partial<Record<string, Figure>>) {
  const cases = (refs: Figure['items']) => refs.map((r) => r.caseId).join('');
  return Object.fromEntries(
    Object.entries(figures).map(([id, f]) => [
      id,
      f!.of ? [f!.value, cases(f!.items), cases(f!.of)] : [f!.value, cases(f!.items)],
    ]),
  );
}

describe('case-loop indicators from a scripted history (docs/indicators.md §4)', () => {
  it('street 410105001, March', () => {
    const f = computeCaseLoop(CASES, { object: 'area', code: '410105001' }, MARCH, AS_OF);
    expect(summary(f)).toEqual({
      reportCount: [7, 'BCDEFJK'], // A (February), H (April) and the dismissed I are out
      // B: public, confirmed by 核实, and the only patrol report of it came later.
      missedReportCount: [1, 'B'],
      missedReportRate: [1 / 4, 'B', 'BCDE'],
      intakeCount: [5, 'CDEFJ'], // accept ×4 (B went to 核实 instead), J rejected
      registeredCount: [4, 'BCDE'],
      dispatchDue: [4, 'BCDE'],
      selfHandledCount: [1, 'F'],
      // Tasks due in March: A, B (on time at the deadline), B 返工 (late), C (deadline after 恢复, met),
      // C after 重开 (not fed back). D's first task was sent back, its second is paused; E's was voided.
      handleOnTimeRate: [3 / 5, 'ABC', 'ABBCC'],
      // Obligations due: A (in time), B (after 延期, late), C (late). D stands in 挂账, E was voided.
      closeDue: [3, 'ABC'],
      closedCount: [4, 'ABCF'],
      closeRate: [1, 'ABC', 'ABC'],
      closeInTimeRate: [1 / 3, 'A', 'ABC'],
      publicReportConfirmed: [1, 'B'],
      publicReportRate: [1 / 4, 'B', 'BCDE'],
      satisfactionRate: [1 / 2, 'B', 'BC'],
      reopenRate: [1 / 4, 'C', 'ABCF'],
      // Requests (public, 12345, staff entry) closed in March: only B, fixed and not reopened.
      resolveRate: [1, 'B', 'B'],
      requestSatisfactionRate: [1, 'B', 'B'],
    });
  });

  it('street 410105002, March: a confirmed public report a patrol had reported first is no 漏报', () => {
    const f = computeCaseLoop(CASES, { object: 'area', code: '410105002' }, MARCH, AS_OF);
    expect(summary(f)).toMatchObject({
      registeredCount: [2, 'GL'],
      missedReportCount: [0, ''],
      missedReportRate: [0, '', 'GL'],
      publicReportConfirmed: [1, 'L'],
    });
  });

  it('department D1, March', () => {
    const f = computeCaseLoop(CASES, { object: 'department', id: 'D1' }, MARCH, AS_OF);
    expect(summary(f)).toEqual({
      registeredCount: [4, 'BDEG'], // first dispatched to D1 (D went on to D2)
      handleDue: [4, 'ABBG'],
      handledCount: [4, 'ABBG'], // by feedback time: A 2nd, B 11th, B 返工 16th, G 9th
      handledOnTime: [3, 'ABG'],
      handleOnTimeRate: [3 / 4, 'ABG', 'ABBG'],
      handledLateCount: [1, 'B'],
      reworkCount: [1, 'B'],
      reworkRate: [1 / 4, 'B', 'ABBG'], // B's first task was redone
      buckPassCount: [2, 'DE'],
      buckPassApproved: [1, 'D'],
      buckPassRefused: [1, 'E'],
      suspendedDuration: [0, ''],
      closeDue: [3, 'ABG'],
      closedCount: [3, 'ABG'],
      closeRate: [1, 'ABG', 'ABG'],
      closeInTimeRate: [2 / 3, 'AG', 'ABG'],
      satisfactionRate: [1, 'BG', 'BG'],
      reopenRate: [0, '', 'ABG'],
      resolveRate: [1, 'B', 'B'],
      requestSatisfactionRate: [1, 'B', 'B'],
    });
  });

  it('department D2, March: 挂账 hours, a redirect and a 重开', () => {
    const f = computeCaseLoop(CASES, { object: 'department', id: 'D2' }, MARCH, AS_OF);
    expect(summary(f)).toMatchObject({
      registeredCount: [1, 'C'],
      handleDue: [2, 'CC'],
      handleOnTimeRate: [1 / 2, 'C', 'CC'],
      handledCount: [1, 'C'],
      reworkCount: [0, ''], // the redirect of D and the 重开 dispatch of C are not 返工
      reworkRate: [0, '', 'C'],
      // C: 11th 02:00 → 16th 02:00 = 120 h; D: 24th 02:00 → the period's end 31st 16:00 = 182 h.
      suspendedDuration: [302, 'CD'],
      closeDue: [1, 'C'],
      closeInTimeRate: [0, '', 'C'],
      satisfactionRate: [0, '', 'C'],
      reopenRate: [1, 'C', 'C'],
      // No requests reached D2's closes: "—", never 0 %.
      resolveRate: [null, '', ''],
    });
  });

  it('a running period counts only deadlines already passed and events up to asOf', () => {
    const asOf = '2026-03-12T00:00:00.000Z';
    const f = computeCaseLoop(CASES, { object: 'area', code: '410105001' }, MARCH, asOf);
    expect(summary(f)).toMatchObject({
      // B's deadline was moved to the 14th by then; C stood in 挂账.
      closeDue: [1, 'A'],
      handleOnTimeRate: [1, 'AB', 'AB'],
      registeredCount: [2, 'BC'],
      closedCount: [1, 'A'],
      satisfactionRate: [null, '', ''],
    });
  });

  it('February holds what happened before the boundary', () => {
    const feb = { start: '2026-01-31T16:00:00.000Z', end: '2026-02-28T16:00:00.000Z' };
    const f = computeCaseLoop(CASES, { object: 'area', code: '410105001' }, feb, AS_OF);
    expect(summary(f)).toMatchObject({
      reportCount: [1, 'A'], // J was confirmed on 1 March (Shanghai)
      registeredCount: [1, 'A'],
      closedCount: [0, ''],
      closeDue: [0, ''],
      closeRate: [null, '', ''],
    });
  });

  it('the other street sees none of these cases but G and L', () => {
    const f = computeCaseLoop(CASES, { object: 'area', code: '410105002' }, MARCH, AS_OF);
    expect(summary(f)).toMatchObject({ registeredCount: [2, 'GL'], closedCount: [1, 'G'] });
  });
});
