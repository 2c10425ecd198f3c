import type { CaseState } from '../cases/case-states';

/**
 * What a citizen is told about their case, in their words. One row per internal state, so the portal never says
 * more than is true (a report nobody has accepted yet reads 待受理, as staff see it, not 已受理). The table is typed
 * by every CaseState: a new state does not compile until it has its citizen wording.
 */
export const PUBLIC_CASE_STATUSES = [
  'pending_acceptance',
  'verifying',
  'accepted',
  'registered',
  'handling',
  'suspended',
  'checking',
  'closed',
  'rejected',
  'voided',
  'merged',
  'dismissed',
] as const;
export type PublicCaseStatus = (typeof PUBLIC_CASE_STATUSES)[number];

export const CITIZEN_STATUS_OF_STATE = {
  candidate: 'pending_acceptance',
  pending_acceptance: 'pending_acceptance',
  verifying: 'verifying',
  pending_registration: 'accepted',
  pending_dispatch: 'registered',
  handling: 'handling',
  suspended: 'suspended',
  feedback_review: 'checking',
  pending_check: 'checking',
  checking: 'checking',
  pending_close: 'checking',
  closed: 'closed',
  rejected: 'rejected',
  voided: 'voided',
  merged: 'merged',
  dismissed: 'dismissed',
} as const satisfies Record<CaseState, PublicCaseStatus>;

/** The citizen's status of an internal case state. */
export function citizenStatus(state: CaseState): PublicCaseStatus {
  return CITIZEN_STATUS_OF_STATE[state];
}

export const PUBLIC_CASE_STATUS_LABELS: Record<
  PublicCaseStatus,
  { zh: string; en: string; hint: { zh: string; en: string } }
> = {
  pending_acceptance: {
    zh: '待受理',
    en: 'Awaiting acceptance',
    hint: {
      zh: '已收到您的反映，等待工作人员受理',
      en: 'Received; waiting for staff to accept it',
    },
  },
  verifying: {
    zh: '核实中',
    en: 'Being verified',
    hint: { zh: '工作人员正在现场核实', en: 'Staff are checking on site' },
  },
  accepted: {
    zh: '已受理',
    en: 'Accepted',
    hint: { zh: '已受理，正在立案', en: 'Accepted; being registered' },
  },
  registered: {
    zh: '已立案',
    en: 'Registered',
    hint: { zh: '已立案，正在派往责任单位', en: 'Registered; being sent to the responsible unit' },
  },
  handling: {
    zh: '处置中',
    en: 'Being handled',
    hint: { zh: '责任单位正在处置', en: 'The responsible unit is working on it' },
  },
  suspended: {
    zh: '暂缓处置',
    en: 'On hold',
    hint: {
      zh: '因客观原因暂时无法处置，条件具备后继续办理',
      en: 'On hold for reasons outside the unit; it will go on when it can',
    },
  },
  checking: {
    zh: '处置完成，核查中',
    en: 'Handled, being checked',
    hint: { zh: '责任单位已处置，正在核查结果', en: 'Handled; the result is being checked' },
  },
  closed: {
    zh: '已办结',
    en: 'Closed',
    hint: { zh: '已办结，欢迎评价', en: 'Closed; you may rate it' },
  },
  rejected: {
    zh: '不予受理',
    en: 'Not accepted',
    hint: { zh: '不属于受理范围', en: 'Outside what the service handles' },
  },
  voided: {
    zh: '已作废',
    en: 'Voided',
    hint: { zh: '该反映已作废', en: 'This report was voided' },
  },
  merged: {
    zh: '已合并',
    en: 'Merged',
    hint: {
      zh: '与他人反映的同一问题合并办理',
      en: 'Handled together with other reports of the same problem',
    },
  },
  dismissed: {
    zh: '未予处理',
    en: 'Not taken up',
    hint: { zh: '经核查无需处理', en: 'Found to need no action' },
  },
};
