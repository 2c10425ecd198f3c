import type { CaseSource, CaseState } from '@wangge/shared';
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

/** A case into which patrol reports made at `mergedAt` were merged (合并). */
const withMerged = (mergedAt: string[], ...args: Parameters<typeof kase>): IndicatorCase => ({
  ...kase(...args),
  mergedPatrolReportsAt: mergedAt.map(t),
});

const S1 = '41010500100201'; // a grid of street 410105001
const O1 = '41010500200101'; // a grid of another street
/** Feedback, its acceptance and a passed 核查, at the given times. */
const fedBackAndChecked = (fb: string, ok: string): Step[] => [
  [fb, 'submit_feedback', 'feedback_review'],
  [ok, 'accept_feedback', 'pending_check'],
  [ok, 'send_check', 'checking'],
  [ok, 'check_pass', 'pending_close'],
];

export const CASES: IndicatorCase[] = [
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
  // A patrol report of the same problem came in after B's own report and was merged into it: B is still a 漏报.
  withMerged(['03-06T01:00'], 'B', 'public', S1, [
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
  // L: another street; a public report confirmed and registered, but a patrol had reported it the day before (that
  // report was merged into L): not a 漏报. Never dispatched.
  withMerged(['03-09T00:00'], 'L', 'public', O1, [
    ['03-10T02:00', 'report', 'pending_acceptance'],
    ['03-10T02:10', 'send_verify', 'verifying'],
    ['03-10T03:00', 'verify_true', 'pending_registration'],
    ['03-10T04:00', 'register', 'pending_dispatch', register('03-17T09:00')],
  ]),
];

export const MARCH = { start: '2026-02-28T16:00:00.000Z', end: '2026-03-31T16:00:00.000Z' };
export const AS_OF = '2026-04-10T00:00:00.000Z';
