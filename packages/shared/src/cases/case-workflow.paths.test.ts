import { describe, expect, it } from 'vitest';
import { A, assigneeOf, fullInput, snap, step, toChecking } from './case-fixtures.test-util';
import type { Effect } from './case-types';
import { decide } from './case-workflow';

describe('the main path', () => {
  it('runs 受理 → 立案 → 派遣 → 签收 → 反馈 → 核查 → 结案 with the step clocks', () => {
    let c = toChecking();
    expect(c).toMatchObject({
      state: 'checking',
      handlingDeptId: 'dept-a',
      handlerUserIds: ['u-handler'],
      assignedCheckerId: 'u-grid',
    });
    let effects: Effect[];
    [c, effects] = step(c, 'check_pass', A.gridAdmin);
    expect(effects).toEqual(
      expect.arrayContaining([
        { type: 'end_step', step: 'check' },
        { type: 'start_step', step: 'close' },
      ]),
    );
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
    const [, effects] = step(
      c,
      'dispatch',
      A.dispatcher,
      fullInput({ departmentId: 'dept-a', facts: { suggestedDeptId: 'dept-b' } }),
    );
    expect(effects).toContainEqual({
      type: 'record_dispatch',
      departmentId: 'dept-a',
      kind: 'first',
      overridden: true,
    });
    expect(effects).toContainEqual({ type: 'start_step', step: 'acknowledge' });
  });
});

describe('返工 (rework)', () => {
  it('a failed 核查 returns to pending_dispatch flagged rework; re-dispatch to the same department counts once', () => {
    let c = toChecking();
    [c] = step(c, 'check_fail', A.gridAdmin);
    expect(c).toMatchObject({
      state: 'pending_dispatch',
      flags: { rework: true },
      reworkCount: 0,
      assignedCheckerId: null,
    });
    const [afterStep, effects] = step(
      c,
      'dispatch',
      A.dispatcher,
      fullInput({ departmentId: 'dept-a' }),
    );
    c = afterStep;
    expect(effects).toContainEqual({
      type: 'record_dispatch',
      departmentId: 'dept-a',
      kind: 'rework',
      overridden: false,
    });
    expect(c).toMatchObject({
      state: 'handling',
      reworkCount: 1,
      flags: { rework: false },
      acknowledged: false,
    });
  });

  it('re-dispatch to another department is 错误派遣 (redirect), not 返工', () => {
    let c = toChecking();
    [c] = step(c, 'check_fail', A.gridAdmin);
    const [next, effects] = step(
      c,
      'dispatch',
      A.dispatcher,
      fullInput({ departmentId: 'dept-b' }),
    );
    expect(effects).toContainEqual({
      type: 'record_dispatch',
      departmentId: 'dept-b',
      kind: 'redirect',
      overridden: false,
    });
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
    expect(decide(c, 'dispatch', A.dispatcher, { departmentId: 'dept-a' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    const [next, effects] = step(c, 'dispatch', A.dispatcher, { departmentId: 'dept-b' });
    expect(effects).toContainEqual({
      type: 'record_dispatch',
      departmentId: 'dept-b',
      kind: 'redirect',
      overridden: false,
    });
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
    expect(effects).toContainEqual({
      type: 'close_request',
      requestType: 'extension',
      outcome: 'cancelled',
    });
    expect(c.pendingRequests).toEqual({});
    expect(decide(c, 'submit_feedback', A.handler, fullInput())).toMatchObject({
      ok: false,
      code: 'not_allowed_in_state',
    });
    [c, effects] = step(c, 'resume', A.dispatcher);
    expect(c.state).toBe('handling');
    expect(effects).toEqual([
      { type: 'set_state', from: 'suspended', to: 'handling' },
      { type: 'resume_clock' },
    ]);
  });

  it('a suspended case can be voided by the 值班长, ending the paused step', () => {
    const c = snap({ state: 'suspended', handlingDeptId: 'dept-a' });
    const [next, effects] = step(c, 'void', A.shift);
    expect(next.state).toBe('voided');
    expect(effects).toEqual(
      expect.arrayContaining([{ type: 'end_step', step: 'handle' }, { type: 'stop_case_clock' }]),
    );
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
    expect(decide(c, 'close', A.shift, fullInput({ closeReason: 'fixed' }))).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    const [closed, effects] = step(c, 'close', A.shift, fullInput({ closeReason: 'self_handled' }));
    expect(closed.state).toBe('closed');
    expect(effects).toContainEqual({ type: 'set_close_reason', closeReason: 'self_handled' });
    expect(effects.some((e) => e.type === 'record_dispatch')).toBe(false);
  });

  it('a sampled report gets a 核查 by someone other than the self-handler', () => {
    let c = report;
    [c] = step(c, 'accept', A.intake, fullInput({ facts: { sampleCheck: true } }));
    expect(c.state).toBe('pending_check');
    expect(
      decide(
        c,
        'send_check',
        A.intake,
        fullInput({ assigneeId: 'u-insp', facts: { assignee: assigneeOf(A.inspector) } }),
      ),
    ).toMatchObject({
      ok: false,
      code: 'separation_of_duties',
    });
    [c] = step(c, 'send_check', A.intake);
    [c] = step(c, 'check_pass', A.gridAdmin);
    [c] = step(c, 'close', A.shift, fullInput({ closeReason: 'self_handled' }));
    expect(c.state).toBe('closed');
  });
});
