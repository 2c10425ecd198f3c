/**
 * Case states, stages, close reasons and sources (docs/case-workflow.md §1–2, §5).
 * Identifiers are for code; the zh labels are what the UI shows.
 */

/** The seven stages of the closed loop (七步闭环). */
export const CASE_STAGES = [
  'collect',
  'register',
  'dispatch',
  'handle',
  'feedback',
  'checkClose',
  'evaluate',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_LABELS: Record<CaseStage, { zh: string; en: string }> = {
  collect: { zh: '信息收集', en: 'Collect' },
  register: { zh: '案卷建立', en: 'Register' },
  dispatch: { zh: '任务派遣', en: 'Dispatch' },
  handle: { zh: '任务处理', en: 'Handle' },
  feedback: { zh: '处理反馈', en: 'Feedback' },
  checkClose: { zh: '核查结案', en: 'Check and close' },
  evaluate: { zh: '综合评价', en: 'Evaluate' },
};

export const CASE_STATES = [
  'candidate',
  'pending_acceptance',
  'verifying',
  'pending_registration',
  'pending_dispatch',
  'handling',
  'suspended',
  'feedback_review',
  'pending_check',
  'checking',
  'pending_close',
  'closed',
  'rejected',
  'voided',
  'merged',
  'dismissed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export interface CaseStateInfo {
  zh: string;
  en: string;
  /**
   * Terminal states end the workflow. `closed` counts as terminal for statistics, yet it still accepts
   * 评价 and the 重开 request/decision (see CLOSED_STATE_ACTIONS in case-transitions).
   */
  terminal: boolean;
  /** Null for the outcome states the doc lists with stage "—" (rejected, voided, merged, dismissed). */
  stage: CaseStage | null;
}

export const CASE_STATE_INFO: Record<CaseState, CaseStateInfo> = {
  candidate: { zh: '待确认', en: 'Candidate', terminal: false, stage: 'collect' },
  pending_acceptance: { zh: '待受理', en: 'Pending acceptance', terminal: false, stage: 'collect' },
  verifying: { zh: '核实中', en: 'Verifying', terminal: false, stage: 'collect' },
  pending_registration: {
    zh: '待立案',
    en: 'Pending registration',
    terminal: false,
    stage: 'register',
  },
  pending_dispatch: { zh: '待派遣', en: 'Pending dispatch', terminal: false, stage: 'dispatch' },
  handling: { zh: '处置中', en: 'Handling', terminal: false, stage: 'handle' },
  suspended: { zh: '挂账', en: 'Suspended', terminal: false, stage: 'handle' },
  feedback_review: { zh: '待反馈审核', en: 'Feedback review', terminal: false, stage: 'feedback' },
  pending_check: { zh: '待核查', en: 'Pending check', terminal: false, stage: 'checkClose' },
  checking: { zh: '核查中', en: 'Checking', terminal: false, stage: 'checkClose' },
  pending_close: { zh: '待结案', en: 'Pending close', terminal: false, stage: 'checkClose' },
  closed: { zh: '已结案', en: 'Closed', terminal: true, stage: 'evaluate' },
  rejected: { zh: '不予受理', en: 'Rejected', terminal: true, stage: null },
  voided: { zh: '已作废', en: 'Voided', terminal: true, stage: null },
  merged: { zh: '已合并', en: 'Merged', terminal: true, stage: null },
  dismissed: { zh: '已忽略', en: 'Dismissed', terminal: true, stage: null },
};

export function isTerminalState(state: CaseState): boolean {
  return CASE_STATE_INFO[state].terminal;
}

/** States of a live case, where overlays (督办, 催办, 批示, flags) may be set. `candidate` is not yet a report. */
export const OPEN_STATES = [
  'pending_acceptance',
  'verifying',
  'pending_registration',
  'pending_dispatch',
  'handling',
  'suspended',
  'feedback_review',
  'pending_check',
  'checking',
  'pending_close',
] as const satisfies readonly CaseState[];

/** States after 立案, while the case overall clock runs (§3.3: 立案 → 结案). */
export const REGISTERED_OPEN_STATES = [
  'pending_dispatch',
  'handling',
  'suspended',
  'feedback_review',
  'pending_check',
  'checking',
  'pending_close',
] as const satisfies readonly CaseState[];

export function isOpenState(state: CaseState): boolean {
  return (OPEN_STATES as readonly CaseState[]).includes(state);
}

export function isRegisteredOpenState(state: CaseState): boolean {
  return (REGISTERED_OPEN_STATES as readonly CaseState[]).includes(state);
}

/** `closeReason` keeps "closed" apart from "fixed"; public views show which one applied. */
export const CLOSE_REASONS = [
  'fixed',
  'self_handled',
  'no_action_possible',
  'not_responsible',
  'duplicate',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CLOSE_REASON_LABELS: Record<CloseReason, { zh: string; en: string }> = {
  fixed: { zh: '已解决', en: 'Fixed' },
  self_handled: { zh: '自行处置', en: 'Self-handled' },
  no_action_possible: { zh: '无法处置', en: 'No action possible' },
  not_responsible: { zh: '非职责范围（已转办）', en: 'Not responsible (transferred)' },
  duplicate: { zh: '重复案件', en: 'Duplicate' },
};

export const CASE_SOURCES = [
  'patrol',
  'public',
  // Partner systems through the Open311 GeoReport v2 interface (an api_key per partner; docs/open311.md).
  'open311',
  'hotline_12345',
  'video_ai',
  'leader',
  'staff_entry',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_SOURCE_LABELS: Record<CaseSource, { zh: string; en: string }> = {
  patrol: { zh: '巡查上报', en: 'Patrol' },
  public: { zh: '公众上报', en: 'Public' },
  open311: { zh: 'Open311 接口', en: 'Open311' },
  hotline_12345: { zh: '12345 热线', en: '12345 hotline' },
  video_ai: { zh: '视频/AI 识别', en: 'Video / AI' },
  leader: { zh: '领导交办', en: 'Leader assignment' },
  staff_entry: { zh: '坐席录入', en: 'Staff entry' },
};

/**
 * The step clocks of §3.3, one per waiting state. `acknowledge` (签收) runs inside `handle`;
 * the case overall clock is separate (start/stop_case_clock effects).
 */
export const CASE_STEPS = [
  'confirm',
  'accept',
  'verify',
  'register',
  'dispatch',
  'acknowledge',
  'handle',
  'feedback_review',
  'check_dispatch',
  'check',
  'close',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/**
 * What an event's `data.deadlines` records: each step clock the transition started, moved, paused (null) or resumed,
 * and `case`, the overall (立案 → 结案) deadline when it was set or moved. The indicator engine's on-time figures read
 * these, so a later change of limits never rewrites past figures.
 */
export type EventDeadlines = Partial<Record<CaseStep, string | null>> & { case?: string };

export const CASE_STEP_LABELS: Record<CaseStep, { zh: string; en: string }> = {
  confirm: { zh: '确认', en: 'Confirm' },
  accept: { zh: '受理', en: 'Accept' },
  verify: { zh: '核实', en: 'Verify' },
  register: { zh: '立案', en: 'Register' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  acknowledge: { zh: '签收', en: 'Acknowledge' },
  handle: { zh: '处置', en: 'Handle' },
  feedback_review: { zh: '反馈审核', en: 'Feedback review' },
  check_dispatch: { zh: '核查派发', en: 'Check dispatch' },
  check: { zh: '核查', en: 'Check' },
  close: { zh: '结案', en: 'Close' },
};

/** The step whose clock runs while the case waits in a state; null when none runs (suspended: paused). */
export const STATE_STEP: Record<CaseState, CaseStep | null> = {
  candidate: 'confirm',
  pending_acceptance: 'accept',
  verifying: 'verify',
  pending_registration: 'register',
  pending_dispatch: 'dispatch',
  handling: 'handle',
  suspended: null,
  feedback_review: 'feedback_review',
  pending_check: 'check_dispatch',
  checking: 'check',
  pending_close: 'close',
  closed: null,
  rejected: null,
  voided: null,
  merged: null,
  dismissed: null,
};
