import {
  CASE_ACTION_LABELS,
  CASE_ACTIONS,
  type CaseAction,
  type CaseRole,
  isCaseRole,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  SCOPED_ROLES,
  type RequestType,
} from './case-actions';
import { FLOW_ROWS } from './case-flow-rows';
import {
  type GuardFailure,
  INPUT_GUARDS,
  isHandlingDeptUser,
  type RuleContext,
  STATE_GUARDS,
} from './case-guards';
import { OVERLAY_ROWS } from './case-overlay-rows';
import {
  CASE_STATE_INFO,
  type CaseState,
  isRegisteredOpenState,
  isTerminalState,
  STATE_STEP,
} from './case-states';
import { INPUT_FIELD_LABELS, type InputField, type TransitionRow, VARIANTS } from './case-table';
import type {
  ActorContext,
  CaseSnapshot,
  DecideErrorCode,
  DecideInput,
  DecideResult,
  Effect,
} from './case-types';

export { CASE_ACTIONS, CASE_ACTION_LABELS, type CaseAction } from './case-actions';

/**
 * The whole transition table: the state table of docs/case-workflow.md §2 plus the overlay rows of §2.1.
 * Both the server (`decide`) and the web UI (`allowedActions`) read it; nothing else encodes the rules.
 */
export const TRANSITIONS: readonly TransitionRow[] = [...FLOW_ROWS, ...OVERLAY_ROWS];

const INDEX = new Map<string, TransitionRow[]>();
for (const r of TRANSITIONS) {
  const key = `${r.from}:${r.action}`;
  INDEX.set(key, [...(INDEX.get(key) ?? []), r]);
}

/** Rows for one (state, action); several when variants or request types differ. */
export function rowsFor(state: CaseState, action: CaseAction): readonly TransitionRow[] {
  return INDEX.get(`${state}:${action}`) ?? [];
}

/** The states an action may lead to from a state (the state itself for overlays). */
export function transitionTargets(state: CaseState, action: CaseAction): CaseState[] {
  return [...new Set(rowsFor(state, action).map((r) => (r.to === 'same' ? state : r.to)))];
}

/** Approvals pick their row by the request type in the input. */
const DECISION_ACTIONS: readonly CaseAction[] = ['approve_request', 'refuse_request'];

function err(code: DecideErrorCode, message: string, field?: string): DecideResult {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}

function heldRoles(actor: ActorContext): Set<CaseRole> {
  return new Set(actor.roleCodes.filter(isCaseRole));
}

/** A held role only counts on this case if the actor stands in the right relation to it. */
function qualifyRole(role: CaseRole, { c, actor }: RuleContext): GuardFailure | null {
  if ((SCOPED_ROLES as readonly CaseRole[]).includes(role)) {
    return actor.inScope ? null : { code: 'out_of_scope', message: '案件不在您的辖区内' };
  }
  switch (role) {
    case 'department_handler':
      return isHandlingDeptUser(c, actor.departmentId)
        ? null
        : { code: 'not_handling_department', message: '案件未派遣给您所在的部门' };
    case 'citizen':
      return c.reporterId != null && c.reporterId === actor.userId
        ? null
        : { code: 'not_reporter', message: '只有诉求人本人可以操作' };
    case 'hotline_center':
      return c.source === 'hotline_12345'
        ? null
        : { code: 'role_not_allowed', message: '12345 只能操作其派发的工单' };
    default:
      return null;
  }
}

/** The role the actor acts in, or why none of their roles may act. */
function qualify(r: TransitionRow, ctx: RuleContext): { role: CaseRole } | GuardFailure {
  const held = heldRoles(ctx.actor);
  let first: GuardFailure | null = null;
  for (const role of r.roles) {
    if (!held.has(role)) continue;
    const failure = qualifyRole(role, ctx);
    if (!failure) return { role };
    first ??= failure;
  }
  return (
    first ?? {
      code: 'role_not_allowed',
      message: `您的角色不能执行「${CASE_ACTION_LABELS[r.action].zh}」`,
    }
  );
}

function checkStateGuards(r: TransitionRow, ctx: RuleContext): GuardFailure | null {
  for (const name of r.guards) {
    const failure = STATE_GUARDS[name](ctx);
    if (failure) return failure;
  }
  return null;
}

function isMissing(input: DecideInput, field: InputField): boolean {
  const value = input[field];
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (field === 'flags' && typeof value === 'object')
    return Object.values(value).every((v) => v === undefined);
  return false;
}

/** Step clocks when the state changes: end the old state's step, start the new one's, unless the row says otherwise. */
function clockEffects(r: TransitionRow, from: CaseState, to: CaseState): Effect[] {
  if (r.clock === 'pause') return [{ type: 'pause_clock' }];
  if (r.clock === 'resume') return [{ type: 'resume_clock' }];
  const effects: Effect[] = [];
  // Leaving 挂账 other than by 恢复 (作废, 撤回) ends the paused handling step.
  const fromStep = from === 'suspended' ? 'handle' : STATE_STEP[from];
  if (fromStep) effects.push({ type: 'end_step', step: fromStep });
  const toStep = STATE_STEP[to];
  if (toStep)
    effects.push(
      r.clock === 'continue'
        ? { type: 'start_step', step: toStep, keepDeadline: true }
        : { type: 'start_step', step: toStep },
    );
  return effects;
}

/** True when the state has an approval row for the request type, i.e. the request stays meaningful there. */
function approvableIn(state: CaseState, type: RequestType): boolean {
  return rowsFor(state, 'approve_request').some((r) => r.requestType === type);
}

function buildEffects(r: TransitionRow, ctx: RuleContext, to: CaseState): Effect[] {
  const { c } = ctx;
  const from = c.state;
  if (from === to) return r.effects?.(ctx) ?? [];
  const effects: Effect[] = [
    { type: 'set_state', from, to },
    ...clockEffects(r, from, to),
    ...(r.effects?.(ctx) ?? []),
  ];
  if (
    from === 'handling' &&
    r.clock !== 'pause' &&
    !c.acknowledged &&
    !effects.some((e) => e.type === 'end_step' && e.step === 'acknowledge')
  ) {
    effects.push({ type: 'end_step', step: 'acknowledge' });
  }
  // A request that cannot be decided in the new state lapses; the event keeps it.
  for (const type of REQUEST_TYPES) {
    const handled = effects.some((e) => e.type === 'close_request' && e.requestType === type);
    if (c.pendingRequests[type] && !handled && !approvableIn(to, type)) {
      effects.push({ type: 'close_request', requestType: type, outcome: 'cancelled' });
    }
  }
  if (isRegisteredOpenState(from) && (to === 'closed' || to === 'voided'))
    effects.push({ type: 'stop_case_clock' });
  if (isTerminalState(to) && c.supervision)
    effects.push({ type: 'end_supervision', cause: 'case_ended' });
  return effects;
}

/**
 * Decides one action on one case. Checks, in order: the state allows the action, the actor holds a role
 * for it, that role applies to this case (scope, department, reporter), the guards (separation of duties,
 * assignment, pending requests…), the required inputs, then the input guards. On success it returns the
 * next state and the effects the server applies while appending the transition's event.
 */
export function decide(
  c: CaseSnapshot,
  action: CaseAction,
  actor: ActorContext,
  input: DecideInput = {},
): DecideResult {
  const stateZh = CASE_STATE_INFO[c.state].zh;
  const actionZh = CASE_ACTION_LABELS[action].zh;
  let candidates = rowsFor(c.state, action);
  if (candidates.length === 0)
    return err('not_allowed_in_state', `「${stateZh}」状态下不能「${actionZh}」`);
  const held = heldRoles(actor);
  if (!candidates.some((r) => r.roles.some((role) => held.has(role)))) {
    return err('role_not_allowed', `您的角色不能在「${stateZh}」状态下「${actionZh}」`);
  }
  if (DECISION_ACTIONS.includes(action)) {
    const type = input.requestType;
    if (type === undefined)
      return err('missing_input', `请填写${INPUT_FIELD_LABELS.requestType}`, 'requestType');
    candidates = candidates.filter((r) => r.requestType === type);
    if (candidates.length === 0)
      return err(
        'not_allowed_in_state',
        `「${stateZh}」状态下不能审批「${REQUEST_TYPE_LABELS[type].zh}」申请`,
      );
  }
  const base: RuleContext = { c, actor, input, requestType: undefined };
  const r = candidates.find((x) => x.when === undefined || VARIANTS[x.when](base));
  if (!r) return err('not_allowed_in_state', `「${stateZh}」状态下不能「${actionZh}」`);
  const ctx: RuleContext = { ...base, requestType: r.requestType };

  const who = qualify(r, ctx);
  if (!('role' in who)) return err(who.code, who.message, who.field);
  const guardFailure = checkStateGuards(r, ctx);
  if (guardFailure) return err(guardFailure.code, guardFailure.message, guardFailure.field);
  for (const field of r.inputs) {
    if (isMissing(input, field))
      return err('missing_input', `请填写${INPUT_FIELD_LABELS[field]}`, field);
  }
  for (const name of r.inputGuards) {
    const failure = INPUT_GUARDS[name](ctx);
    if (failure) return err(failure.code, failure.message, failure.field);
  }
  const to = r.to === 'same' ? c.state : r.to;
  return {
    ok: true,
    from: c.state,
    nextState: to,
    actedAs: who.role,
    effects: buildEffects(r, ctx, to),
  };
}

/**
 * The actions the actor may take next, for the UI's buttons. Evaluates state, role, scope and the guards
 * that need no input; an action listed here may still fail on its input (missing photo, wrong assignee…).
 */
export function allowedActions(c: CaseSnapshot, actor: ActorContext): CaseAction[] {
  return CASE_ACTIONS.filter((action) =>
    rowsFor(c.state, action).some((r) => {
      const ctx: RuleContext = { c, actor, input: {}, requestType: r.requestType };
      return 'role' in qualify(r, ctx) && checkStateGuards(r, ctx) === null;
    }),
  );
}

/** Open requests this actor may approve or refuse now: the UI shows one decision pair per entry. */
export function decidableRequests(c: CaseSnapshot, actor: ActorContext): RequestType[] {
  return REQUEST_TYPES.filter((type) =>
    rowsFor(c.state, 'approve_request').some((r) => {
      if (r.requestType !== type) return false;
      const ctx: RuleContext = { c, actor, input: { requestType: type }, requestType: type };
      return 'role' in qualify(r, ctx) && checkStateGuards(r, ctx) === null;
    }),
  );
}
