import { describe, expect, it } from 'vitest';
import type { CaseAction } from './case-actions';
import { A, assigneeOf, at, fullInput, LATER, NOW, snap, WINDOW_END } from './case-fixtures.test-util';
import { CASE_STATES, type CaseState } from './case-states';
import type { ActorContext, CaseSnapshot, DecideInput } from './case-types';
import { decide } from './case-workflow';

const dispatched = (state: CaseState, over: Partial<CaseSnapshot> = {}) =>
  snap({ state, handlingDeptId: 'dept-a', handlerUserIds: ['u-handler'], acknowledged: true, ...over });

function code(c: CaseSnapshot, action: CaseAction, actor: ActorContext, input: DecideInput = fullInput()) {
  const result = decide(c, action, actor, input);
  return result.ok ? 'ok' : result.code;
}

describe('separation of duties (监督与处置相分离)', () => {
  const deptA = 'dept-a';
  const cases: [string, CaseSnapshot, CaseAction, ActorContext, DecideInput?][] = [
    ['handling-department user cannot 核实 (属实)', snap({ state: 'verifying', handlingDeptId: deptA, assignedVerifierId: 'u-dept-insp' }), 'verify_true', A.deptInspector],
    ['handling-department user cannot 核实 (不属实)', snap({ state: 'verifying', handlingDeptId: deptA, assignedVerifierId: 'u-dept-insp' }), 'verify_false', A.deptInspector],
    ['handling-department user cannot 核查 (通过)', dispatched('checking', { assignedCheckerId: 'u-dept-insp' }), 'check_pass', A.deptInspector],
    ['handling-department user cannot 核查 (不通过)', dispatched('checking', { assignedCheckerId: 'u-dept-insp' }), 'check_fail', A.deptInspector],
    ['handling-department user cannot 立案', snap({ state: 'pending_registration', handlingDeptId: deptA }), 'register', A.deptShift],
    ['handling-department user cannot refuse 立案 either', snap({ state: 'pending_registration', handlingDeptId: deptA }), 'refuse_registration', A.deptShift],
    ['handling-department user cannot 作废 a suspended case', dispatched('suspended'), 'void', A.deptShift],
    [
      'handling-department user cannot approve 作废',
      dispatched('handling', { pendingRequests: { void: { type: 'void', byUserId: 'u-handler', reason: 'x', at: NOW } } }),
      'approve_request',
      A.deptShift,
      fullInput({ requestType: 'void' }),
    ],
    ['handling-department user cannot 结案', dispatched('pending_close'), 'close', A.deptShift],
    ['handling-department user cannot refuse 结案', dispatched('pending_close'), 'refuse_close', A.deptShift],
    ['handling-department user cannot recategorise', dispatched('handling'), 'recategorise', A.deptShift],
    ['the handler cannot 核查 even as an inspector', dispatched('checking', { assignedCheckerId: 'u-grid', handlerUserIds: ['u-grid'] }), 'check_pass', A.gridAdmin],
    ['the handler cannot 结案', dispatched('pending_close', { handlingDeptId: 'dept-b' }), 'close', A.handlerShift],
    ['the self-handler cannot 结案', snap({ state: 'pending_close', selfHandled: true, reporterId: 'u-shift' }), 'close', A.shift, fullInput({ closeReason: 'self_handled' })],
    ['the self-handler cannot 核查', snap({ state: 'checking', selfHandled: true, reporterId: 'u-insp', assignedCheckerId: 'u-insp' }), 'check_pass', A.inspector],
    ['核查 cannot be assigned to a handling-department user', dispatched('pending_check'), 'send_check', A.intake, fullInput({ assigneeId: 'u-dept-insp', facts: { assignee: assigneeOf(A.deptInspector) } })],
    ['核查 cannot be reassigned to a handling-department user', dispatched('checking', { assignedCheckerId: 'u-insp' }), 'reassign_check', A.intake, fullInput({ assigneeId: 'u-dept-insp', facts: { assignee: assigneeOf(A.deptInspector) } })],
    ['核查 cannot be assigned to the handler', dispatched('pending_check', { handlerUserIds: ['u-grid'] }), 'send_check', A.intake],
    ['核查 cannot be assigned to the self-handler', snap({ state: 'pending_check', selfHandled: true, reporterId: 'u-grid' }), 'send_check', A.intake],
    ['核实 cannot be assigned to a handling-department user', snap({ handlingDeptId: deptA }), 'send_verify', A.intake, fullInput({ assigneeId: 'u-dept-insp', facts: { assignee: assigneeOf(A.deptInspector) } })],
  ];
  it.each(cases)('%s', (_, c, action, actor, input) => {
    expect(code(c, action, actor, input ?? fullInput())).toBe('separation_of_duties');
  });

  it('a handler may still ask for 作废; the 值班长 decides', () => {
    expect(code(dispatched('handling'), 'request_void', A.handler)).toBe('ok');
  });

  it('someone outside the handling department may do what the department may not', () => {
    expect(code(dispatched('pending_close'), 'close', A.shift)).toBe('ok');
    expect(code(dispatched('checking', { assignedCheckerId: 'u-insp' }), 'check_pass', A.inspector)).toBe('ok');
  });
});

describe('illegal transitions', () => {
  it('terminal outcome states accept nothing', () => {
    for (const state of ['rejected', 'voided', 'merged', 'dismissed'] as const) {
      for (const action of ['accept', 'dispatch', 'supervise', 'urge', 'rate', 'approve_request'] as const) {
        for (const actor of [A.intake, A.shift, A.leader, A.system, A.citizen]) {
          expect(code(snap({ state }), action, actor)).toBe('not_allowed_in_state');
        }
      }
    }
  });

  it('督办 is not allowed on closed, voided or merged cases', () => {
    for (const state of ['closed', 'voided', 'merged'] as const) {
      expect(code(snap({ state }), 'supervise', A.leader)).toBe('not_allowed_in_state');
      expect(code(snap({ state }), 'supervise', A.system, fullInput({ level: 'red' }))).toBe('not_allowed_in_state');
    }
  });

  it('closed accepts only 评价 and the 重开 request/decision', () => {
    const allowed = new Set<CaseAction>(['rate', 'request_reopen', 'approve_request', 'refuse_request']);
    const c = snap({ state: 'closed', reopenWindowEndsAt: WINDOW_END });
    for (const action of ['dispatch', 'close', 'urge', 'leader_instruct', 'void', 'withdraw', 'set_flags'] as const) {
      expect(allowed.has(action)).toBe(false);
      expect(code(c, action, A.shift)).toBe('not_allowed_in_state');
    }
  });

  it.each<[string, CaseSnapshot, CaseAction, ActorContext, DecideInput, string]>([
    ['dispatch before 立案', snap(), 'dispatch', A.dispatcher, fullInput(), 'not_allowed_in_state'],
    ['结案 while handling', dispatched('handling'), 'close', A.shift, fullInput(), 'not_allowed_in_state'],
    ['approving a 重开 while handling', dispatched('handling'), 'approve_request', A.shift, fullInput({ requestType: 'reopen' }), 'not_allowed_in_state'],
    ['a handler dispatching', snap({ state: 'pending_dispatch' }), 'dispatch', A.handler, fullInput(), 'role_not_allowed'],
    ['a citizen closing', dispatched('pending_close'), 'close', A.citizen, fullInput(), 'role_not_allowed'],
    ['an inspector registering', snap({ state: 'pending_registration' }), 'register', A.inspector, fullInput(), 'role_not_allowed'],
    ['a dispatcher approving 作废', dispatched('handling', { pendingRequests: { void: { type: 'void', byUserId: 'u-handler', reason: 'x', at: NOW } } }), 'approve_request', A.dispatcher, fullInput({ requestType: 'void' }), 'role_not_allowed'],
    ['intake outside its scope', snap(), 'accept', A.outOfScopeIntake, fullInput(), 'out_of_scope'],
    ['another department acknowledging', dispatched('handling', { acknowledged: false }), 'acknowledge', A.otherDeptHandler, fullInput(), 'not_handling_department'],
    ['a citizen rating someone else’s case', snap({ state: 'closed' }), 'rate', A.otherCitizen, fullInput(), 'not_reporter'],
    ['12345 acting on a non-hotline case', snap({ state: 'closed' }), 'rate', A.hotline, fullInput(), 'role_not_allowed'],
    ['a field worker not assigned to the 核实', snap({ state: 'verifying', assignedVerifierId: 'u-insp' }), 'verify_true', A.gridAdmin, fullInput(), 'not_assignee'],
    ['a field worker not assigned to the 核查', dispatched('checking', { assignedCheckerId: 'u-insp' }), 'check_fail', A.gridAdmin, fullInput(), 'not_assignee'],
    ['不予受理 without a reason', snap(), 'reject', A.intake, fullInput({ reason: '  ' }), 'missing_input'],
    ['处理反馈 without after-photos', dispatched('handling'), 'submit_feedback', A.handler, fullInput({ photos: [] }), 'missing_input'],
    ['结案 without closeReason', dispatched('pending_close'), 'close', A.shift, { ...fullInput(), closeReason: undefined }, 'missing_input'],
    ['approval without request type', dispatched('handling'), 'approve_request', A.dispatcher, fullInput(), 'missing_input'],
    ['属实 without the GPS check', snap({ state: 'verifying', assignedVerifierId: 'u-insp' }), 'verify_true', A.inspector, { ...fullInput(), facts: {} }, 'missing_input'],
    ['属实 with GPS outside the grid', snap({ state: 'verifying', assignedVerifierId: 'u-insp' }), 'verify_true', A.inspector, fullInput({ facts: { gpsInGrid: false } }), 'invalid_input'],
    ['结案 as self_handled of a dispatched case', dispatched('pending_close'), 'close', A.shift, fullInput({ closeReason: 'self_handled' }), 'invalid_input'],
    ['核实 assigned to an intake operator', snap(), 'send_verify', A.intake, fullInput({ assigneeId: 'u-intake', facts: { assignee: assigneeOf(A.intake) } }), 'invalid_input'],
    ['核实 assigned to someone out of the grid', snap(), 'send_verify', A.intake, fullInput({ facts: { assignee: { ...assigneeOf(A.gridAdmin), inScope: false } } }), 'invalid_input'],
    ['签收 twice', dispatched('handling'), 'acknowledge', A.handler, fullInput(), 'already_done'],
    ['a zero extension', dispatched('handling'), 'request_extension', A.handler, fullInput({ extension: { value: 0, limitType: 'work_day' } }), 'invalid_input'],
  ])('refuses %s', (_, c, action, actor, input, expected) => {
    const result = decide(c, action, actor, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(expected);
      expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every state refuses an action it has no row for with not_allowed_in_state', () => {
    for (const state of CASE_STATES) {
      if (state === 'pending_close') continue;
      expect(code(snap({ state }), 'close', A.shift)).toBe('not_allowed_in_state');
    }
  });
});

describe('pending requests: at most one open per type', () => {
  const handling = dispatched('handling');
  const ext = { type: 'extension', byUserId: 'u-handler', reason: '天气', at: NOW } as const;

  it('a second request of the same type is refused', () => {
    const c = { ...handling, pendingRequests: { extension: ext } };
    expect(code(c, 'request_extension', A.handler2)).toBe('request_pending');
  });

  it('requests of different types may be open together', () => {
    const c = { ...handling, pendingRequests: { extension: ext } };
    expect(code(c, 'request_suspension', A.handler)).toBe('ok');
    expect(code(c, 'request_send_back', A.handler)).toBe('ok');
  });

  it('a request needs something open to approve or refuse', () => {
    expect(code(handling, 'approve_request', A.dispatcher, fullInput({ requestType: 'extension' }))).toBe('no_pending_request');
    expect(code(handling, 'refuse_request', A.dispatcher, fullInput({ requestType: 'extension' }))).toBe('no_pending_request');
  });

  it('nobody approves their own request', () => {
    const both = { ...A.dispatcher, userId: 'u-handler' };
    const c = { ...handling, pendingRequests: { extension: ext } };
    expect(code(c, 'approve_request', both, fullInput({ requestType: 'extension' }))).toBe('approver_is_requester');
  });

  it('refusal keeps the state and records the reason; approval of 延期 moves the deadline', () => {
    const c = { ...handling, pendingRequests: { extension: { ...ext, extension: { value: 3, limitType: 'work_day' as const } } } };
    const refused = decide(c, 'refuse_request', A.dispatcher, { requestType: 'extension', reason: '时限充足' });
    expect(refused).toMatchObject({ ok: true, nextState: 'handling' });
    if (refused.ok) expect(refused.effects).toContainEqual({ type: 'close_request', requestType: 'extension', outcome: 'refused', reason: '时限充足' });
    const approved = decide(c, 'approve_request', A.dispatcher, { requestType: 'extension' });
    if (!approved.ok) throw new Error(approved.message);
    expect(approved.effects).toContainEqual({ type: 'extend_deadline', extension: { value: 3, limitType: 'work_day' } });
  });

  it('a request that cannot be decided in the new state lapses; one that can stays open', () => {
    const c = { ...handling, pendingRequests: { extension: ext, void: { ...ext, type: 'void' as const } } };
    const fed = decide(c, 'submit_feedback', A.handler, fullInput());
    if (!fed.ok) throw new Error(fed.message);
    expect(fed.effects).toContainEqual({ type: 'close_request', requestType: 'extension', outcome: 'cancelled' });
    expect(fed.effects).toContainEqual({ type: 'close_request', requestType: 'void', outcome: 'cancelled' });
    const sent = decide({ ...c, pendingRequests: { ...c.pendingRequests, send_back: { ...ext, type: 'send_back' } } }, 'approve_request', A.dispatcher, { requestType: 'send_back' });
    if (!sent.ok) throw new Error(sent.message);
    // 作废 can still be decided in pending_dispatch, 延期 cannot.
    expect(sent.effects.filter((e) => e.type === 'close_request')).toEqual([
      { type: 'close_request', requestType: 'send_back', outcome: 'approved' },
      { type: 'close_request', requestType: 'extension', outcome: 'cancelled' },
    ]);
  });

  it('a 重开 request must come inside the window', () => {
    const closed = snap({ state: 'closed', closedAt: NOW, reopenWindowEndsAt: WINDOW_END });
    expect(code(closed, 'request_reopen', A.citizen)).toBe('ok');
    expect(code(closed, 'request_reopen', at(A.citizen, LATER))).toBe('window_expired');
    expect(code({ ...closed, pendingRequests: { reopen: { type: 'reopen', byUserId: 'reporter', reason: 'x', at: NOW } } }, 'request_reopen', A.intake)).toBe('request_pending');
  });
});
