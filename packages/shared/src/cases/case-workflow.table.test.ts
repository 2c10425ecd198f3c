import { describe, expect, it } from 'vitest';
import type { CaseAction, RequestType } from './case-actions';
import { A, type ActorKey, fullInput, NOW, snap, WINDOW_END } from './case-fixtures.test-util';
import { FLOW_ROWS } from './case-flow-rows';
import { OVERLAY_ROWS } from './case-overlay-rows';
import { type CaseState, OPEN_STATES, REGISTERED_OPEN_STATES } from './case-states';
import type { CaseSnapshot, DecideInput } from './case-types';
import { decide } from './case-workflow';

interface DocRow {
  from: CaseState;
  action: CaseAction;
  requestType?: RequestType;
  to: CaseState;
  actor: ActorKey;
  snap?: Partial<CaseSnapshot>;
  input?: DecideInput;
}

const DISPATCHED: readonly CaseState[] = [
  'handling',
  'suspended',
  'feedback_review',
  'pending_check',
  'checking',
  'pending_close',
  'closed',
];

/** A plausible case in `from`, as the earlier steps would have left it. */
function stateSnap(from: CaseState, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const dispatched = DISPATCHED.includes(from);
  return snap({
    state: from,
    handlingDeptId: dispatched ? 'dept-a' : null,
    handlerUserIds: dispatched ? ['u-handler'] : [],
    acknowledged: dispatched,
    assignedVerifierId: from === 'verifying' ? 'u-insp' : null,
    assignedCheckerId: from === 'checking' ? 'u-insp' : null,
    closedAt: from === 'closed' ? NOW : null,
    reopenWindowEndsAt: from === 'closed' ? WINDOW_END : null,
    ...over,
  });
}

const open = (type: RequestType, byUserId: string): Partial<CaseSnapshot> => ({
  pendingRequests: { [type]: { type, byUserId, reason: '原因', at: NOW } },
});

const t = (
  from: CaseState,
  action: CaseAction,
  to: CaseState,
  actor: ActorKey,
  extra: Partial<DocRow> = {},
): DocRow => ({
  from,
  action,
  to,
  actor,
  ...extra,
});

/** The state table of docs/case-workflow.md §2, transcribed independently of the implementation. */
const DOC_TABLE: DocRow[] = [
  t('candidate', 'confirm', 'pending_acceptance', 'intake'),
  t('candidate', 'dismiss', 'dismissed', 'intake'),
  t('pending_acceptance', 'accept', 'pending_registration', 'intake'),
  t('pending_acceptance', 'send_verify', 'verifying', 'intake'),
  t('pending_acceptance', 'reject', 'rejected', 'intake'),
  t('pending_acceptance', 'merge', 'merged', 'intake'),
  t('pending_acceptance', 'accept', 'pending_close', 'intake', { snap: { selfHandled: true } }),
  t('pending_acceptance', 'accept', 'pending_check', 'intake', {
    snap: { selfHandled: true },
    input: { facts: { sampleCheck: true } },
  }),
  t('verifying', 'verify_true', 'pending_registration', 'inspector'),
  t('verifying', 'verify_false', 'pending_acceptance', 'inspector'),
  t('verifying', 'reassign_verify', 'verifying', 'intake'),
  t('pending_registration', 'register', 'pending_dispatch', 'shift'),
  t('pending_registration', 'refuse_registration', 'rejected', 'shift'),
  t('pending_registration', 'return_to_intake', 'pending_acceptance', 'shift'),
  t('pending_dispatch', 'dispatch', 'handling', 'dispatcher'),
  t('pending_dispatch', 'dispatch', 'handling', 'dispatcher', {
    snap: { handlingDeptId: 'dept-b', flags: { rework: true, urgent: false, legacyIssue: false } },
  }),
  t('pending_dispatch', 'request_void', 'pending_dispatch', 'dispatcher', { requestType: 'void' }),
  t('pending_dispatch', 'approve_request', 'voided', 'shift', {
    requestType: 'void',
    snap: open('void', 'u-disp'),
  }),
  t('pending_dispatch', 'refuse_request', 'pending_dispatch', 'shift', {
    requestType: 'void',
    snap: open('void', 'u-disp'),
  }),
  t('handling', 'acknowledge', 'handling', 'handler', { snap: { acknowledged: false } }),
  t('handling', 'submit_feedback', 'feedback_review', 'handler'),
  t('handling', 'request_send_back', 'handling', 'handler', { requestType: 'send_back' }),
  t('handling', 'request_extension', 'handling', 'handler', { requestType: 'extension' }),
  t('handling', 'request_suspension', 'handling', 'handler', { requestType: 'suspension' }),
  t('handling', 'request_void', 'handling', 'handler', { requestType: 'void' }),
  t('handling', 'request_void', 'handling', 'dispatcher', { requestType: 'void' }),
  t('handling', 'approve_request', 'pending_dispatch', 'dispatcher', {
    requestType: 'send_back',
    snap: open('send_back', 'u-handler'),
  }),
  t('handling', 'approve_request', 'handling', 'dispatcher', {
    requestType: 'extension',
    snap: open('extension', 'u-handler'),
  }),
  t('handling', 'approve_request', 'suspended', 'dispatcher', {
    requestType: 'suspension',
    snap: open('suspension', 'u-handler'),
  }),
  t('handling', 'approve_request', 'voided', 'shift', {
    requestType: 'void',
    snap: open('void', 'u-handler'),
  }),
  t('handling', 'refuse_request', 'handling', 'dispatcher', {
    requestType: 'send_back',
    snap: open('send_back', 'u-handler'),
  }),
  t('handling', 'refuse_request', 'handling', 'dispatcher', {
    requestType: 'extension',
    snap: open('extension', 'u-handler'),
  }),
  t('handling', 'refuse_request', 'handling', 'dispatcher', {
    requestType: 'suspension',
    snap: open('suspension', 'u-handler'),
  }),
  t('handling', 'refuse_request', 'handling', 'shift', {
    requestType: 'void',
    snap: open('void', 'u-handler'),
  }),
  t('suspended', 'resume', 'handling', 'dispatcher'),
  t('suspended', 'void', 'voided', 'shift'),
  t('feedback_review', 'accept_feedback', 'pending_check', 'dispatcher'),
  t('feedback_review', 'accept_feedback', 'pending_check', 'system'),
  t('feedback_review', 'return_feedback', 'handling', 'dispatcher'),
  t('pending_check', 'send_check', 'checking', 'intake'),
  t('checking', 'check_pass', 'pending_close', 'inspector'),
  t('checking', 'check_fail', 'pending_dispatch', 'inspector'),
  t('checking', 'reassign_check', 'checking', 'intake'),
  t('pending_close', 'close', 'closed', 'shift'),
  t('pending_close', 'refuse_close', 'pending_dispatch', 'shift'),
  t('closed', 'rate', 'closed', 'citizen'),
  t('closed', 'rate', 'closed', 'hotline', { snap: { source: 'hotline_12345' } }),
  t('closed', 'request_reopen', 'closed', 'citizen', { requestType: 'reopen' }),
  t('closed', 'request_reopen', 'closed', 'intake', { requestType: 'reopen' }),
  t('closed', 'request_reopen', 'closed', 'hotline', {
    requestType: 'reopen',
    snap: { source: 'hotline_12345' },
  }),
  t('closed', 'approve_request', 'pending_dispatch', 'shift', {
    requestType: 'reopen',
    snap: open('reopen', 'reporter'),
  }),
  t('closed', 'refuse_request', 'closed', 'shift', {
    requestType: 'reopen',
    snap: open('reopen', 'reporter'),
  }),
];

/** The owner who must reply to a 督办 in each open state. */
const OWNER: Record<(typeof OPEN_STATES)[number], ActorKey> = {
  pending_acceptance: 'intake',
  verifying: 'inspector',
  pending_registration: 'shift',
  pending_dispatch: 'dispatcher',
  handling: 'handler',
  suspended: 'dispatcher',
  feedback_review: 'dispatcher',
  pending_check: 'intake',
  checking: 'inspector',
  pending_close: 'shift',
};
const supervised = {
  supervision: { level: 'normal', issuerId: 'u-leader', replied: false },
} as const;

/** Overlays (§2.1) and 12345 撤回 (§5), in every state they apply to. */
const OVERLAY_TABLE: DocRow[] = OPEN_STATES.flatMap((from): DocRow[] => [
  { from, action: 'supervise', to: from, actor: 'leader' },
  { from, action: 'supervise', to: from, actor: 'shift' },
  { from, action: 'supervise', to: from, actor: 'system', input: { level: 'yellow' } },
  { from, action: 'reply_supervision', to: from, actor: OWNER[from], snap: supervised },
  { from, action: 'cancel_supervision', to: from, actor: 'leader', snap: supervised },
  { from, action: 'escalate_supervision', to: from, actor: 'system', snap: supervised },
  { from, action: 'urge', to: from, actor: 'streetLeader' },
  { from, action: 'leader_instruct', to: from, actor: 'leader' },
  { from, action: 'set_flags', to: from, actor: 'intake' },
  ...((REGISTERED_OPEN_STATES as readonly CaseState[]).includes(from)
    ? [
        { from, action: 'recategorise', to: from, actor: 'shift' } as const,
        {
          from,
          action: 'withdraw',
          to: 'voided',
          actor: 'hotline',
          snap: { source: 'hotline_12345' },
        } as const,
      ]
    : [
        {
          from,
          action: 'withdraw',
          to: 'rejected',
          actor: 'hotline',
          snap: { source: 'hotline_12345' },
        } as const,
      ]),
]);

function run(r: DocRow) {
  const input = fullInput({ ...r.input, ...(r.requestType ? { requestType: r.requestType } : {}) });
  if (r.snap?.selfHandled) input.closeReason = 'self_handled';
  return decide(stateSnap(r.from, r.snap), r.action, A[r.actor], input);
}

const label = (r: DocRow) =>
  `${r.from} --${r.action}${r.requestType ? `(${r.requestType})` : ''} [${r.actor}]--> ${r.to}`;

describe('state table (docs/case-workflow.md §2)', () => {
  it.each(DOC_TABLE.map((r) => [label(r), r] as const))('%s', (_, r) => {
    const result = run(r);
    expect(result).toMatchObject({ ok: true, from: r.from, nextState: r.to });
  });

  it('the implementation has exactly the rows of the doc table, no more', () => {
    const key = (from: string, action: string, requestType: string | undefined, to: string) =>
      `${from}|${action}|${requestType ?? ''}|${to}`;
    const doc = new Set(DOC_TABLE.map((r) => key(r.from, r.action, r.requestType, r.to)));
    const impl = new Set(
      FLOW_ROWS.map((r) => key(r.from, r.action, r.requestType, r.to === 'same' ? r.from : r.to)),
    );
    expect([...impl].sort()).toEqual([...doc].sort());
  });
});

describe('overlay rows (docs/case-workflow.md §2.1)', () => {
  it.each(OVERLAY_TABLE.map((r) => [label(r), r] as const))('%s', (_, r) => {
    expect(run(r)).toMatchObject({ ok: true, nextState: r.to });
  });

  it('covers every overlay row of the implementation', () => {
    const key = (from: string, action: string) => `${from}|${action}`;
    const tested = new Set(OVERLAY_TABLE.map((r) => key(r.from, r.action)));
    expect(OVERLAY_ROWS.filter((r) => !tested.has(key(r.from, r.action)))).toEqual([]);
  });
});
