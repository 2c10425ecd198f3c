import {
  CASE_ACTION_LABELS,
  REQUEST_TYPE_LABELS,
  type CaseAction,
  type CaseRole,
  type RequestType,
} from './case-actions';
import { FLOW_ROWS } from './case-flow-rows';
import { STATE_GUARDS, type RuleContext, type StateGuardName } from './case-guards';
import type { TransitionRow } from './case-table';
import type { CaseSnapshot } from './case-types';
import { TRANSITIONS } from './case-workflow';

/** Who acts next on a case and what they must do: one entry per role (and person or department, where known). */
export interface NextStep {
  roles: CaseRole[];
  actions: CaseAction[];
  /** The open request this step decides (审批). */
  requestType?: RequestType;
  /** The assigned 核实/核查 person. */
  userId?: string;
  /** The department the case is dispatched to. */
  departmentId?: string;
}

/** Rows that keep the state yet are a duty, done once (签收, 评价, 督办回复) — not an option like 催办 or 改派. */
const DUTIES: ReadonlySet<CaseAction> = new Set(['acknowledge', 'rate', 'reply_supervision']);
/** Guards that read the case alone: they tell whether a duty is still open. Guards about the actor name the person. */
const CASE_GUARDS: ReadonlySet<StateGuardName> = new Set([
  'notAcknowledged',
  'notRated',
  'supervisionActive',
  'supervisionNotReplied',
]);
/** Not people: the sweep and auto-pass. A citizen or the 12345 centre only for their own reports. */
function rolesFor(r: TransitionRow, c: CaseSnapshot): CaseRole[] {
  return r.roles.filter(
    (role) =>
      role !== 'system' &&
      (role !== 'citizen' || c.source === 'public') &&
      (role !== 'hotline_center' || c.source === 'hotline_12345'),
  );
}

function caseGuardsPass(r: TransitionRow, c: CaseSnapshot): boolean {
  const ctx: RuleContext = {
    c,
    actor: { userId: '', roleCodes: [], departmentId: null, inScope: true, now: '' },
    input: {},
    requestType: r.requestType,
  };
  return r.guards.every((g) => !CASE_GUARDS.has(g) || STATE_GUARDS[g](ctx) === null);
}

function who(r: TransitionRow, roles: CaseRole[], c: CaseSnapshot): Partial<NextStep> {
  if (r.guards.includes('isAssignedVerifier') && c.assignedVerifierId)
    return { userId: c.assignedVerifierId };
  if (r.guards.includes('isAssignedChecker') && c.assignedCheckerId)
    return { userId: c.assignedCheckerId };
  if (roles.includes('department_handler') && c.handlingDeptId)
    return { departmentId: c.handlingDeptId };
  return {};
}

/**
 * What the case waits for, read from the transition table: decisions on open requests first, then the rows that
 * move the case on (and the duties still open), grouped by who takes them. Empty when nobody needs to act.
 */
export function nextSteps(c: CaseSnapshot): NextStep[] {
  const steps: NextStep[] = [];
  const add = (step: NextStep) => {
    const same = steps.find(
      (s) =>
        s.requestType === step.requestType &&
        s.userId === step.userId &&
        s.departmentId === step.departmentId &&
        s.roles.join() === step.roles.join(),
    );
    if (!same) steps.push(step);
    else for (const a of step.actions) if (!same.actions.includes(a)) same.actions.push(a);
  };
  const rows = TRANSITIONS.filter((r) => r.from === c.state);
  for (const r of rows) {
    const type = r.requestType;
    if (r.action !== 'approve_request' || !type || !c.pendingRequests[type]) continue;
    add({
      roles: rolesFor(r, c),
      actions: ['approve_request', 'refuse_request'],
      requestType: type,
    });
  }
  for (const r of rows) {
    if (r.requestType !== undefined) continue;
    const flow = FLOW_ROWS.includes(r);
    if (r.to === 'same' ? !DUTIES.has(r.action) : !flow) continue;
    if (!caseGuardsPass(r, c)) continue;
    const roles = rolesFor(r, c);
    if (roles.length === 0) continue;
    add({ roles, actions: [r.action], ...who(r, roles, c) });
  }
  return steps;
}

/** What the UI and the README call each case role (the built-in server roles carry the same names). */
export const CASE_ROLE_LABELS: Record<CaseRole, { zh: string; en: string }> = {
  intake_operator: { zh: '受理员', en: 'Intake operator' },
  shift_leader: { zh: '值班长', en: 'Shift leader' },
  dispatcher: { zh: '派遣员', en: 'Dispatcher' },
  department_handler: { zh: '专业部门处置人员', en: 'Department handler' },
  inspector: { zh: '监督员', en: 'Inspector' },
  grid_administrator: { zh: '网格管理员', en: 'Grid administrator' },
  grid_supervisor: { zh: '网格监督员', en: 'Grid supervisor' },
  district_leader: { zh: '区领导', en: 'District leader' },
  street_leader: { zh: '街道领导', en: 'Street leader' },
  community_leader: { zh: '社区领导', en: 'Community leader' },
  citizen: { zh: '诉求人', en: 'Reporter' },
  hotline_center: { zh: '12345 热线', en: '12345 hotline' },
  system: { zh: '系统', en: 'System' },
};

/** A step as one line: "值班长：立案 / 不予立案 / 退回受理员", "派遣员：审批延期申请". */
export function nextStepText(step: NextStep, lang: 'zh' | 'en' = 'zh'): string {
  const what = step.requestType
    ? lang === 'zh'
      ? `审批${REQUEST_TYPE_LABELS[step.requestType].zh}申请`
      : `Decide the ${REQUEST_TYPE_LABELS[step.requestType].en.toLowerCase()} request`
    : step.actions.map((a) => CASE_ACTION_LABELS[a][lang]).join(' / ');
  const roles = step.roles.map((r) => CASE_ROLE_LABELS[r][lang]).join(lang === 'zh' ? '、' : ', ');
  return `${roles}${lang === 'zh' ? '：' : ': '}${what}`;
}
