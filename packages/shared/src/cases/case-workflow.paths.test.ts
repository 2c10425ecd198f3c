import { describe, expect, it } from 'vitest';
import type { CaseAction } from './case-actions';
import { applyEffects } from './case-apply';
import { A, assigneeOf, at, fullInput, LATER, snap } from './case-fixtures.test-util';
import type { ActorContext, CaseSnapshot, DecideInput, Effect } from './case-types';
import { decide } from './case-workflow';

/** Runs one step, fails the test on refusal, and returns the next snapshot and the step's effects. */
function step(c: CaseSnapshot, action: CaseAction, actor: ActorContext, input: DecideInput = fullInput()): [CaseSnapshot, Effect[]] {
  const result = decide(c, action, actor, input);
  if (!result.ok) throw new Error(`${c.state}/${action}: ${result.code} ${result.message}`);
  return [applyEffects(c, result.effects, { now: actor.now }), result.effects];
}

/** A case handled by dept-a and waiting in 核查 with the grid administrator. */
function toChecking(): CaseSnapshot {
  let c = snap();
  [c] = step(c, 'accept', A.intake);
  [c] = step(c, 'register', A.shift);
  [c] = step(c, 'dispatch', A.dispatcher, fullInput({ departmentId: 'dept-a' }));
  [c] = step(c, 'acknowledge', A.handler);
  [c] = step(c, 'submit_feedback', A.handler);
  [c] = step(c, 'accept_feedback', A.dispatcher);
  [c] = step(c, 'send_check', A.intake);
  return c;
}

describe('the main path', () => {
  it('runs 受理 → 立案 → 派遣 → 签收 → 反馈 → 核查 → 结案 with the step clocks', () => {
    let c = toChecking();
    expect(c).toMatchObject({ state: 'checking', handlingDeptId: 'dept-a', handlerUserIds: ['u-handler'], assignedCheckerId: 'u-grid' });
    let effects: Effect[];
    [c, effects] = step(c, 'check_pass', A.gridAdmin);
    expect(effects).toEqual(expect.arrayContaining([{ type: 'end_step', step: 'check' }, { type: 'start_step', step: 'close' }]));
    [c, effects] = step(c, 'close', A.shift);
    expect(c.state).toBe('closed');
    expect(effects).toEqual(
      expect.arrayContaining([
        { type: 'set_close_reason', closeReason: 'fixed' },
        { type: 'stop_case_clock' },
        { type: 'open_reopen_window' },
        { type: 'notify', target: 'reporter', about: 'close' },
      ]),
    );
  });

  it('classifies the first dispatch and logs an override of the matrix suggestion', () => {
    const c = snap({ state: 'pending_dispatch' });
    const [, effects] = step(c, 'dispatch', A.dispatcher, fullInput({ departmentId: 'dept-a', facts: { suggestedDeptId: 'dept-b' } }));
    expect(effects).toContainEqual({ type: 'record_dispatch', departmentId: 'dept-a', kind: 'first', overridden: true });
    expect(effects).toContainEqual({ type: 'start_step', step: 'acknowledge' });
  });
});

describe('返工 (rework)', () => {
  it('a failed 核查 returns to pending_dispatch flagged rework; re-dispatch to the same department counts once', () => {
    let c = toChecking();
    [c] = step(c, 'check_fail', A.gridAdmin);
    expect(c).toMatchObject({ state: 'pending_dispatch', flags: { rework: true }, reworkCount: 0, assignedCheckerId: null });
    let effects: Effect[];
    [c, effects] = step(c, 'dispatch', A.dispatcher, fullInput({ departmentId: 'dept-a' }));
    expect(effects).toContainEqual({ type: 'record_dispatch', departmentId: 'dept-a', kind: 'rework', overridden: false });
    expect(c).toMatchObject({ state: 'handling', reworkCount: 1, flags: { rework: false }, acknowledged: false });
  });

  it('re-dispatch to another department is 错误派遣 (redirect), not 返工', () => {
    let c = toChecking();
    [c] = step(c, 'check_fail', A.gridAdmin);
    const [next, effects] = step(c, 'dispatch', A.dispatcher, fullInput({ departmentId: 'dept-b' }));
    expect(effects).toContainEqual({ type: 'record_dispatch', departmentId: 'dept-b', kind: 'redirect', overridden: false });
    expect(next.reworkCount).toBe(0);
  });

  it('a refused 结案 is also 返工', () => {
    let c = toChecking();
    [c] = step(c, 'check_pass', A.gridAdmin);
    [c] = step(c, 'refuse_close', A.shift);
    expect(c).toMatchObject({ state: 'pending_dispatch', flags: { rework: true } });
    [c] = step(c, 'dispatch', A.dispatcher, fullInput({ departmentId: 'dept-a' }));
    expect(c.reworkCount).toBe(1);
  });
});

describe('回退 (send back)', () => {
  it('the approved department may not get the case back', () => {
    let c = snap({ state: 'handling', handlingDeptId: 'dept-a', acknowledged: true });
    [c] = step(c, 'request_send_back', A.handler);
    [c] = step(c, 'approve_request', A.dispatcher, { requestType: 'send_back' });
    expect(c).toMatchObject({ state: 'pending_dispatch', sentBackByDeptId: 'dept-a' });
    expect(decide(c, 'dispatch', A.dispatcher, { departmentId: 'dept-a' })).toMatchObject({ ok: false, code: 'invalid_input' });
    const [next, effects] = step(c, 'dispatch', A.dispatcher, { departmentId: 'dept-b' });
    expect(effects).toContainEqual({ type: 'record_dispatch', departmentId: 'dept-b', kind: 'redirect', overridden: false });
    expect(next.sentBackByDeptId).toBeNull();
  });
});

describe('挂账 → 恢复', () => {
  it('pauses the clock on approval and restores it on 恢复', () => {
    let c = snap({ state: 'handling', handlingDeptId: 'dept-a', acknowledged: true });
    let effects: Effect[];
    [c] = step(c, 'request_extension', A.handler);
    [c] = step(c, 'request_suspension', A.handler);
    [c, effects] = step(c, 'approve_request', A.dispatcher, { requestType: 'suspension' });
    expect(c.state).toBe('suspended');
    expect(effects).toContainEqual({ type: 'pause_clock' });
    expect(effects.some((e) => e.type === 'end_step')).toBe(false);
    expect(effects).toContainEqual({ type: 'close_request', requestType: 'extension', outcome: 'cancelled' });
    expect(c.pendingRequests).toEqual({});
    expect(decide(c, 'submit_feedback', A.handler, fullInput())).toMatchObject({ ok: false, code: 'not_allowed_in_state' });
    [c, effects] = step(c, 'resume', A.dispatcher);
    expect(c.state).toBe('handling');
    expect(effects).toEqual([{ type: 'set_state', from: 'suspended', to: 'handling' }, { type: 'resume_clock' }]);
  });

  it('a suspended case can be voided by the 值班长, ending the paused step', () => {
    const c = snap({ state: 'suspended', handlingDeptId: 'dept-a' });
    const [next, effects] = step(c, 'void', A.shift);
    expect(next.state).toBe('voided');
    expect(effects).toEqual(expect.arrayContaining([{ type: 'end_step', step: 'handle' }, { type: 'stop_case_clock' }]));
  });

  it('退回补充 reopens the handling step with its original deadline', () => {
    const c = snap({ state: 'feedback_review', handlingDeptId: 'dept-a', acknowledged: true });
    const [, effects] = step(c, 'return_feedback', A.dispatcher);
    expect(effects).toContainEqual({ type: 'start_step', step: 'handle', keepDeadline: true });
  });
});

describe('自行处置 (self-handled) fast path', () => {
  const report = snap({ selfHandled: true, reporterId: 'u-insp' });

  it('受理 → 待结案 → 结案 with closeReason self_handled, no dispatch', () => {
    let c = report;
    [c] = step(c, 'accept', A.intake);
    expect(c.state).toBe('pending_close');
    expect(decide(c, 'close', A.shift, fullInput({ closeReason: 'fixed' }))).toMatchObject({ ok: false, code: 'invalid_input' });
    const [closed, effects] = step(c, 'close', A.shift, fullInput({ closeReason: 'self_handled' }));
    expect(closed.state).toBe('closed');
    expect(effects).toContainEqual({ type: 'set_close_reason', closeReason: 'self_handled' });
    expect(effects.some((e) => e.type === 'record_dispatch')).toBe(false);
  });

  it('a sampled report gets a 核查 by someone other than the self-handler', () => {
    let c = report;
    [c] = step(c, 'accept', A.intake, fullInput({ facts: { sampleCheck: true } }));
    expect(c.state).toBe('pending_check');
    expect(decide(c, 'send_check', A.intake, fullInput({ assigneeId: 'u-insp', facts: { assignee: assigneeOf(A.inspector) } }))).toMatchObject({
      ok: false,
      code: 'separation_of_duties',
    });
    [c] = step(c, 'send_check', A.intake);
    [c] = step(c, 'check_pass', A.gridAdmin);
    [c] = step(c, 'close', A.shift, fullInput({ closeReason: 'self_handled' }));
    expect(c.state).toBe('closed');
  });
});

describe('合并 (merge)', () => {
  it('joins a duplicate to an open case and keeps the link', () => {
    const [c, effects] = step(snap({ source: 'public' }), 'merge', A.intake, fullInput({ masterCaseId: 'case-9', facts: { masterState: 'handling' } }));
    expect(c.state).toBe('merged');
    expect(effects).toContainEqual({ type: 'set_master', masterCaseId: 'case-9' });
    expect(effects).toContainEqual({ type: 'notify', target: 'reporter', about: 'merge' });
  });

  it('refuses itself, dead masters and an unknown master state', () => {
    const c = snap();
    expect(decide(c, 'merge', A.intake, fullInput({ masterCaseId: 'case-1' }))).toMatchObject({ ok: false, code: 'invalid_input' });
    for (const masterState of ['voided', 'merged', 'rejected', 'dismissed', 'candidate'] as const) {
      expect(decide(c, 'merge', A.intake, fullInput({ facts: { masterState } }))).toMatchObject({ ok: false, code: 'invalid_input' });
    }
    expect(decide(c, 'merge', A.intake, { masterCaseId: 'case-0' })).toMatchObject({ ok: false, code: 'missing_input' });
  });

  it('two registered duplicates are joined by a void request with a link, approved by the 值班长', () => {
    let c = snap({ state: 'pending_dispatch' });
    let effects: Effect[];
    [c, effects] = step(c, 'request_void', A.dispatcher, { reason: '重复', linkedCaseId: 'case-7' });
    expect(effects[0]).toMatchObject({ type: 'open_request', request: { type: 'void', linkedCaseId: 'case-7' } });
    [c] = step(c, 'approve_request', A.shift, { requestType: 'void' });
    expect(c.state).toBe('voided');
  });
});

describe('评价 and 重开 (reopen)', () => {
  function closedCase(): CaseSnapshot {
    let c = toChecking();
    [c] = step(c, 'check_pass', A.gridAdmin);
    [c] = step(c, 'close', A.shift);
    return c;
  }

  it('reopens inside the window on 值班长 approval, back to pending_dispatch with reopenCount+1', () => {
    let c = closedCase();
    [c] = step(c, 'rate', A.citizen, { rating: 'dissatisfied', reason: '仍有垃圾' });
    expect(c.pendingRequests.reopen).toMatchObject({ byUserId: 'reporter', reason: '仍有垃圾' });
    expect(decide(c, 'rate', A.citizen, { rating: 'satisfied' })).toMatchObject({ ok: false, code: 'already_done' });
    let effects: Effect[];
    [c, effects] = step(c, 'approve_request', A.shift, { requestType: 'reopen' });
    expect(c).toMatchObject({ state: 'pending_dispatch', reopenCount: 1, rated: false, closedAt: null });
    expect(effects).toContainEqual({ type: 'start_case_clock', cause: 'reopen' });
    const [, dispatched] = step(c, 'dispatch', A.dispatcher, { departmentId: 'dept-a' });
    expect(dispatched).toContainEqual({ type: 'record_dispatch', departmentId: 'dept-a', kind: 'reopen', overridden: false });
  });

  it('after the window a 不满意 is only a rating and a reopen request is refused', () => {
    const c = closedCase();
    const [rated, effects] = step(c, 'rate', at(A.citizen, LATER), { rating: 'dissatisfied', reason: '仍有垃圾' });
    expect(effects.some((e) => e.type === 'open_request')).toBe(false);
    expect(rated.pendingRequests).toEqual({});
    expect(decide(c, 'request_reopen', at(A.intake, LATER), { reason: '投诉' })).toMatchObject({ ok: false, code: 'window_expired' });
  });

  it('a refused reopen keeps the case closed and tells the citizen why', () => {
    let c = closedCase();
    [c] = step(c, 'request_reopen', A.citizen, { reason: '没修好' });
    const [next, effects] = step(c, 'refuse_request', A.shift, { requestType: 'reopen', reason: '现场已整改' });
    expect(next.state).toBe('closed');
    expect(effects).toContainEqual({ type: 'notify', target: 'reporter', about: 'refuse_request' });
  });
});

describe('督办 and other overlays', () => {
  const handling = snap({ state: 'handling', handlingDeptId: 'dept-a', acknowledged: true, reporterId: 'reporter' });

  it('escalates normal → yellow → red; a hand-raised 督办 needs none active', () => {
    let c = handling;
    [c] = step(c, 'supervise', A.leader);
    expect(decide(c, 'supervise', A.shift, {})).toMatchObject({ ok: false, code: 'supervision_active' });
    expect(decide(c, 'supervise', A.leader, { level: 'red' })).toMatchObject({ ok: false, code: 'invalid_input' });
    [c] = step(c, 'supervise', A.system, { level: 'yellow' });
    [c] = step(c, 'supervise', A.system, { level: 'red' });
    expect(c.supervision).toEqual({ level: 'red', issuerId: 'system', replied: false });
    expect(decide(c, 'supervise', A.system, { level: 'yellow' })).toMatchObject({ ok: false, code: 'supervision_active' });
  });

  it('the current owner replies; only the issuer cancels', () => {
    let c = handling;
    [c] = step(c, 'supervise', A.leader);
    expect(decide(c, 'reply_supervision', A.dispatcher, { note: 'x' })).toMatchObject({ ok: false, code: 'role_not_allowed' });
    [c] = step(c, 'reply_supervision', A.handler, { note: '已安排人员' });
    expect(c.supervision?.replied).toBe(true);
    expect(decide(c, 'cancel_supervision', A.streetLeader, {})).toMatchObject({ ok: false, code: 'role_not_allowed' });
    [c] = step(c, 'cancel_supervision', A.leader, {});
    expect(c.supervision).toBeNull();
  });

  it('ends an active 督办 when the case ends', () => {
    const c = { ...handling, state: 'pending_close' as const, supervision: { level: 'normal' as const, issuerId: 'u-leader', replied: false } };
    const [, effects] = step(c, 'close', A.shift);
    expect(effects).toContainEqual({ type: 'end_supervision', cause: 'case_ended' });
  });

  it('催办 counts; 加急 recomputes deadlines of a registered case', () => {
    const [c] = step(handling, 'urge', A.leader, {});
    expect(c.urgeCount).toBe(1);
    const [, effects] = step(handling, 'set_flags', A.intake, { flags: { urgent: true } });
    expect(effects).toEqual([{ type: 'set_flag', flag: 'urgent', value: true }, { type: 'recompute_deadlines' }]);
    expect(decide(handling, 'set_flags', A.intake, { flags: { urgent: false } })).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('12345 撤回 rejects before 立案 and voids after; only for hotline orders', () => {
    const hotline = { ...handling, source: 'hotline_12345' as const };
    expect(step({ ...hotline, state: 'pending_acceptance' }, 'withdraw', A.hotline, { reason: '撤单' })[0].state).toBe('rejected');
    expect(step(hotline, 'withdraw', A.hotline, { reason: '撤单' })[0].state).toBe('voided');
    expect(decide(handling, 'withdraw', A.hotline, { reason: '撤单' })).toMatchObject({ ok: false, code: 'role_not_allowed' });
  });

  it('结案 of a hotline order writes back to 12345', () => {
    const c = { ...handling, state: 'pending_close' as const, source: 'hotline_12345' as const };
    const [, effects] = step(c, 'close', A.shift);
    expect(effects).toEqual(expect.arrayContaining([{ type: 'external_writeback' }, { type: 'notify', target: 'hotline', about: 'close' }]));
  });
});
