import { FIELD_ROLES, LEADER_ROLES, type Me } from '@wangge/shared';
import { PATHS } from './paths';

/** The grid staff roles (网格力量): they report from the field, so they start on 我的任务 with 上报问题. */
const GRID_ROLES = [
  'grid_leader',
  'grid_administrator',
  'resident_informant',
  'grid_police_officer',
  'grid_supervisor',
] as const;

/** Roles with a queue of their own on 我的任务 (task-queues.ts): 受理, 立案/审批, 派遣, the department inbox, 核实/核查. */
const QUEUE_ROLES = [
  'intake_operator',
  'shift_leader',
  'dispatcher',
  'department_handler',
  ...FIELD_ROLES,
] as const;

/** Grid staff who may report: their 我的任务 leads with a large 上报问题 button. */
export function reportsFromField(me: Pick<Me, 'roles' | 'permissions'>): boolean {
  return (
    me.permissions.includes('cases.report') &&
    me.roles.some((r) => (GRID_ROLES as readonly string[]).includes(r.code))
  );
}

export type Landing = 'dashboard' | 'overview' | 'tasks' | 'system' | 'map';

/**
 * Where a user starts after signing in: their work, not the map. In order: leaders see their dashboard (领导驾驶舱,
 * or the area's overview without the indicators);
 * grid staff and the centre's and departments' roles their task queues; administrators the system pages; read-only
 * users (观察员) the overview; anyone else the map.
 */
export function landingOf(me: Pick<Me, 'roles' | 'permissions'>): Landing {
  const roles = new Set(me.roles.map((r) => r.code));
  const can = (p: string) => me.permissions.includes(p);
  const has = (list: readonly string[]) => list.some((r) => roles.has(r));
  if (has(LEADER_ROLES) && can('indicators.read')) return 'dashboard';
  if (has(LEADER_ROLES) && can('cases.read')) return 'overview';
  if ((has(GRID_ROLES) || has(QUEUE_ROLES)) && can('cases.act')) return 'tasks';
  if (can('users.manage')) return 'system';
  if (can('cases.read')) return 'overview';
  return 'map';
}

const LANDING_PATHS: Record<Landing, string> = {
  dashboard: PATHS.dashboard,
  overview: PATHS.overview,
  tasks: PATHS.tasks,
  system: PATHS.users,
  map: PATHS.map,
};

export function landingPath(me: Pick<Me, 'roles' | 'permissions'>): string {
  return LANDING_PATHS[landingOf(me)];
}
