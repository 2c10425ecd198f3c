import { randomInt } from 'node:crypto';
import type { CaseEventsTable, CasesTable } from './cases.tables';
import type { CaseView, CaseAction, NextStep, RequestType } from '@wangge/shared';
import type { ClockView } from './case-clocks';
import { NO_DEADLINE } from './case-clocks';
import type { StoredSnapshot } from './case-record';

/**
 * AJ + date (Asia/Shanghai) + 10 random digits: readable on the phone, no shared counter to
 * contend on across processes; the unique index catches the rare clash and intake redraws.
 */
export function caseNumber(now: Date): string {
  const d = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `AJ${d}${String(randomInt(0, 100_000)).padStart(5, '0')}${String(randomInt(0, 100_000)).padStart(5, '0')}`;
}

export function presentCase(
  row: CasesTable,
  stored: StoredSnapshot,
  extra: {
    clocks: ClockView[];
    overallLight: CaseView['overallLight'];
    allowedActions: CaseAction[];
    decidableRequests: RequestType[];
    nextSteps: NextStep[];
  },
): CaseView {
  return {
    id: row.id,
    caseNo: row.case_no,
    state: row.state as CaseView['state'],
    version: row.version,
    source: row.source as CaseView['source'],
    kind: row.kind,
    classCode: row.class_code,
    conditionId: row.condition_id,
    componentId: row.component_id,
    gridCode: row.grid_code,
    streetCode: row.street_code,
    communityCode: row.community_code,
    position: [row.lng, row.lat],
    address: row.address,
    description: row.description,
    reporterId: row.reporter_id,
    handlingDeptId: row.handling_dept_id,
    masterCaseId: row.master_case_id,
    closeReason: row.close_reason as CaseView['closeReason'],
    supervisionLevel: row.supervision_level,
    urgent: row.urgent === 1,
    selfHandled: stored.selfHandled,
    reworkCount: row.rework_count,
    reopenCount: row.reopen_count,
    pendingRequests: Object.values(stored.pendingRequests).map((r) => ({
      type: r.type,
      byUserId: r.byUserId,
      reason: r.reason,
      at: r.at,
    })),
    assignedVerifierId: stored.assignedVerifierId,
    assignedCheckerId: stored.assignedCheckerId,
    photos: stored.photos,
    rating: stored.rating?.value ?? null,
    externalId: row.external_id ?? null,
    externalDeadline: stored.externalDeadline ?? null,
    detection: stored.detection
      ? {
          confidence: stored.detection.confidence,
          modelVersion: stored.detection.modelVersion,
          bbox: stored.detection.bbox ?? null,
          imageId: stored.detection.imageId ?? null,
        }
      : null,
    clocks: extra.clocks,
    dueAt: row.due_at === NO_DEADLINE ? null : row.due_at,
    deadlineAt: row.deadline_at,
    overallLight: extra.overallLight,
    registeredAt: row.registered_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    allowedActions: extra.allowedActions,
    decidableRequests: extra.decidableRequests,
    nextSteps: extra.nextSteps,
  };
}

export function presentEvent(e: CaseEventsTable) {
  return {
    id: e.id,
    seq: e.seq,
    action: e.action,
    fromState: e.from_state,
    toState: e.to_state,
    actorId: e.actor_id,
    actorName: e.actor_name,
    actorRole: e.actor_role,
    note: e.note,
    data: JSON.parse(e.data) as unknown,
    at: e.at,
  };
}
