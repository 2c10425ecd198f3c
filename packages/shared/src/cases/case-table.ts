import type { CaseAction, CaseRole, RequestType } from './case-actions';
import type { InputGuardName, RuleContext, StateGuardName } from './case-guards';
import type { CaseState } from './case-states';
import type { DecideInput, Effect } from './case-types';

/** Input fields an action may require. */
export type InputField = Exclude<keyof DecideInput, 'facts' | 'linkedCaseId'>;

export const INPUT_FIELD_LABELS: Record<InputField, string> = {
  note: '说明',
  reason: '原因',
  photos: '照片',
  gps: '位置',
  result: '处理结果',
  closeReason: '结案原因',
  departmentId: '处置部门',
  classCode: '小类',
  conditionId: '立案条件',
  assigneeId: '指派人员',
  requestType: '申请类型',
  extension: '延期时长',
  level: '督办级别',
  rating: '评价',
  masterCaseId: '主案件',
  flags: '标记',
};

/** Selects one row when several share (state, action): decided by the case and the input, never by the actor. */
export const VARIANTS = {
  notSelfHandled: ({ c }) => !c.selfHandled,
  selfHandledUnsampled: ({ c, input }) => c.selfHandled && input.facts?.sampleCheck !== true,
  // "A configurable sample gets a 核查": the server draws the sample and says so in facts.sampleCheck.
  selfHandledSampled: ({ c, input }) => c.selfHandled && input.facts?.sampleCheck === true,
} satisfies Record<string, (ctx: RuleContext) => boolean>;
export type VariantName = keyof typeof VARIANTS;

/**
 * How the step clocks change, when the generic "end the old state's step, start the new one's" is wrong.
 * pause/resume: 挂账 keeps the handling step, minus the paused time. continue: 退回补充 reopens the
 * handling step with its original deadline.
 */
export type ClockMode = 'pause' | 'resume' | 'continue';

/** One row of the transition table. */
export interface TransitionRow {
  from: CaseState;
  action: CaseAction;
  /** For request and approval rows: the request type the row concerns. Approvals pick their row by it. */
  requestType?: RequestType;
  when?: VariantName;
  roles: readonly CaseRole[];
  /** 'same' for overlays and requests that keep the state. */
  to: CaseState | 'same';
  inputs: readonly InputField[];
  guards: readonly StateGuardName[];
  inputGuards: readonly InputGuardName[];
  clock?: ClockMode;
  /** Row-specific effects; set_state, step clocks and request/supervision clean-up are added by `decide`. */
  effects?: (ctx: RuleContext) => Effect[];
}

type RowOptions = Partial<Omit<TransitionRow, 'from' | 'action' | 'roles' | 'to'>>;

export function row(
  from: CaseState,
  action: CaseAction,
  roles: readonly CaseRole[],
  to: CaseState | 'same',
  opts: RowOptions = {},
): TransitionRow {
  return { from, action, roles, to, inputs: [], guards: [], inputGuards: [], ...opts };
}

/** Same row for several states. */
export function rows(
  froms: readonly CaseState[],
  action: CaseAction,
  roles: readonly CaseRole[],
  to: CaseState | 'same',
  opts: RowOptions = {},
): TransitionRow[] {
  return froms.map((from) => row(from, action, roles, to, opts));
}
