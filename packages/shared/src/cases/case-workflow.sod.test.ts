import { describe, expect, it } from 'vitest';
import type { CaseAction } from './case-actions';
import { A, assigneeOf, code, dispatched, fullInput, NOW, snap } from './case-fixtures.test-util';
import type { ActorContext, CaseSnapshot, DecideInput } from './case-types';

describe('separation of duties (监督与处置相分离)', () => {
  const deptA = 'dept-a';
  const cases: [string, CaseSnapshot, CaseAction, ActorContext, DecideInput?][] = [
    [
      'handling-department user cannot 核实 (属实)',
      snap({ state: 'verifying', handlingDeptId: deptA, assignedVerifierId: 'u-dept-insp' }),
      'verify_true',
      A.deptInspector,
    ],
    [
      'handling-department user cannot 核实 (不属实)',
      snap({ state: 'verifying', handlingDeptId: deptA, assignedVerifierId: 'u-dept-insp' }),
      'verify_false',
      A.deptInspector,
    ],
    [
      'handling-department user cannot 核查 (通过)',
      dispatched('checking', { assignedCheckerId: 'u-dept-insp' }),
      'check_pass',
      A.deptInspector,
    ],
    [
      'handling-department user cannot 核查 (不通过)',
      dispatched('checking', { assignedCheckerId: 'u-dept-insp' }),
      'check_fail',
      A.deptInspector,
    ],
    [
      'handling-department user cannot 立案',
      snap({ state: 'pending_registration', handlingDeptId: deptA }),
      'register',
      A.deptShift,
    ],
    [
      'handling-department user cannot refuse 立案 either',
      snap({ state: 'pending_registration', handlingDeptId: deptA }),
      'refuse_registration',
      A.deptShift,
    ],
    [
      'handling-department user cannot 作废 a suspended case',
      dispatched('suspended'),
      'void',
      A.deptShift,
    ],
    [
      'handling-department user cannot approve 作废',
      dispatched('handling', {
        pendingRequests: { void: { type: 'void', byUserId: 'u-handler', reason: 'x', at: NOW } },
      }),
      'approve_request',
      A.deptShift,
      fullInput({ requestType: 'void' }),
    ],
    ['handling-department user cannot 结案', dispatched('pending_close'), 'close', A.deptShift],
    [
      'handling-department user cannot refuse 结案',
      dispatched('pending_close'),
      'refuse_close',
      A.deptShift,
    ],
    [
      'handling-department user cannot recategorise',
      dispatched('handling'),
      'recategorise',
      A.deptShift,
    ],
    [
      'the handler cannot 核查 even as an inspector',
      dispatched('checking', { assignedCheckerId: 'u-grid', handlerUserIds: ['u-grid'] }),
      'check_pass',
      A.gridAdmin,
    ],
    [
      'the handler cannot 结案',
      dispatched('pending_close', { handlingDeptId: 'dept-b' }),
      'close',
      A.handlerShift,
    ],
    [
      'the self-handler cannot 结案',
      snap({ state: 'pending_close', selfHandled: true, reporterId: 'u-shift' }),
      'close',
      A.shift,
      fullInput({ closeReason: 'self_handled' }),
    ],
    [
      'the self-handler cannot 核查',
      snap({
        state: 'checking',
        selfHandled: true,
        reporterId: 'u-insp',
        assignedCheckerId: 'u-insp',
      }),
      'check_pass',
      A.inspector,
    ],
    [
      '核查 cannot be assigned to a handling-department user',
      dispatched('pending_check'),
      'send_check',
      A.intake,
      fullInput({ assigneeId: 'u-dept-insp', facts: { assignee: assigneeOf(A.deptInspector) } }),
    ],
    [
      '核查 cannot be reassigned to a handling-department user',
      dispatched('checking', { assignedCheckerId: 'u-insp' }),
      'reassign_check',
      A.intake,
      fullInput({ assigneeId: 'u-dept-insp', facts: { assignee: assigneeOf(A.deptInspector) } }),
    ],
    [
      '核查 cannot be assigned to the handler',
      dispatched('pending_check', { handlerUserIds: ['u-grid'] }),
      'send_check',
      A.intake,
    ],
    [
      '核查 cannot be assigned to the self-handler',
      snap({ state: 'pending_check', selfHandled: true, reporterId: 'u-grid' }),
      'send_check',
      A.intake,
    ],
    [
      '核实 cannot be assigned to a handling-department user',
      snap({ handlingDeptId: deptA }),
      'send_verify',
      A.intake,
      fullInput({ assigneeId: 'u-dept-insp', facts: { assignee: assigneeOf(A.deptInspector) } }),
    ],
  ];
  it.each(cases)('%s', (_, c, action, actor, input) => {
    expect(code(c, action, actor, input ?? fullInput())).toBe('separation_of_duties');
  });

  it('a handler may still ask for 作废; the 值班长 decides', () => {
    expect(code(dispatched('handling'), 'request_void', A.handler)).toBe('ok');
  });

  it('someone outside the handling department may do what the department may not', () => {
    expect(code(dispatched('pending_close'), 'close', A.shift)).toBe('ok');
    expect(
      code(dispatched('checking', { assignedCheckerId: 'u-insp' }), 'check_pass', A.inspector),
    ).toBe('ok');
  });
});
