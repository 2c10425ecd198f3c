import { describe, expect, it } from 'vitest';
import type { CaseView } from '@wangge/shared';
import { taskQueuesFor } from './task-queues';

const me = (roles: string[], permissions = ['cases.read', 'cases.act']) => ({
  id: 'me',
  roles: roles.map((code) => ({ code, name: code })),
  permissions,
});
const keys = (roles: string[]) => taskQueuesFor(me(roles) as never).map((q) => q.key);

describe('taskQueuesFor', () => {
  it.each([
    [['intake_operator'], ['intake']],
    [['shift_leader'], ['shift', 'shift-requests']],
    [['dispatcher'], ['dispatch', 'dispatch-requests']],
    [['department_handler'], ['department']],
    [['inspector'], ['field']],
    [['grid_administrator'], ['field']],
    [['grid_supervisor'], ['field']],
    [['grid_leader'], []],
    [['district_leader'], []],
    [
      ['intake_operator', 'dispatcher'],
      ['intake', 'dispatch', 'dispatch-requests'],
    ],
  ])('%j → %j', (roles, queues) => expect(keys(roles)).toEqual(queues));

  it('gives nobody without cases.act a queue', () => {
    expect(taskQueuesFor(me(['dispatcher'], ['cases.read']) as never)).toEqual([]);
  });

  it('keeps in the field queue only the 核实/核查 tasks assigned to me', () => {
    const [field] = taskQueuesFor(me(['inspector']) as never);
    const view = (v: Partial<CaseView>) => v as CaseView;
    expect(field!.params).toMatchObject({ state: 'verifying,checking' });
    expect(field!.keep!(view({ state: 'verifying', assignedVerifierId: 'me' }))).toBe(true);
    expect(field!.keep!(view({ state: 'checking', assignedCheckerId: 'me' }))).toBe(true);
    expect(field!.keep!(view({ state: 'verifying', assignedVerifierId: 'other' }))).toBe(false);
    // Assigned as checker but the case is being verified: not mine yet.
    expect(field!.keep!(view({ state: 'verifying', assignedCheckerId: 'me' }))).toBe(false);
  });

  it('keeps in a request queue only cases with a request the user may decide', () => {
    const requests = taskQueuesFor(me(['shift_leader']) as never).find(
      (q) => q.key === 'shift-requests',
    )!;
    expect(requests.keep!({ decidableRequests: [] } as unknown as CaseView)).toBe(false);
    expect(requests.keep!({ decidableRequests: ['extension'] } as unknown as CaseView)).toBe(true);
  });
});
