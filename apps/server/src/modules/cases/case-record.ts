import {
  isOpenState,
  type CaseSnapshot,
  type CaseSource,
  type CaseState,
  type Detection,
  type LimitType,
  type Rating,
} from '@wangge/shared';
import type { Clocks } from './case-clocks';
import type { CasesTable } from './cases.tables';

/**
 * What the `snapshot` column holds: the workflow fields without a column of their own, plus
 * the step clocks. Read and written whole, guarded by the row's version.
 */
export interface StoredSnapshot {
  selfHandled: boolean;
  handlerUserIds: string[];
  sentBackByDeptId: string | null;
  assignedVerifierId: string | null;
  assignedCheckerId: string | null;
  pendingRequests: CaseSnapshot['pendingRequests'];
  supervision: CaseSnapshot['supervision'];
  urgeCount: number;
  acknowledged: boolean;
  rated: boolean;
  rating: { value: Rating; reason?: string } | null;
  reopenWindowEndsAt: string | null;
  legacyIssue: boolean;
  rework: boolean;
  leaderInstructions: { text: string; by: string; at: string }[];
  clocks: Clocks;
  photos: string[];
  /** When the overall clock last started (立案 or 重开) */
  caseClockFrom?: string;
  /** Approved 延期 since then, re-applied when the 立案条件 changes */
  extensions?: { value: number; limitType: LimitType }[];
  /** 12345's own deadline (hotline cases); absent on rows written before channels had details */
  externalDeadline?: string | null;
  /** What the video/AI detector proposed (video_ai cases) */
  detection?: Detection | null;
}

export const emptyStored = (selfHandled: boolean): StoredSnapshot => ({
  selfHandled,
  handlerUserIds: [],
  sentBackByDeptId: null,
  assignedVerifierId: null,
  assignedCheckerId: null,
  pendingRequests: {},
  supervision: null,
  urgeCount: 0,
  acknowledged: false,
  rated: false,
  rating: null,
  reopenWindowEndsAt: null,
  legacyIssue: false,
  rework: false,
  leaderInstructions: [],
  clocks: {},
  photos: [],
});

export const readStored = (row: Pick<CasesTable, 'snapshot'>): StoredSnapshot =>
  JSON.parse(row.snapshot) as StoredSnapshot;

/** The workflow's view of a case row (everything `decide` reads). */
export function toSnapshot(
  row: CasesTable,
  stored: StoredSnapshot = readStored(row),
): CaseSnapshot {
  return {
    id: row.id,
    state: row.state as CaseState,
    source: row.source as CaseSource,
    reporterId: row.reporter_id,
    selfHandled: stored.selfHandled,
    handlingDeptId: row.handling_dept_id,
    handlerUserIds: stored.handlerUserIds,
    sentBackByDeptId: stored.sentBackByDeptId,
    assignedVerifierId: stored.assignedVerifierId,
    assignedCheckerId: stored.assignedCheckerId,
    pendingRequests: stored.pendingRequests,
    supervision: stored.supervision,
    reworkCount: row.rework_count,
    reopenCount: row.reopen_count,
    urgeCount: stored.urgeCount,
    acknowledged: stored.acknowledged,
    rated: stored.rated,
    closedAt: row.closed_at,
    reopenWindowEndsAt: stored.reopenWindowEndsAt,
    flags: { rework: stored.rework, urgent: row.urgent === 1, legacyIssue: stored.legacyIssue },
  };
}

/** Copies the snapshot back onto row columns and the stored JSON. */
export function fromSnapshot(
  s: CaseSnapshot,
  stored: StoredSnapshot,
): { columns: Partial<CasesTable>; stored: StoredSnapshot } {
  return {
    columns: {
      state: s.state,
      is_open: isOpenState(s.state) ? 1 : 0,
      handling_dept_id: s.handlingDeptId,
      rework_count: s.reworkCount,
      reopen_count: s.reopenCount,
      supervision_level: s.supervision?.level ?? null,
      urgent: s.flags.urgent ? 1 : 0,
      closed_at: s.closedAt,
    },
    stored: {
      ...stored,
      selfHandled: s.selfHandled,
      handlerUserIds: [...s.handlerUserIds],
      sentBackByDeptId: s.sentBackByDeptId,
      assignedVerifierId: s.assignedVerifierId,
      assignedCheckerId: s.assignedCheckerId,
      pendingRequests: s.pendingRequests,
      supervision: s.supervision,
      urgeCount: s.urgeCount,
      acknowledged: s.acknowledged,
      rated: s.rated,
      reopenWindowEndsAt: s.reopenWindowEndsAt,
      legacyIssue: s.flags.legacyIssue,
      rework: s.flags.rework,
    },
  };
}
