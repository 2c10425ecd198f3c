/**
 * Case actions, request types and the role codes that act on cases (docs/case-workflow.md §2, docs/domain.md §2.3–2.5).
 */

export const CASE_ACTIONS = [
  // collect
  'confirm',
  'dismiss',
  'accept',
  'reject',
  'send_verify',
  'reassign_verify',
  'verify_true',
  'verify_false',
  'merge',
  // register
  'register',
  'refuse_registration',
  'return_to_intake',
  // dispatch and handle
  'dispatch',
  'acknowledge',
  'submit_feedback',
  'request_send_back',
  'request_extension',
  'request_suspension',
  'request_void',
  'approve_request',
  'refuse_request',
  'resume',
  'void',
  // feedback, check, close
  'accept_feedback',
  'return_feedback',
  'send_check',
  'reassign_check',
  'check_pass',
  'check_fail',
  'close',
  'refuse_close',
  // evaluate
  'rate',
  'request_reopen',
  // overlays and cross-cutting
  'supervise',
  'reply_supervision',
  'cancel_supervision',
  'escalate_supervision',
  'urge',
  'leader_instruct',
  'recategorise',
  'set_flags',
  'withdraw',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Record<CaseAction, { zh: string; en: string }> = {
  confirm: { zh: '确认', en: 'Confirm' },
  dismiss: { zh: '忽略', en: 'Dismiss' },
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  send_verify: { zh: '发核实', en: 'Send for verification' },
  reassign_verify: { zh: '改派核实', en: 'Reassign verification' },
  verify_true: { zh: '核实属实', en: 'Verified true' },
  verify_false: { zh: '核实不属实', en: 'Verified false' },
  merge: { zh: '合并', en: 'Merge' },
  register: { zh: '立案', en: 'Register' },
  refuse_registration: { zh: '不予立案', en: 'Refuse registration' },
  return_to_intake: { zh: '退回受理员', en: 'Return to intake' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  acknowledge: { zh: '签收', en: 'Acknowledge' },
  submit_feedback: { zh: '处理反馈', en: 'Submit feedback' },
  request_send_back: { zh: '申请回退', en: 'Request send-back' },
  request_extension: { zh: '申请延期', en: 'Request extension' },
  request_suspension: { zh: '申请挂账', en: 'Request suspension' },
  request_void: { zh: '申请作废', en: 'Request void' },
  approve_request: { zh: '同意申请', en: 'Approve request' },
  refuse_request: { zh: '不同意申请', en: 'Refuse request' },
  resume: { zh: '恢复', en: 'Resume' },
  void: { zh: '作废', en: 'Void' },
  accept_feedback: { zh: '接受反馈', en: 'Accept feedback' },
  return_feedback: { zh: '退回补充', en: 'Return feedback' },
  send_check: { zh: '发核查', en: 'Send for check' },
  reassign_check: { zh: '改派核查', en: 'Reassign check' },
  check_pass: { zh: '核查通过', en: 'Check passed' },
  check_fail: { zh: '核查不通过', en: 'Check failed' },
  close: { zh: '结案', en: 'Close' },
  refuse_close: { zh: '不同意结案', en: 'Refuse close' },
  rate: { zh: '评价', en: 'Rate' },
  request_reopen: { zh: '申请重开', en: 'Request reopen' },
  supervise: { zh: '督办', en: 'Supervise' },
  reply_supervision: { zh: '督办回复', en: 'Reply to supervision' },
  cancel_supervision: { zh: '取消督办', en: 'Cancel supervision' },
  escalate_supervision: { zh: '督办升级', en: 'Supervision escalated' },
  urge: { zh: '催办', en: 'Urge' },
  leader_instruct: { zh: '领导批示', en: 'Leader instruction' },
  recategorise: { zh: '变更分类', en: 'Recategorise' },
  set_flags: { zh: '设置标记', en: 'Set flags' },
  withdraw: { zh: '12345 撤回', en: 'Withdrawn by 12345' },
};

/** Overlay `pendingRequest.type` (§2.1). At most one open request per type. */
export const REQUEST_TYPES = ['send_back', 'extension', 'suspension', 'void', 'reopen'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_LABELS: Record<RequestType, { zh: string; en: string }> = {
  send_back: { zh: '回退', en: 'Send back' },
  extension: { zh: '延期', en: 'Extension' },
  suspension: { zh: '挂账', en: 'Suspension' },
  void: { zh: '作废', en: 'Void' },
  reopen: { zh: '重开', en: 'Reopen' },
};

export const SUPERVISION_LEVELS = ['normal', 'yellow', 'red'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

export const SUPERVISION_LEVEL_LABELS: Record<SupervisionLevel, { zh: string; en: string }> = {
  normal: { zh: '普通督办', en: 'Normal' },
  yellow: { zh: '黄牌督办', en: 'Yellow card' },
  red: { zh: '红牌督办', en: 'Red card' },
};

/**
 * The leader level a 督办 stands at (docs/supervision.md): the issuing leader's level, then one level up each time
 * it stays unanswered past the configured working time. Null for a 督办 of the 值班长, 12345 or the system's cards.
 */
export const SUPERVISION_LEADER_LEVELS = ['community', 'street', 'district'] as const;
export type SupervisionLeaderLevel = (typeof SUPERVISION_LEADER_LEVELS)[number];

/** The role of the leaders at each level: an escalated 督办 is theirs to follow. */
export const LEADER_ROLE_OF_LEVEL: Record<SupervisionLeaderLevel, (typeof LEADER_ROLES)[number]> = {
  community: 'community_leader',
  street: 'street_leader',
  district: 'district_leader',
};

/** The next level an unanswered 督办 escalates to; null at the top. */
export function nextLeaderLevel(
  current: SupervisionLeaderLevel | null | undefined,
): SupervisionLeaderLevel | null {
  if (current == null) return 'community';
  const i = SUPERVISION_LEADER_LEVELS.indexOf(current);
  return SUPERVISION_LEADER_LEVELS[i + 1] ?? null;
}

/** The highest leader level among the roles (a district leader who is also a street leader acts as district). */
export function leaderLevelOf(roleCodes: readonly string[]): SupervisionLeaderLevel | null {
  for (const level of [...SUPERVISION_LEADER_LEVELS].reverse())
    if (roleCodes.includes(LEADER_ROLE_OF_LEVEL[level])) return level;
  return null;
}

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

/** Limit types of §3.2; an extension is expressed in one of them. */
export const LIMIT_TYPES = ['urgent_hour', 'work_hour', 'work_day', 'natural_day'] as const;
export type LimitType = (typeof LIMIT_TYPES)[number];

/**
 * Role codes that act on cases. All but the last three are built-in server roles; `citizen`,
 * `hotline_center` (the 12345 integration) and `system` (sweeps, auto-pass) are pseudo-roles the
 * server puts in the actor context itself.
 */
export const CASE_ROLES = [
  'intake_operator',
  'shift_leader',
  'dispatcher',
  'department_handler',
  'inspector',
  'grid_administrator',
  'grid_supervisor',
  'district_leader',
  'street_leader',
  'community_leader',
  'citizen',
  'hotline_center',
  'system',
] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

/** 监督员 / 网格员: the people a 核实 or 核查 task may be assigned to. */
export const FIELD_ROLES = [
  'inspector',
  'grid_administrator',
  'grid_supervisor',
] as const satisfies readonly CaseRole[];
export const LEADER_ROLES = [
  'district_leader',
  'street_leader',
  'community_leader',
] as const satisfies readonly CaseRole[];

/** Roles that act only inside their org scope (§1: "An actor may act only on cases whose grid lies inside their org scope"). */
export const SCOPED_ROLES = [
  'intake_operator',
  'shift_leader',
  'dispatcher',
  ...FIELD_ROLES,
  ...LEADER_ROLES,
] as const satisfies readonly CaseRole[];

/** The approver of each request type (§2.1). */
export const REQUEST_APPROVER: Record<RequestType, CaseRole> = {
  send_back: 'dispatcher',
  extension: 'dispatcher',
  suspension: 'dispatcher',
  void: 'shift_leader',
  reopen: 'shift_leader',
};

export function isCaseRole(value: string): value is CaseRole {
  return (CASE_ROLES as readonly string[]).includes(value);
}
