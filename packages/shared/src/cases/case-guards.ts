import { FIELD_ROLES, nextLeaderLevel, type RequestType, SUPERVISION_LEVELS } from './case-actions';
import type { CaseState } from './case-states';
import type { ActorContext, CaseSnapshot, DecideErrorCode, DecideInput } from './case-types';

/** Everything a guard may look at. `requestType` is the table row's request type, if any. */
export interface RuleContext {
  c: CaseSnapshot;
  actor: ActorContext;
  input: DecideInput;
  requestType: RequestType | undefined;
}

export interface GuardFailure {
  code: DecideErrorCode;
  message: string;
  field?: string;
}

type Guard = (ctx: RuleContext) => GuardFailure | null;

const fail = (code: DecideErrorCode, message: string, field?: string): GuardFailure =>
  field === undefined ? { code, message } : { code, message, field };

/** A user of the department that handles the case (监督与处置相分离). */
export function isHandlingDeptUser(c: CaseSnapshot, departmentId: string | null): boolean {
  return departmentId != null && c.handlingDeptId != null && departmentId === c.handlingDeptId;
}

/** Whoever acknowledged, fed back or self-handled the case is its handler. */
export function isCaseHandler(c: CaseSnapshot, userId: string): boolean {
  return c.handlerUserIds.includes(userId) || (c.selfHandled && c.reporterId === userId);
}

const SOD_DEPT = '专业部门人员不能对本部门处置的案件进行核实、核查、立案、作废或结案';
const SOD_HANDLER = '案件处置人不能核查或结案本案';
/** A report about a closed case may still be merged into it: its reporter then follows the case. */
const NOT_MERGEABLE: readonly CaseState[] = [
  'candidate',
  'rejected',
  'voided',
  'merged',
  'dismissed',
];

/** Guards that look only at the case and the actor, so `allowedActions` can evaluate them without input. */
export const STATE_GUARDS = {
  notHandlingDeptUser: ({ c, actor }) =>
    isHandlingDeptUser(c, actor.departmentId) ? fail('separation_of_duties', SOD_DEPT) : null,
  actorNotHandler: ({ c, actor }) =>
    isCaseHandler(c, actor.userId) ? fail('separation_of_duties', SOD_HANDLER) : null,
  isAssignedVerifier: ({ c, actor }) =>
    c.assignedVerifierId === actor.userId
      ? null
      : fail('not_assignee', '只有被指派的核实人员可以提交核实结果'),
  isAssignedChecker: ({ c, actor }) =>
    c.assignedCheckerId === actor.userId
      ? null
      : fail('not_assignee', '只有被指派的核查人员可以提交核查结果'),
  notAcknowledged: ({ c }) => (c.acknowledged ? fail('already_done', '案件已签收') : null),
  noOpenRequest: ({ c, requestType }) =>
    requestType !== undefined && c.pendingRequests[requestType]
      ? fail('request_pending', '同类申请尚在审批中')
      : null,
  hasOpenRequest: ({ c, requestType }) =>
    requestType !== undefined && c.pendingRequests[requestType]
      ? null
      : fail('no_pending_request', '没有待审批的此类申请'),
  approverNotRequester: ({ c, actor, requestType }) =>
    requestType !== undefined && c.pendingRequests[requestType]?.byUserId === actor.userId
      ? fail('approver_is_requester', '不能审批本人提出的申请')
      : null,
  withinReopenWindow: ({ c, actor }) =>
    c.reopenWindowEndsAt != null && Date.parse(actor.now) <= Date.parse(c.reopenWindowEndsAt)
      ? null
      : fail('window_expired', '已超过重开期限'),
  notRated: ({ c }) => (c.rated ? fail('already_done', '本次结案已评价') : null),
  isHotlineCase: ({ c }) =>
    c.source === 'hotline_12345' ? null : fail('not_allowed_in_state', '只有 12345 工单可以撤回'),
  supervisionActive: ({ c }) =>
    c.supervision ? null : fail('no_supervision', '案件没有进行中的督办'),
  supervisionNotReplied: ({ c }) =>
    c.supervision?.replied ? fail('already_done', '督办已回复') : null,
  // The top level (区领导) has no one above it: its 督办 stays there until answered.
  supervisionEscalatable: ({ c }) =>
    c.supervision && nextLeaderLevel(c.supervision.leaderLevel) === null
      ? fail('already_done', '督办已在最高一级')
      : null,
  isSupervisionIssuer: ({ c, actor }) =>
    c.supervision && c.supervision.issuerId !== actor.userId
      ? fail('role_not_allowed', '只有督办发起人可以取消督办')
      : null,
} satisfies Record<string, Guard>;

function assigneeGuard(task: 'verify' | 'check'): Guard {
  return ({ c, input }) => {
    const a = input.facts?.assignee;
    if (!a) return fail('missing_input', '缺少被指派人员信息', 'assigneeId');
    if (a.userId !== input.assigneeId)
      return fail('invalid_input', '被指派人员信息不一致', 'assigneeId');
    // Scope first: someone outside the grid (or no one at all) gets one answer, whatever their roles.
    if (!a.inScope) return fail('invalid_input', '被指派人员不负责该网格', 'assigneeId');
    if (!a.roleCodes.some((r) => (FIELD_ROLES as readonly string[]).includes(r))) {
      return fail('invalid_input', '只能指派监督员或网格员', 'assigneeId');
    }
    if (isHandlingDeptUser(c, a.departmentId)) {
      return fail(
        'separation_of_duties',
        task === 'check' ? '核查人员不能是处置部门人员' : SOD_DEPT,
        'assigneeId',
      );
    }
    if (task === 'check' && isCaseHandler(c, a.userId))
      return fail('separation_of_duties', SOD_HANDLER, 'assigneeId');
    const current = task === 'check' ? c.assignedCheckerId : c.assignedVerifierId;
    if (current === a.userId) return fail('invalid_input', '已指派给该人员', 'assigneeId');
    return null;
  };
}

const LEVEL_RANK = Object.fromEntries(SUPERVISION_LEVELS.map((l, i) => [l, i])) as Record<
  (typeof SUPERVISION_LEVELS)[number],
  number
>;

/** Guards that need the action's input. They run after the required inputs are present. */
export const INPUT_GUARDS = {
  verifyAssignee: assigneeGuard('verify'),
  checkAssignee: assigneeGuard('check'),
  gpsInGrid: ({ input }) => {
    if (input.facts?.gpsInGrid === undefined)
      return fail('missing_input', '缺少位置校验结果', 'gps');
    return input.facts.gpsInGrid
      ? null
      : fail('invalid_input', '核实位置不在案件所在网格内', 'gps');
  },
  closeReasonConsistent: ({ c, input }) => {
    // An undispatched 自行处置 case can only close as self_handled; self_handled means exactly that path.
    const selfPath = c.selfHandled && c.handlingDeptId == null;
    if (selfPath && input.closeReason !== 'self_handled')
      return fail('invalid_input', '自行处置案件的结案原因应为“自行处置”', 'closeReason');
    if (!selfPath && input.closeReason === 'self_handled')
      return fail('invalid_input', '该案件不是自行处置案件', 'closeReason');
    return null;
  },
  masterMergeable: ({ c, input }) => {
    if (input.masterCaseId === c.id) return fail('invalid_input', '不能合并到自身', 'masterCaseId');
    const s = input.facts?.masterState;
    if (s === undefined) return fail('missing_input', '缺少主案件状态', 'masterCaseId');
    return NOT_MERGEABLE.includes(s)
      ? fail('invalid_input', '主案件已不可合并', 'masterCaseId')
      : null;
  },
  notSentBackDept: ({ c, input }) =>
    c.sentBackByDeptId != null && input.departmentId === c.sentBackByDeptId
      ? fail('invalid_input', '该部门已回退本案，请改派其他部门', 'departmentId')
      : null,
  supervisionLevelAllowed: ({ c, actor, input }) => {
    const level = input.level ?? 'normal';
    const bySystem = actor.roleCodes.includes('system');
    // By hand only normal 督办; yellow and red cards are raised by the sweep (§2.1).
    if (bySystem && level === 'normal')
      return fail('invalid_input', '系统只能发出黄牌或红牌督办', 'level');
    if (!bySystem && level !== 'normal')
      return fail('invalid_input', '黄牌和红牌督办由系统自动发出', 'level');
    if (c.supervision && LEVEL_RANK[c.supervision.level] >= LEVEL_RANK[level])
      return fail('supervision_active', '案件已在督办中');
    return null;
  },
  extensionPositive: ({ input }) =>
    input.extension && !(input.extension.value > 0)
      ? fail('invalid_input', '延期时长应大于 0', 'extension')
      : null,
  flagsChange: ({ c, input }) => {
    const f = input.flags ?? {};
    const changes =
      (f.urgent !== undefined && f.urgent !== c.flags.urgent) ||
      (f.legacyIssue !== undefined && f.legacyIssue !== c.flags.legacyIssue);
    return changes ? null : fail('invalid_input', '标记没有变化', 'flags');
  },
} satisfies Record<string, Guard>;

export type StateGuardName = keyof typeof STATE_GUARDS;
export type InputGuardName = keyof typeof INPUT_GUARDS;
