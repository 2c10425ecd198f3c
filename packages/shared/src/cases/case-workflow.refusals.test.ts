import { describe, expect, it } from 'vitest';
import type { CaseAction } from './case-actions';
import {
  A,
  assigneeOf,
  code,
  dispatched,
  fullInput,
  NOW,
  snap,
  WINDOW_END,
} from './case-fixtures.test-util';
import { CASE_STATES } from './case-states';
import type { ActorContext, CaseSnapshot, DecideInput } from './case-types';
import { decide } from './case-workflow';

describe('illegal transitions', () => {
  it('terminal outcome states accept nothing', () => {
    for (const state of ['rejected', 'voided', 'merged', 'dismissed'] as const) {
      for (const action of [
        'accept',
        'dispatch',
        'supervise',
        'urge',
        'rate',
        'approve_request',
      ] as const) {
        for (const actor of [A.intake, A.shift, A.leader, A.system, A.citizen]) {
          expect(code(snap({ state }), action, actor)).toBe('not_allowed_in_state');
        }
      }
    }
  });

  it('督办 is not allowed on closed, voided or merged cases', () => {
    for (const state of ['closed', 'voided', 'merged'] as const) {
      expect(code(snap({ state }), 'supervise', A.leader)).toBe('not_allowed_in_state');
      expect(code(snap({ state }), 'supervise', A.system, fullInput({ level: 'red' }))).toBe(
        'not_allowed_in_state',
      );
    }
  });

  it('closed accepts only 评价 and the 重开 request/decision', () => {
    const allowed = new Set<CaseAction>([
      'rate',
      'request_reopen',
      'approve_request',
      'refuse_request',
    ]);
    const c = snap({ state: 'closed', reopenWindowEndsAt: WINDOW_END });
    for (const action of [
      'dispatch',
      'close',
      'urge',
      'leader_instruct',
      'void',
      'withdraw',
      'set_flags',
    ] as const) {
      expect(allowed.has(action)).toBe(false);
      expect(code(c, action, A.shift)).toBe('not_allowed_in_state');
    }
  });

  it.each<[string, CaseSnapshot, CaseAction, ActorContext, DecideInput, string]>([
    ['dispatch before 立案', snap(), 'dispatch', A.dispatcher, fullInput(), 'not_allowed_in_state'],
    [
      '结案 while handling',
      dispatched('handling'),
      'close',
      A.shift,
      fullInput(),
      'not_allowed_in_state',
    ],
    [
      'approving a 重开 while handling',
      dispatched('handling'),
      'approve_request',
      A.shift,
      fullInput({ requestType: 'reopen' }),
      'not_allowed_in_state',
    ],
    [
      'a handler dispatching',
      snap({ state: 'pending_dispatch' }),
      'dispatch',
      A.handler,
      fullInput(),
      'role_not_allowed',
    ],
    [
      'a citizen closing',
      dispatched('pending_close'),
      'close',
      A.citizen,
      fullInput(),
      'role_not_allowed',
    ],
    [
      'an inspector registering',
      snap({ state: 'pending_registration' }),
      'register',
      A.inspector,
      fullInput(),
      'role_not_allowed',
    ],
    [
      'a dispatcher approving 作废',
      dispatched('handling', {
        pendingRequests: { void: { type: 'void', byUserId: 'u-handler', reason: 'x', at: NOW } },
      }),
      'approve_request',
      A.dispatcher,
      fullInput({ requestType: 'void' }),
      'role_not_allowed',
    ],
    ['intake outside its scope', snap(), 'accept', A.outOfScopeIntake, fullInput(), 'out_of_scope'],
    [
      'another department acknowledging',
      dispatched('handling', { acknowledged: false }),
      'acknowledge',
      A.otherDeptHandler,
      fullInput(),
      'not_handling_department',
    ],
    [
      'a citizen rating someone else’s case',
      snap({ state: 'closed' }),
      'rate',
      A.otherCitizen,
      fullInput(),
      'not_reporter',
    ],
    [
      '12345 acting on a non-hotline case',
      snap({ state: 'closed' }),
      'rate',
      A.hotline,
      fullInput(),
      'role_not_allowed',
    ],
    [
      'a field worker not assigned to the 核实',
      snap({ state: 'verifying', assignedVerifierId: 'u-insp' }),
      'verify_true',
      A.gridAdmin,
      fullInput(),
      'not_assignee',
    ],
    [
      'a field worker not assigned to the 核查',
      dispatched('checking', { assignedCheckerId: 'u-insp' }),
      'check_fail',
      A.gridAdmin,
      fullInput(),
      'not_assignee',
    ],
    [
      '不予受理 without a reason',
      snap(),
      'reject',
      A.intake,
      fullInput({ reason: '  ' }),
      'missing_input',
    ],
    [
      '处理反馈 without after-photos',
      dispatched('handling'),
      'submit_feedback',
      A.handler,
      fullInput({ photos: [] }),
      'missing_input',
    ],
    [
      '结案 without closeReason',
      dispatched('pending_close'),
      'close',
      A.shift,
      { ...fullInput(), closeReason: undefined },
      'missing_input',
    ],
    [
      'approval without request type',
      dispatched('handling'),
      'approve_request',
      A.dispatcher,
      fullInput(),
      'missing_input',
    ],
    [
      '属实 without the GPS check',
      snap({ state: 'verifying', assignedVerifierId: 'u-insp' }),
      'verify_true',
      A.inspector,
      { ...fullInput(), facts: {} },
      'missing_input',
    ],
    [
      '属实 with GPS outside the grid',
      snap({ state: 'verifying', assignedVerifierId: 'u-insp' }),
      'verify_true',
      A.inspector,
      fullInput({ facts: { gpsInGrid: false } }),
      'invalid_input',
    ],
    [
      '结案 as self_handled of a dispatched case',
      dispatched('pending_close'),
      'close',
      A.shift,
      fullInput({ closeReason: 'self_handled' }),
      'invalid_input',
    ],
    [
      '核实 assigned to an intake operator',
      snap(),
      'send_verify',
      A.intake,
      fullInput({ assigneeId: 'u-intake', facts: { assignee: assigneeOf(A.intake) } }),
      'invalid_input',
    ],
    [
      '核实 assigned to someone out of the grid',
      snap(),
      'send_verify',
      A.intake,
      fullInput({ facts: { assignee: { ...assigneeOf(A.gridAdmin), inScope: false } } }),
      'invalid_input',
    ],
    ['签收 twice', dispatched('handling'), 'acknowledge', A.handler, fullInput(), 'already_done'],
    [
      'a zero extension',
      dispatched('handling'),
      'request_extension',
      A.handler,
      fullInput({ extension: { value: 0, limitType: 'work_day' } }),
      'invalid_input',
    ],
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
