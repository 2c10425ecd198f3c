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

const DISPATCHED: readonly CaseState[] = ['handling', 'suspended', 'feedback_review', 'pending_check', 'checking', 'pending_close', 'closed'];

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

/** The state table of case-workflow.md §2, transcribed independently of the implementation. */
const DOC_TABLE: DocRow[] = [
  { from: 'candidate', action: 'confirm', to: 'pending_acceptance', actor: 'intake' },
  { from: 'candidate', action: 'dismiss', to: 'dismissed', actor: 'intake' },
  { from: 'pending_acceptance', action: 'accept', to: 'pending_registration', actor: 'intake' },
  { from: 'pending_acceptance', action: 'send_verify', to: 'verifying', actor: 'intake' },
  { from: 'pending_acceptance', action: 'reject', to: 'rejected', actor: 'intake' },
  { from: 'pending_acceptance', action: 'merge', to: 'merged', actor: 'intake' },
  { from: 'pending_acceptance', action: 'accept', to: 'pending_close', actor: 'intake', snap: { selfHandled: true } },
  { from: 'pending_acceptance', action: 'accept', to: 'pending_check', actor: 'intake', snap: { selfHandled: true }, input: { facts: { sampleCheck: true } } },
  { from: 'verifying', action: 'verify_true', to: 'pending_registration', actor: 'inspector' },
  { from: 'verifying', action: 'verify_false', to: 'pending_acceptance', actor: 'inspector' },
  { from: 'verifying', action: 'reassign_verify', to: 'verifying', actor: 'intake' },
  { from: 'pending_registration', action: 'register', to: 'pending_dispatch', actor: 'shift' },
  { from: 'pending_registration', action: 'refuse_registration', to: 'rejected', actor: 'shift' },
  { from: 'pending_registration', action: 'return_to_intake', to: 'pending_acceptance', actor: 'shift' },
  { from: 'pending_dispatch', action: 'dispatch', to: 'handling', actor: 'dispatcher' },
  { from: 'pending_dispatch', action: 'dispatch', to: 'handling', actor: 'dispatcher', snap: { handlingDeptId: 'dept-b', flags: { rework: true, urgent: false, legacyIssue: false } } },
  { from: 'pending_dispatch', action: 'request_void', requestType: 'void', to: 'pending_dispatch', actor: 'dispatcher' },
  { from: 'pending_dispatch', action: 'approve_request', requestType: 'void', to: 'voided', actor: 'shift', snap: open('void', 'u-disp') },
  { from: 'pending_dispatch', action: 'refuse_request', requestType: 'void', to: 'pending_dispatch', actor: 'shift', snap: open('void', 'u-disp') },
  { from: 'handling', action: 'acknowledge', to: 'handling', actor: 'handler', snap: { acknowledged: false } },
  { from: 'handling', action: 'submit_feedback', to: 'feedback_review', actor: 'handler' },
  { from: 'handling', action: 'request_send_back', requestType: 'send_back', to: 'handling', actor: 'handler' },
  { from: 'handling', action: 'request_extension', requestType: 'extension', to: 'handling', actor: 'handler' },
  { from: 'handling', action: 'request_suspension', requestType: 'suspension', to: 'handling', actor: 'handler' },
  { from: 'handling', action: 'request_void', requestType: 'void', to: 'handling', actor: 'handler' },
  { from: 'handling', action: 'request_void', requestType: 'void', to: 'handling', actor: 'dispatcher' },
  { from: 'handling', action: 'approve_request', requestType: 'send_back', to: 'pending_dispatch', actor: 'dispatcher', snap: open('send_back', 'u-handler') },
  { from: 'handling', action: 'approve_request', requestType: 'extension', to: 'handling', actor: 'dispatcher', snap: open('extension', 'u-handler') },
  { from: 'handling', action: 'approve_request', requestType: 'suspension', to: 'suspended', actor: 'dispatcher', snap: open('suspension', 'u-handler') },
  { from: 'handling', action: 'approve_request', requestType: 'void', to: 'voided', actor: 'shift', snap: open('void', 'u-handler') },
  { from: 'handling', action: 'refuse_request', requestType: 'send_back', to: 'handling', actor: 'dispatcher', snap: open('send_back', 'u-handler') },
  { from: 'handling', action: 'refuse_request', requestType: 'extension', to: 'handling', actor: 'dispatcher', snap: open('extension', 'u-handler') },
  { from: 'handling', action: 'refuse_request', requestType: 'suspension', to: 'handling', actor: 'dispatcher', snap: open('suspension', 'u-handler') },
  { from: 'handling', action: 'refuse_request', requestType: 'void', to: 'handling', actor: 'shift', snap: open('void', 'u-handler') },
  { from: 'suspended', action: 'resume', to: 'handling', actor: 'dispatcher' },
  { from: 'suspended', action: 'void', to: 'voided', actor: 'shift' },
  { from: 'feedback_review', action: 'accept_feedback', to: 'pending_check', actor: 'dispatcher' },
  { from: 'feedback_review', action: 'accept_feedback', to: 'pending_check', actor: 'system' },
  { from: 'feedback_review', action: 'return_feedback', to: 'handling', actor: 'dispatcher' },
  { from: 'pending_check', action: 'send_check', to: 'checking', actor: 'intake' },
  { from: 'checking', action: 'check_pass', to: 'pending_close', actor: 'inspector' },
  { from: 'checking', action: 'check_fail', to: 'pending_dispatch', actor: 'inspector' },
  { from: 'checking', action: 'reassign_check', to: 'checking', actor: 'intake' },
  { from: 'pending_close', action: 'close', to: 'closed', actor: 'shift' },
  { from: 'pending_close', action: 'refuse_close', to: 'pending_dispatch', actor: 'shift' },
  { from: 'closed', action: 'rate', to: 'closed', actor: 'citizen' },
  { from: 'closed', action: 'rate', to: 'closed', actor: 'hotline', snap: { source: 'hotline_12345' } },
  { from: 'closed', action: 'request_reopen', requestType: 'reopen', to: 'closed', actor: 'citizen' },
  { from: 'closed', action: 'request_reopen', requestType: 'reopen', to: 'closed', actor: 'intake' },
  { from: 'closed', action: 'request_reopen', requestType: 'reopen', to: 'closed', actor: 'hotline', snap: { source: 'hotline_12345' } },
  { from: 'closed', action: 'approve_request', requestType: 'reopen', to: 'pending_dispatch', actor: 'shift', snap: open('reopen', 'reporter') },
  { from: 'closed', action: 'refuse_request', requestType: 'reopen', to: 'closed', actor: 'shift', snap: open('reopen', 'reporter') },
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
const supervised = { supervision: { level: 'normal', issuerId: 'u-leader', replied: false } } as const;

/** Overlays (§2.1) and 12345 撤回 (§5), in every state they apply to. */
const OVERLAY_TABLE: DocRow[] = OPEN_STATES.flatMap((from): DocRow[] => [
  { from, action: 'supervise', to: from, actor: 'leader' },
  { from, action: 'supervise', to: from, actor: 'shift' },
  { from, action: 'supervise', to: from, actor: 'system', input: { level: 'yellow' } },
  { from, action: 'reply_supervision', to: from, actor: OWNER[from], snap: supervised },
  { from, action: 'cancel_supervision', to: from, actor: 'leader', snap: supervised },
  { from, action: 'urge', to: from, actor: 'streetLeader' },
  { from, action: 'leader_instruct', to: from, actor: 'leader' },
  { from, action: 'set_flags', to: from, actor: 'intake' },
  ...((REGISTERED_OPEN_STATES as readonly CaseState[]).includes(from)
    ? [
        { from, action: 'recategorise', to: from, actor: 'shift' } as const,
        { from, action: 'withdraw', to: 'voided', actor: 'hotline', snap: { source: 'hotline_12345' } } as const,
      ]
    : [{ from, action: 'withdraw', to: 'rejected', actor: 'hotline', snap: { source: 'hotline_12345' } } as const]),
]);

function run(r: DocRow) {
  const input = fullInput({ ...r.input, ...(r.requestType ? { requestType: r.requestType } : {}) });
  if (r.snap?.selfHandled) input.closeReason = 'self_handled';
  return decide(stateSnap(r.from, r.snap), r.action, A[r.actor], input);
}

const label = (r: DocRow) => `${r.from} --${r.action}${r.requestType ? `(${r.requestType})` : ''} [${r.actor}]--> ${r.to}`;

describe('state table (case-workflow.md §2)', () => {
  it.each(DOC_TABLE.map((r) => [label(r), r] as const))('%s', (_, r) => {
    const result = run(r);
    expect(result).toMatchObject({ ok: true, from: r.from, nextState: r.to });
  });

  it('the implementation has exactly the rows of the doc table, no more', () => {
    const key = (from: string, action: string, requestType: string | undefined, to: string) => `${from}|${action}|${requestType ?? ''}|${to}`;
    const doc = new Set(DOC_TABLE.map((r) => key(r.from, r.action, r.requestType, r.to)));
    const impl = new Set(FLOW_ROWS.map((r) => key(r.from, r.action, r.requestType, r.to === 'same' ? r.from : r.to)));
    expect([...impl].sort()).toEqual([...doc].sort());
  });
});

describe('overlay rows (case-workflow.md §2.1)', () => {
  it.each(OVERLAY_TABLE.map((r) => [label(r), r] as const))('%s', (_, r) => {
    expect(run(r)).toMatchObject({ ok: true, nextState: r.to });
  });

  it('covers every overlay row of the implementation', () => {
    const key = (from: string, action: string) => `${from}|${action}`;
    const tested = new Set(OVERLAY_TABLE.map((r) => key(r.from, r.action)));
    expect(OVERLAY_ROWS.filter((r) => !tested.has(key(r.from, r.action)))).toEqual([]);
  });

});
