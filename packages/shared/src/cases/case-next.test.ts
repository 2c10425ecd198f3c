import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_ROLE_LABELS, nextSteps, nextStepText, type NextStep } from './case-next';
import { CASE_STATE_INFO, CASE_STATES, OPEN_STATES, type CaseState } from './case-states';
import { REQUEST_APPROVER, REQUEST_TYPE_LABELS, REQUEST_TYPES } from './case-actions';
import { snap } from './case-fixtures.test-util';
import type { CaseSnapshot } from './case-types';

const DISPATCHED: readonly CaseState[] = [
  'handling',
  'suspended',
  'feedback_review',
  'pending_check',
  'checking',
  'pending_close',
  'closed',
];

/** A case in `state` as the earlier steps left it (dispatched to dept-a and acknowledged once handled). */
function typicalCase(state: CaseState, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const dispatched = DISPATCHED.includes(state);
  return snap({
    state,
    source: 'public',
    handlingDeptId: dispatched ? 'dept-a' : null,
    acknowledged: dispatched,
    assignedVerifierId: state === 'verifying' ? 'u-insp' : null,
    assignedCheckerId: state === 'checking' ? 'u-insp' : null,
    ...over,
  });
}

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

/** The README's "who does which step" table, as the case table says it. */
function stepTable(): string {
  const lines = ['| 状态 | 谁 | 做什么 |', '|---|---|---|'];
  for (const state of [...OPEN_STATES, 'closed'] as const) {
    // A new dispatch: the department 签收s, then feeds back.
    const c = typicalCase(state, state === 'handling' ? { acknowledged: false } : {});
    for (const step of nextSteps(c)) {
      const [who, what] = nextStepText(step).split('：');
      lines.push(`| ${CASE_STATE_INFO[state].zh} | ${who} | ${what} |`);
    }
  }
  const approvers = [...new Set(Object.values(REQUEST_APPROVER))];
  for (const role of approvers) {
    const types = REQUEST_TYPES.filter((t) => REQUEST_APPROVER[t] === role);
    const names = types.map((t) => REQUEST_TYPE_LABELS[t].zh).join('、');
    lines.push(`| 有申请时 | ${CASE_ROLE_LABELS[role].zh} | 审批${names}申请 |`);
  }
  return lines.join('\n');
}

describe('README', () => {
  it('says who does which step as the case table does', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const block = /<!-- case-steps:begin -->\n([\s\S]*?)\n<!-- case-steps:end -->/.exec(readme);
    // On failure: paste the expected table between the README's case-steps markers.
    expect(block?.[1], 'README.md: the case-steps block').toBe(stepTable());
  });
});
