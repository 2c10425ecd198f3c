import { describe, expect, it } from 'vitest';
import { A, at, fullInput, LATER, snap, step, toChecking } from './case-fixtures.test-util';
import type { CaseSnapshot } from './case-types';
import { decide } from './case-workflow';

describe('合并 (merge)', () => {
  it('joins a duplicate to an open case and keeps the link', () => {
    const [c, effects] = step(
      snap({ source: 'public' }),
      'merge',
      A.intake,
      fullInput({ masterCaseId: 'case-9', facts: { masterState: 'handling' } }),
    );
    expect(c.state).toBe('merged');
    expect(effects).toContainEqual({ type: 'set_master', masterCaseId: 'case-9' });
    expect(effects).toContainEqual({ type: 'notify', target: 'reporter', about: 'merge' });
  });

  it('refuses itself, dead masters and an unknown master state', () => {
    const c = snap();
    expect(decide(c, 'merge', A.intake, fullInput({ masterCaseId: 'case-1' }))).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    for (const masterState of ['voided', 'merged', 'rejected', 'dismissed', 'candidate'] as const) {
      expect(decide(c, 'merge', A.intake, fullInput({ facts: { masterState } }))).toMatchObject({
        ok: false,
        code: 'invalid_input',
      });
    }
    expect(decide(c, 'merge', A.intake, { masterCaseId: 'case-0' })).toMatchObject({
      ok: false,
      code: 'missing_input',
    });
  });

  it('two registered duplicates are joined by a void request with a link, approved by the 值班长', () => {
    let c = snap({ state: 'pending_dispatch' });
    const [afterStep, effects] = step(c, 'request_void', A.dispatcher, {
      reason: '重复',
      linkedCaseId: 'case-7',
    });
    c = afterStep;
    expect(effects[0]).toMatchObject({
      type: 'open_request',
      request: { type: 'void', linkedCaseId: 'case-7' },
    });
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
    expect(decide(c, 'rate', A.citizen, { rating: 'satisfied' })).toMatchObject({
      ok: false,
      code: 'already_done',
    });
    const [afterStep, effects] = step(c, 'approve_request', A.shift, { requestType: 'reopen' });
    c = afterStep;
    expect(c).toMatchObject({
      state: 'pending_dispatch',
      reopenCount: 1,
      rated: false,
      closedAt: null,
    });
    expect(effects).toContainEqual({ type: 'start_case_clock', cause: 'reopen' });
    const [, dispatched] = step(c, 'dispatch', A.dispatcher, { departmentId: 'dept-a' });
    expect(dispatched).toContainEqual({
      type: 'record_dispatch',
      departmentId: 'dept-a',
      kind: 'reopen',
      overridden: false,
    });
  });

  it('after the window a 不满意 is only a rating and a reopen request is refused', () => {
    const c = closedCase();
    const [rated, effects] = step(c, 'rate', at(A.citizen, LATER), {
      rating: 'dissatisfied',
      reason: '仍有垃圾',
    });
    expect(effects.some((e) => e.type === 'open_request')).toBe(false);
    expect(rated.pendingRequests).toEqual({});
    expect(decide(c, 'request_reopen', at(A.intake, LATER), { reason: '投诉' })).toMatchObject({
      ok: false,
      code: 'window_expired',
    });
  });

  it('a refused reopen keeps the case closed and tells the citizen why', () => {
    let c = closedCase();
    [c] = step(c, 'request_reopen', A.citizen, { reason: '没修好' });
    const [next, effects] = step(c, 'refuse_request', A.shift, {
      requestType: 'reopen',
      reason: '现场已整改',
    });
    expect(next.state).toBe('closed');
    expect(effects).toContainEqual({ type: 'notify', target: 'reporter', about: 'refuse_request' });
  });
});

describe('督办 and other overlays', () => {
  const handling = snap({
    state: 'handling',
    handlingDeptId: 'dept-a',
    acknowledged: true,
    reporterId: 'reporter',
  });

  it('escalates normal → yellow → red; a hand-raised 督办 needs none active', () => {
    let c = handling;
    [c] = step(c, 'supervise', A.leader);
    expect(decide(c, 'supervise', A.shift, {})).toMatchObject({
      ok: false,
      code: 'supervision_active',
    });
    expect(decide(c, 'supervise', A.leader, { level: 'red' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    [c] = step(c, 'supervise', A.system, { level: 'yellow' });
    [c] = step(c, 'supervise', A.system, { level: 'red' });
    expect(c.supervision).toMatchObject({ level: 'red', issuerId: 'system', replied: false });
    expect(decide(c, 'supervise', A.system, { level: 'yellow' })).toMatchObject({
      ok: false,
      code: 'supervision_active',
    });
  });

  it('the current owner replies; only the issuer cancels', () => {
    let c = handling;
    [c] = step(c, 'supervise', A.leader);
    expect(decide(c, 'reply_supervision', A.dispatcher, { note: 'x' })).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
    [c] = step(c, 'reply_supervision', A.handler, { note: '已安排人员' });
    expect(c.supervision?.replied).toBe(true);
    expect(decide(c, 'cancel_supervision', A.streetLeader, {})).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
    [c] = step(c, 'cancel_supervision', A.leader, {});
    expect(c.supervision).toBeNull();
  });

  it('ends an active 督办 when the case ends', () => {
    const c = {
      ...handling,
      state: 'pending_close' as const,
      supervision: { level: 'normal' as const, issuerId: 'u-leader', replied: false },
    };
    const [, effects] = step(c, 'close', A.shift);
    expect(effects).toContainEqual({ type: 'end_supervision', cause: 'case_ended' });
  });

  it('催办 counts; 加急 recomputes deadlines of a registered case', () => {
    const [c] = step(handling, 'urge', A.leader, {});
    expect(c.urgeCount).toBe(1);
    const [, effects] = step(handling, 'set_flags', A.intake, { flags: { urgent: true } });
    expect(effects).toEqual([
      { type: 'set_flag', flag: 'urgent', value: true },
      { type: 'recompute_deadlines' },
    ]);
    expect(decide(handling, 'set_flags', A.intake, { flags: { urgent: false } })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
  });

  it('12345 撤回 rejects before 立案 and voids after; only for hotline orders', () => {
    const hotline = { ...handling, source: 'hotline_12345' as const };
    expect(
      step({ ...hotline, state: 'pending_acceptance' }, 'withdraw', A.hotline, {
        reason: '撤单',
      })[0].state,
    ).toBe('rejected');
    expect(step(hotline, 'withdraw', A.hotline, { reason: '撤单' })[0].state).toBe('voided');
    expect(decide(handling, 'withdraw', A.hotline, { reason: '撤单' })).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
  });

  it('结案 of a hotline order writes back to 12345', () => {
    const c = { ...handling, state: 'pending_close' as const, source: 'hotline_12345' as const };
    const [, effects] = step(c, 'close', A.shift);
    expect(effects).toEqual(
      expect.arrayContaining([
        { type: 'external_writeback' },
        { type: 'notify', target: 'hotline', about: 'close' },
      ]),
    );
  });
});
