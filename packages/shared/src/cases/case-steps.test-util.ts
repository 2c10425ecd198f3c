import { CASE_ROLE_LABELS, nextSteps, nextStepText } from './case-next';
import { CASE_STATE_INFO, OPEN_STATES, type CaseState } from './case-states';
import { REQUEST_APPROVER, REQUEST_TYPE_LABELS, REQUEST_TYPES } from './case-actions';
import { snap } from './case-fixtures.test-util';
import type { CaseSnapshot } from './case-types';

// Shared by case-next.test.ts and the README check (apps/server/test/readme-case-steps.test.ts, which can read files).

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
export function typicalCase(state: CaseState, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
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

/** The README's "who does which step" table, as the case table says it. */
export function stepTable(): string {
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
