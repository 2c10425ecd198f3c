import {
  maskPhone,
  type AttentionLevel,
  type Membership,
  type Visit,
  type VisitTask,
} from '@wangge/shared';
import type { MembershipDetails } from './membership-details';
import type { PersonRef } from './special-groups.context';
import type {
  SpecialGroupsTable,
  SpecialMembershipsTable,
  VisitsTable,
  VisitTasksTable,
} from './special-groups.tables';
import { isOverdue } from './visit-schedule';

/** Names shown beside ids and codes, looked up once per page. */
export interface Lookups {
  person(id: string): PersonRef | undefined;
  areaName(code: string | null): string | null;
  userName(id: string | null): string | null;
  today: string;
}

/** A membership, for holders of special.read only: the caller checks the permission before presenting. */
export function presentMembership(
  r: SpecialMembershipsTable,
  d: MembershipDetails,
  group: SpecialGroupsTable | undefined,
  openTask: VisitTasksTable | undefined,
  l: Lookups,
): Membership {
  return {
    id: r.id,
    personId: r.person_id,
    personName: l.person(r.person_id)?.maskedName ?? null,
    groupCode: d.groupCode,
    groupName: group?.name ?? null,
    groupKind: (group?.kind as Membership['groupKind']) ?? null,
    sensitivity: (group?.sensitivity as Membership['sensitivity']) ?? null,
    fields: d.fields,
    attentionLevel: r.attention_level as AttentionLevel,
    guardianName: d.guardianName,
    guardianPhone: d.guardianPhone ? maskPhone(d.guardianPhone) : null,
    helpSituation: d.helpSituation,
    difficulties: d.difficulties,
    dataSource: d.dataSource,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    endReason: d.endReason,
    endNote: d.endNote,
    active: r.active === 1,
    streetCode: r.street_code,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    gridName: l.areaName(r.grid_code),
    nextVisitDue: openTask?.due_date ?? null,
    lastVisitOn: r.last_visit_on,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A visit due: person, place, date and level — never the group. */
export function presentTask(t: VisitTasksTable, l: Lookups): VisitTask {
  return {
    id: t.id,
    membershipId: t.membership_id,
    personId: t.person_id,
    personName: l.person(t.person_id)?.maskedName ?? t.person_name_masked,
    streetCode: t.street_code,
    communityCode: t.community_code,
    gridCode: t.grid_code,
    gridName: l.areaName(t.grid_code),
    dueDate: t.due_date,
    attentionLevel: t.attention_level as AttentionLevel,
    status: t.status as VisitTask['status'],
    overdue: isOverdue(t, l.today),
    assigneeUserId: t.assignee_user_id,
    assigneeName: l.userName(t.assignee_user_id),
    visitId: t.visit_id,
    closedAt: t.closed_at,
  };
}

function parseIds(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A visit; `secret` (group and findings) only when the viewer holds special.read. */
export function presentVisit(
  v: VisitsTable,
  secret: { findings: string; groupCode: string; groupName: string | null } | null,
): Visit {
  return {
    id: v.id,
    membershipId: v.membership_id,
    taskId: v.task_id,
    personId: v.person_id,
    visitorId: v.visitor_id,
    visitorName: v.visitor_name,
    visitedAt: v.visited_at,
    method: v.method as Visit['method'],
    location: v.lng !== null && v.lat !== null ? { lng: v.lng, lat: v.lat } : null,
    photos: parseIds(v.photos),
    riskChange: v.risk_change as Visit['riskChange'],
    attentionBefore: v.attention_before as AttentionLevel,
    attentionAfter: v.attention_after as AttentionLevel,
    nextVisitDate: v.next_visit_date,
    findings: secret?.findings ?? null,
    groupCode: secret?.groupCode ?? null,
    groupName: secret?.groupName ?? null,
    restricted: secret === null,
    createdAt: v.created_at,
  };
}
