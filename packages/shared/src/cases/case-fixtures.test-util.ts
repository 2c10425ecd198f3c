import type { CaseAction } from './case-actions';
import { applyEffects } from './case-apply';
import type { CaseState } from './case-states';
import type { ActorContext, AssigneeFacts, CaseSnapshot, DecideInput, Effect } from './case-types';
import { decide } from './case-workflow';

/** Shared fixtures for the case workflow tests (not a test file itself). */

export const NOW = '2026-03-02T02:00:00.000Z';
export const LATER = '2026-03-20T02:00:00.000Z';
export const WINDOW_END = '2026-03-09T02:00:00.000Z';

export function snap(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: 'case-1',
    state: 'pending_acceptance',
    source: 'patrol',
    reporterId: 'reporter',
    selfHandled: false,
    handlingDeptId: null,
    handlerUserIds: [],
    sentBackByDeptId: null,
    assignedVerifierId: null,
    assignedCheckerId: null,
    pendingRequests: {},
    supervision: null,
    reworkCount: 0,
    reopenCount: 0,
    urgeCount: 0,
    acknowledged: false,
    rated: false,
    closedAt: null,
    reopenWindowEndsAt: null,
    flags: { rework: false, urgent: false, legacyIssue: false },
    ...over,
  };
}

function actor(
  userId: string,
  roleCodes: string[],
  departmentId: string | null = null,
  inScope = true,
): ActorContext {
  return { userId, roleCodes, departmentId, inScope, now: NOW };
}

export const A = {
  intake: actor('u-intake', ['intake_operator']),
  shift: actor('u-shift', ['shift_leader']),
  dispatcher: actor('u-disp', ['dispatcher']),
  handler: actor('u-handler', ['department_handler'], 'dept-a'),
  handler2: actor('u-handler2', ['department_handler'], 'dept-a'),
  otherDeptHandler: actor('u-handler-b', ['department_handler'], 'dept-b'),
  inspector: actor('u-insp', ['inspector']),
  gridAdmin: actor('u-grid', ['grid_administrator']),
  leader: actor('u-leader', ['district_leader']),
  streetLeader: actor('u-street', ['street_leader']),
  citizen: actor('reporter', ['citizen']),
  otherCitizen: actor('someone-else', ['citizen']),
  hotline: actor('hotline', ['hotline_center']),
  system: actor('system', ['system']),
  // Separation-of-duties troublemakers: field or centre roles held by users of the handling department.
  deptInspector: actor('u-dept-insp', ['inspector', 'department_handler'], 'dept-a'),
  deptShift: actor('u-dept-shift', ['shift_leader'], 'dept-a'),
  handlerShift: actor('u-handler', ['shift_leader', 'department_handler'], 'dept-a'),
  outOfScopeIntake: actor('u-intake-far', ['intake_operator'], null, false),
} as const satisfies Record<string, ActorContext>;
export type ActorKey = keyof typeof A;

export function at(a: ActorContext, now: string): ActorContext {
  return { ...a, now };
}

export function assigneeOf(a: ActorContext): AssigneeFacts {
  return {
    userId: a.userId,
    roleCodes: a.roleCodes,
    departmentId: a.departmentId,
    inScope: a.inScope,
  };
}

/** Every input field filled with a valid value; `decide` ignores what an action does not need. */
export function fullInput(over: DecideInput = {}): DecideInput {
  return {
    note: '说明',
    reason: '原因',
    photos: ['att-1'],
    gps: { lng: 113.66, lat: 34.75 },
    result: '已处理',
    closeReason: 'fixed',
    departmentId: 'dept-b',
    classCode: '06010',
    conditionId: 'cond-1',
    assigneeId: 'u-grid',
    extension: { value: 2, limitType: 'work_day' },
    rating: 'satisfied',
    masterCaseId: 'case-0',
    flags: { urgent: true },
    ...over,
    facts: {
      gpsInGrid: true,
      masterState: 'handling',
      assignee: assigneeOf(A.gridAdmin),
      ...over.facts,
    },
  };
}

/** A case dispatched to dept-a and acknowledged by u-handler, waiting in `state`. */
export function dispatched(state: CaseState, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return snap({
    state,
    handlingDeptId: 'dept-a',
    handlerUserIds: ['u-handler'],
    acknowledged: true,
    ...over,
  });
}

/** The outcome code of one decision, 'ok' on success. */
export function code(
  c: CaseSnapshot,
  action: CaseAction,
  actor: ActorContext,
  input: DecideInput = fullInput(),
): string {
  const result = decide(c, action, actor, input);
  return result.ok ? 'ok' : result.code;
}

/** Runs one step, throws on refusal, and returns the next snapshot and the step's effects. */
export function step(
  c: CaseSnapshot,
  action: CaseAction,
  actor: ActorContext,
  input: DecideInput = fullInput(),
): [CaseSnapshot, Effect[]] {
  const result = decide(c, action, actor, input);
  if (!result.ok) throw new Error(`${c.state}/${action}: ${result.code} ${result.message}`);
  return [applyEffects(c, result.effects, { now: actor.now }), result.effects];
}

/** A case handled by dept-a and waiting in 核查 with the grid administrator. */
export function toChecking(): CaseSnapshot {
  let c = snap();
  [c] = step(c, 'accept', A.intake);
  [c] = step(c, 'register', A.shift);
  [c] = step(c, 'dispatch', A.dispatcher, fullInput({ departmentId: 'dept-a' }));
  [c] = step(c, 'acknowledge', A.handler);
  [c] = step(c, 'submit_feedback', A.handler);
  [c] = step(c, 'accept_feedback', A.dispatcher);
  [c] = step(c, 'send_check', A.intake);
  return c;
}
