import { describe, expect, it } from 'vitest';
import { landingOf, type Landing } from './landing';

// The built-in roles' permissions that matter here (apps/server/src/modules/users/builtin-roles.ts).
const STAFF = ['areas.read', 'cases.read', 'cases.act', 'cases.report'];
const ADMIN = [...STAFF, 'users.read', 'users.manage', 'audit.read'];
const OBSERVER = ['areas.read', 'cases.read'];
const LEADER = [...STAFF, 'indicators.read'];

const TABLE: [account: string, roles: string[], permissions: string[], landing: Landing][] = [
  ['g001_informant', ['resident_informant'], STAFF, 'tasks'],
  ['g001_leader', ['grid_leader'], STAFF, 'tasks'],
  ['g001_admin', ['grid_administrator'], STAFF, 'tasks'],
  ['g001_police', ['grid_police_officer'], STAFF, 'tasks'],
  ['g001_supervisor', ['grid_supervisor'], STAFF, 'tasks'],
  ['inspector', ['inspector'], STAFF, 'tasks'],
  ['intake', ['intake_operator'], STAFF, 'tasks'],
  ['shift', ['shift_leader'], STAFF, 'tasks'],
  ['dispatcher', ['dispatcher'], STAFF, 'tasks'],
  ['dept_sz', ['department_handler'], STAFF, 'tasks'],
  ['qu_leader', ['district_leader'], LEADER, 'dashboard'],
  ['jd_leader', ['street_leader'], LEADER, 'dashboard'],
  ['sq_leader', ['community_leader'], LEADER, 'dashboard'],
  ['admin', ['admin'], ADMIN, 'system'],
  ['observer', ['observer'], OBSERVER, 'overview'],
  // A leader role whose indicators were taken away keeps the overview.
  ['leader without indicators', ['street_leader'], STAFF, 'overview'],
  // Several roles: the leader's dashboard first, then the queues.
  ['leader who also dispatches', ['street_leader', 'dispatcher'], LEADER, 'dashboard'],
  ['admin who also takes intake', ['admin', 'intake_operator'], ADMIN, 'tasks'],
  // A local role with no case permission at all still gets a page.
  ['map viewer', ['local_viewer'], ['areas.read'], 'map'],
  ['queue role without cases.act', ['dispatcher'], OBSERVER, 'overview'],
];

describe('landing page by role', () => {
  it.each(TABLE)('%s', (_account, roles, permissions, landing) => {
    const me = { roles: roles.map((code) => ({ code, name: code })), permissions };
    expect(landingOf(me)).toBe(landing);
  });
});
