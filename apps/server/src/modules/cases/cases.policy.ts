import type { CaseSource } from '@wangge/shared';
import { inScope, type AreaScope } from '../../core/auth/area-scope';

/*
 * Who sees which case, who may address one, and where one may be reported: pure answers from the
 * actor's shape and the case's, so the rules read in one place and are tested as a table
 * (cases.policy.test.ts). The repo applies the same area rule in SQL for lists (levelCodesInScope);
 * what a role may *do* to a case it reaches is the shared state table's (decide), not this file's.
 */

/** The parts of an actor the policy looks at. */
export interface PolicyActor {
  id: string;
  scope: AreaScope;
  departmentId: string | null;
  roles: readonly { code: string }[];
}

/** The parts of a case the policy looks at (column names as stored). */
export interface PolicyCase {
  grid_code: string;
  handling_dept_id: string | null;
  reporter_id: string | null;
}

/** Reads (detail, list, events, duplicates, attachments): the case's grid lies in the actor's areas. */
export function caseVisible(
  actor: Pick<PolicyActor, 'scope'>,
  c: Pick<PolicyCase, 'grid_code'>,
): boolean {
  return inScope(actor.scope, c.grid_code);
}

/**
 * Transitions: beyond the area scope, the handling department (its handlers need not hold the
 * case's grid in their areas) and the reporter (评价, 申请重开) must reach the case. Anyone else gets 404, so a
 * case's existence is never confirmed to someone who could neither see nor act on it.
 */
export function caseActionable(
  actor: Pick<PolicyActor, 'id' | 'scope' | 'departmentId'>,
  c: PolicyCase,
): boolean {
  if (caseVisible(actor, c)) return true;
  if (actor.departmentId && c.handling_dept_id === actor.departmentId) return true;
  return c.reporter_id === actor.id;
}

/** 上报: only inside one's own areas (the point's grid decides, not the address text). */
export const mayReportAt = (actor: Pick<PolicyActor, 'scope'>, gridCode: string): boolean =>
  inScope(actor.scope, gridCode);

/**
 * A 12345 order already registered: whoever may see its case is answered with it (a re-send); anyone
 * else learns only that the order number is taken (409), not where or what the case is.
 */
export const mayReuseHotlineCase = (
  actor: Pick<PolicyActor, 'scope'>,
  existing: Pick<PolicyCase, 'grid_code'>,
): boolean => caseVisible(actor, existing);

/** The assignee's side of 派遣/指派 to a person: their areas cover the case's grid. */
export function assigneeCovers(
  assignee: { all: boolean; scopeCodes: readonly string[] } | null,
  gridCode: string,
): boolean {
  return Boolean(
    assignee && (assignee.all || assignee.scopeCodes.some((c) => gridCode.startsWith(c))),
  );
}

const LEADER_ROLES = new Set(['district_leader', 'street_leader', 'community_leader']);

/** The source a report gets when the caller names none: leaders' 交办, the intake desk's 录入, else 巡查. */
export function defaultSource(
  actor: Pick<PolicyActor, 'roles'>,
  requested: CaseSource | undefined,
): CaseSource {
  if (requested) return requested;
  const roles = new Set(actor.roles.map((r) => r.code));
  if ([...roles].some((r) => LEADER_ROLES.has(r))) return 'leader';
  if (roles.has('intake_operator')) return 'staff_entry';
  return 'patrol';
}
