import type { ActorContext, AssigneeFacts, CaseSnapshot, DecideInput } from './case-types';

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

function actor(userId: string, roleCodes: string[], departmentId: string | null = null, inScope = true): ActorContext {
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
  return { userId: a.userId, roleCodes: a.roleCodes, departmentId: a.departmentId, inScope: a.inScope };
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
    facts: { gpsInGrid: true, masterState: 'handling', assignee: assigneeOf(A.gridAdmin), ...over.facts },
  };
}
