import { describe, expect, it } from 'vitest';
import type { CaseSource, CaseState } from '@wangge/shared';
import { computeCaseLoop, type Figure } from './indicator-compute';
import type { IndicatorCase, IndicatorEvent } from './indicator-timeline';

/**
 * A scripted history around March 2026 (Asia/Shanghai: [2026-02-28T16:00Z, 2026-03-31T16:00Z)), with the figures
 * worked out by hand in the comments. Times are UTC; 02:00Z is 10:00 in Shanghai.
 */
/** 'MM-DDTHH:MM' or 'MM-DDTHH:MM:SS' of 2026, UTC. */
const t = (s: string) => `2026-${s}${s.length > 11 ? '' : ':00'}.000Z`;
type Extra = Partial<Pick<IndicatorEvent, 'data' | 'deadlines'>>;
type Step = [at: string, action: string, to: CaseState | 'same', extra?: Extra];

function kase(id: string, source: CaseSource, gridCode: string, steps: Step[]): IndicatorCase {
  let state: CaseState | null = null;
  const events = steps.map(([at, action, to, extra], i): IndicatorEvent => {
    const next: CaseState = to === 'same' ? (state as CaseState) : to;
    const e: IndicatorEvent = {
      seq: i + 1,
      action,
      from: state,
      to: next,
      actorId: 'u',
      actorRole: null,
      at: t(at),
      data: extra?.data ?? {},
      ...(extra?.deadlines ? { deadlines: extra.deadlines } : {}),
    };
    state = next;
    return e;
  });
  return { id, source, gridCode, events };
}
const dispatch = (departmentId: string, kind: string, handle: string): Extra => ({
  data: { effects: [{ dispatch: { departmentId, kind, overridden: false } }] },
  deadlines: { handle: t(handle) },
});
const register = (deadline: string): Extra => ({ deadlines: { case: t(deadline) } });
const req = (requestType: string, deadlines?: IndicatorEvent['deadlines']): Extra => ({
  data: { requestType },
  ...(deadlines ? { deadlines } : {}),
});
const closeAs = (closeReason: string): Extra => ({ data: { closeReason } });
const rated = (rating: string): Extra => ({ data: { rating } });

const S1 = '41010500100201'; // a grid of street 410105001
const O1 = '41010500200101'; // a grid of another street
/** Feedback, its acceptance and a passed 核查, at the given times. */
const fedBackAndChecked = (fb: string, ok: string): Step[] => [
  [fb, 'submit_feedback', 'feedback_review'],
  [ok, 'accept_feedback', 'pending_check'],
  [ok, 'send_check', 'checking'],
  [ok, 'check_pass', 'pending_close'],
];

const CASES: IndicatorCase[] = [
  // A: registered in February, handled and closed in March, both on time.
  kase('A', 'patrol', S1, [
    ['02-27T02:00', 'report', 'pending_acceptance'],
    ['02-27T03:00', 'accept', 'pending_registration'],
    ['02-27T04:00', 'register', 'pending_dispatch', register('03-03T09:00')],
    ['02-27T05:00', 'dispatch', 'handling', dispatch('D1', 'first', '03-02T09:00')],
    ...fedBackAndChecked('03-02T08:00', '03-02T09:00'),
    ['03-03T03:00', 'close', 'closed', closeAs('fixed')],
  ]),
  // B: public report confirmed by 核实; 延期 makes the first feedback on time (at the deadline itself);
  // 核查 fails, 返工 to the same department is late, and the close misses the extended deadline.
  kase('B', 'public', S1, [
    ['03-05T02:00', 'report', 'pending_acceptance'],
    ['03-05T02:30', 'send_verify', 'verifying'],
    ['03-05T03:00', 'verify_true', 'pending_registration'],
    ['03-05T04:00', 'register', 'pending_dispatch', register('03-12T09:00')],
    ['03-05T05:00', 'dispatch', 'handling', dispatch('D1', 'first', '03-09T09:00')],
    ['03-08T02:00', 'request_extension', 'same', req('extension')],
    [
      '03-08T03:00',
      'approve_request',
      'same',
      req('extension', { handle: t('03-11T09:00'), case: t('03-14T09:00') }),
    ],
    ['03-11T09:00', 'submit_feedback', 'feedback_review'],
    ['03-11T10:00', 'accept_feedback', 'pending_check'],
    ['03-12T01:00', 'send_check', 'checking'],
    ['03-12T02:00', 'check_fail', 'pending_dispatch'],
    ['03-12T03:00', 'dispatch', 'handling', dispatch('D1', 'rework', '03-13T09:00')],
    ...fedBackAndChecked('03-16T02:00', '03-16T03:00'),
    ['03-17T02:00', 'close', 'closed', closeAs('fixed')],
    ['03-18T02:00', 'rate', 'same', rated('satisfied')],
  ]),
  // C: 挂账 for five days pauses the 处置 clock (恢复 gives a new deadline, met); closed late, rated 不满意,
  // reopened, dispatched again and not fed back by asOf.
  kase('C', 'patrol', S1, [
    ['03-10T02:00', 'report', 'pending_acceptance'],
    ['03-10T02:10', 'accept', 'pending_registration'],
    ['03-10T02:20', 'register', 'pending_dispatch', register('03-17T09:00')],
    ['03-10T02:30', 'dispatch', 'handling', dispatch('D2', 'first', '03-13T09:00')],
    ['03-11T01:00', 'request_suspension', 'same', req('suspension')],
    ['03-11T02:00', 'approve_request', 'suspended', req('suspension', { handle: null })],
    ['03-16T02:00', 'resume', 'handling', { deadlines: { handle: t('03-18T09:00') } }],
    ...fedBackAndChecked('03-18T02:00', '03-19T02:00'),
    ['03-20T02:00', 'close', 'closed', closeAs('fixed')],
    ['03-21T02:00', 'rate', 'same', rated('dissatisfied')],
    [
      '03-22T02:00',
      'approve_request',
      'pending_dispatch',
      req('reopen', { case: t('04-02T09:00') }),
    ],
    ['03-22T03:00', 'dispatch', 'handling', dispatch('D2', 'reopen', '03-25T09:00')],
  ]),
  // D: 12345 order sent back by D1 (回退 approved), redirected to D2, then 挂账 until after asOf.
  kase('D', 'hotline_12345', S1, [
    ['03-20T02:00', 'report', 'pending_acceptance'],
    ['03-20T02:10', 'accept', 'pending_registration'],
    ['03-20T02:20', 'register', 'pending_dispatch', register('03-27T09:00')],
    ['03-20T02:30', 'dispatch', 'handling', dispatch('D1', 'first', '03-24T09:00')],
    ['03-21T01:00', 'request_send_back', 'same', req('send_back')],
    ['03-21T02:00', 'approve_request', 'pending_dispatch', req('send_back')],
    ['03-21T03:00', 'dispatch', 'handling', dispatch('D2', 'redirect', '03-25T09:00')],
    ['03-24T01:00', 'request_suspension', 'same', req('suspension')],
    ['03-24T02:00', 'approve_request', 'suspended', req('suspension', { handle: null })],
  ]),
  // E: a refused 回退, then 作废.
  kase('E', 'patrol', S1, [
    ['03-25T02:00', 'report', 'pending_acceptance'],
    ['03-25T02:10', 'accept', 'pending_registration'],
    ['03-25T02:20', 'register', 'pending_dispatch', register('03-30T09:00')],
    ['03-25T02:30', 'dispatch', 'handling', dispatch('D1', 'first', '03-27T09:00')],
    ['03-26T01:00', 'request_send_back', 'same', req('send_back')],
    ['03-26T02:00', 'refuse_request', 'same', req('send_back')],
    ['03-26T03:00', 'request_void', 'same', req('void')],
    ['03-26T04:00', 'approve_request', 'voided', req('void')],
  ]),
  // F: 自行处置, closed without 立案 or dispatch.
  kase('F', 'patrol', S1, [
    ['03-28T02:00', 'report', 'pending_acceptance'],
    ['03-28T02:10', 'accept', 'pending_close'],
    ['03-28T03:00', 'close', 'closed', closeAs('self_handled')],
  ]),
  // G: another street, D1 on time, rated 基本满意.
  kase('G', 'patrol', O1, [
    ['03-05T02:00', 'report', 'pending_acceptance'],
    ['03-05T02:10', 'accept', 'pending_registration'],
    ['03-05T02:20', 'register', 'pending_dispatch', register('03-12T09:00')],
    ['03-05T02:30', 'dispatch', 'handling', dispatch('D1', 'first', '03-09T09:00')],
    ...fedBackAndChecked('03-09T02:00', '03-09T05:00'),
    ['03-10T02:00', 'close', 'closed', closeAs('fixed')],
    ['03-11T02:00', 'rate', 'same', rated('basically_satisfied')],
  ]),
  // H: reported 1 April 01:00 in Shanghai — April, not March.
  kase('H', 'patrol', S1, [
    ['03-31T17:00', 'report', 'pending_acceptance'],
    ['03-31T17:10', 'accept', 'pending_registration'],
    ['03-31T17:20', 'register', 'pending_dispatch', register('04-03T09:00')],
  ]),
  // I: a video/AI candidate dismissed: never a report.
  kase('I', 'video_ai', S1, [
    ['03-06T02:00', 'report', 'candidate'],
    ['03-06T03:00', 'dismiss', 'dismissed'],
  ]),
  // J: a candidate detected on 28 February (Shanghai) and confirmed on 1 March 01:00: a March report; rejected.
  kase('J', 'video_ai', S1, [
    ['02-28T15:00', 'report', 'candidate'],
    ['02-28T17:00', 'confirm', 'pending_acceptance'],
    ['03-01T02:00', 'reject', 'rejected'],
  ]),
  // K: reported in the last second of March.
  kase('K', 'public', S1, [['03-31T15:59:59', 'report', 'pending_acceptance']]),
];

const MARCH = { start: '2026-02-28T16:00:00.000Z', end: '2026-03-31T16:00:00.000Z' };
const AS_OF = '2026-04-10T00:00:00.000Z';

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

  it('the other street sees none of these cases but G', () => {
    const f = computeCaseLoop(CASES, { object: 'area', code: '410105002' }, MARCH, AS_OF);
    expect(summary(f)).toMatchObject({ registeredCount: [1, 'G'], closedCount: [1, 'G'] });
  });
});
