import { describe, expect, it } from 'vitest';
import { nextSteps, nextStepText, type NextStep } from './case-next';
import { CASE_STATES, type CaseState } from './case-states';
import { typicalCase } from './case-steps.test-util';

const FIELD = ['inspector', 'grid_administrator', 'grid_supervisor'];

const EXPECTED: Record<CaseState, NextStep[]> = {
  candidate: [{ roles: ['intake_operator'], actions: ['confirm', 'dismiss'] }],
  pending_acceptance: [
    { roles: ['intake_operator'], actions: ['accept', 'reject', 'send_verify', 'merge'] },
  ],
  verifying: [
    { roles: FIELD, actions: ['verify_true', 'verify_false'], userId: 'u-insp' },
  ] as NextStep[],
  pending_registration: [
    { roles: ['shift_leader'], actions: ['register', 'refuse_registration', 'return_to_intake'] },
  ],
  pending_dispatch: [{ roles: ['dispatcher'], actions: ['dispatch'] }],
  handling: [
    { roles: ['department_handler'], actions: ['submit_feedback'], departmentId: 'dept-a' },
  ],
  suspended: [
    { roles: ['dispatcher'], actions: ['resume'] },
    { roles: ['shift_leader'], actions: ['void'] },
  ],
  feedback_review: [{ roles: ['dispatcher'], actions: ['accept_feedback', 'return_feedback'] }],
  pending_check: [{ roles: ['intake_operator'], actions: ['send_check'] }],
  checking: [
    { roles: FIELD, actions: ['check_pass', 'check_fail'], userId: 'u-insp' },
  ] as NextStep[],
  pending_close: [{ roles: ['shift_leader'], actions: ['close', 'refuse_close'] }],
  closed: [{ roles: ['citizen'], actions: ['rate'] }],
  rejected: [],
  voided: [],
  merged: [],
  dismissed: [],
};

describe('nextSteps: who acts next, from the case table', () => {
  it.each(CASE_STATES.map((s) => [s]))('%s', (state) => {
    expect(nextSteps(typicalCase(state))).toEqual(EXPECTED[state]);
  });

  it('a dispatched case not yet acknowledged waits for 签收 first', () => {
    expect(nextSteps(typicalCase('handling', { acknowledged: false }))).toEqual([
      {
        roles: ['department_handler'],
        actions: ['acknowledge', 'submit_feedback'],
        departmentId: 'dept-a',
      },
    ]);
  });

  it('an open request puts its approver first; the department keeps working', () => {
    const c = typicalCase('handling', {
      pendingRequests: {
        extension: { type: 'extension', byUserId: 'u-h', reason: '等材料', at: '' },
      },
    });
    const steps = nextSteps(c);
    expect(steps[0]).toEqual({
      roles: ['dispatcher'],
      actions: ['approve_request', 'refuse_request'],
      requestType: 'extension',
    });
    expect(nextStepText(steps[0]!)).toBe('派遣员：审批延期申请');
    expect(steps[1]?.departmentId).toBe('dept-a');
  });

  it('an unanswered 督办 is the owner’s duty too', () => {
    const c = typicalCase('pending_dispatch', {
      supervision: { level: 'yellow', issuerId: 'system', replied: false },
    });
    expect(nextSteps(c)).toEqual([
      { roles: ['dispatcher'], actions: ['dispatch', 'reply_supervision'] },
    ]);
    const replied = {
      ...c,
      supervision: { level: 'yellow' as const, issuerId: 'x', replied: true },
    };
    expect(nextSteps(replied)[0]?.actions).toEqual(['dispatch']);
  });

  it('a closed case waits for a rating only from a citizen or 12345 who has not rated', () => {
    expect(nextSteps(typicalCase('closed', { source: 'patrol' }))).toEqual([]);
    expect(nextSteps(typicalCase('closed', { rated: true }))).toEqual([]);
    expect(nextSteps(typicalCase('closed', { source: 'hotline_12345' }))).toEqual([
      { roles: ['hotline_center'], actions: ['rate'] },
    ]);
  });

  it('reads as one line in either language', () => {
    const [s] = nextSteps(typicalCase('pending_registration'));
    expect(nextStepText(s!)).toBe('值班长：立案 / 不予立案 / 退回受理员');
    expect(nextStepText(s!, 'en')).toBe(
      'Shift leader: Register / Refuse registration / Return to intake',
    );
  });
});
