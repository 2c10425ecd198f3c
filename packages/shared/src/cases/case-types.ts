import type {
  CaseAction,
  CaseRole,
  LimitType,
  Rating,
  RequestType,
  SupervisionLeaderLevel,
  SupervisionLevel,
} from './case-actions';
import type { CaseSource, CaseState, CaseStep, CloseReason } from './case-states';

/** An open approval request (overlay `pendingRequest`, §2.1). */
export interface PendingRequest {
  type: RequestType;
  byUserId: string;
  reason: string;
  at: string;
  /** Only for `extension`: how much more time is asked for. */
  extension?: Extension;
  /** Only for `void` of a duplicate: the case it duplicates. */
  linkedCaseId?: string;
}

export interface Extension {
  value: number;
  limitType: LimitType;
}

/** 督办 overlay. Only one is active at a time; a higher card replaces a lower one. */
export interface Supervision {
  level: SupervisionLevel;
  issuerId: string;
  replied: boolean;
  /** When this 督办 was raised; its identity for escalation. Absent on 督办 raised before escalation existed. */
  raisedAt?: string;
  /** The leader level it stands at now (docs/supervision.md); null or absent below the community level. */
  leaderLevel?: SupervisionLeaderLevel | null;
  /** When it last escalated: the next escalation counts its working time from here. */
  escalatedAt?: string;
}

export interface CaseFlags {
  /** Set by a failed 核查 or a refused 结案; the next dispatch to the same department is 返工. */
  rework: boolean;
  urgent: boolean;
  legacyIssue: boolean;
}

/** What `decide` needs to know about a case. The server builds it from the case row; nothing else is read. */
export interface CaseSnapshot {
  id: string;
  state: CaseState;
  source: CaseSource;
  /** Null for anonymous public reports. */
  reporterId: string | null;
  /** 自行处置 report: the reporter fixed it on the spot and is its handler. */
  selfHandled: boolean;
  /** Department of the latest dispatch; kept after 回退 so re-dispatch can be classified. */
  handlingDeptId: string | null;
  /** Users who acknowledged or fed back on this case (the 处置 side). */
  handlerUserIds: readonly string[];
  /** Department whose 回退 was approved; it may not get the case back on the next dispatch. */
  sentBackByDeptId: string | null;
  assignedVerifierId: string | null;
  assignedCheckerId: string | null;
  /** Keyed by type, so there can never be two open requests of one type. */
  pendingRequests: Partial<Record<RequestType, PendingRequest>>;
  supervision: Supervision | null;
  reworkCount: number;
  reopenCount: number;
  urgeCount: number;
  /** 签收 done for the current dispatch. */
  acknowledged: boolean;
  /** A 评价 was given since the last 结案. */
  rated: boolean;
  closedAt: string | null;
  reopenWindowEndsAt: string | null;
  flags: CaseFlags;
}

/** Who acts. The server resolves all of it before calling `decide`. */
export interface ActorContext {
  userId: string;
  /** Server role codes; unknown codes are ignored. Add 'citizen', 'hotline_center' or 'system' for those actors. */
  roleCodes: readonly string[];
  /** Set when the user belongs to a 专业部门. */
  departmentId: string | null;
  /** Whether the case's grid lies inside the user's org scope. */
  inScope: boolean;
  /** ISO time of the request; passed in so the rules stay pure. */
  now: string;
}

/** A user named as 核实/核查 assignee, resolved by the server. */
export interface AssigneeFacts {
  userId: string;
  roleCodes: readonly string[];
  departmentId: string | null;
  inScope: boolean;
}

/** Facts only the server can establish (geometry, other rows). Never taken from the request body. */
export interface ServerFacts {
  /** The submitted GPS point lies inside the case's grid. */
  gpsInGrid?: boolean;
  assignee?: AssigneeFacts;
  /** State of the case named by `masterCaseId`. */
  masterState?: CaseState;
  /** The 自行处置 report was drawn for the configurable 核查 sample. */
  sampleCheck?: boolean;
  /** The dispatch matrix suggestion (§4); dispatching elsewhere is logged as an override. */
  suggestedDeptId?: string;
}

/** The action's input: the validated request body fields plus server facts. */
export interface DecideInput {
  note?: string;
  reason?: string;
  photos?: readonly string[];
  gps?: { lng: number; lat: number };
  result?: string;
  closeReason?: CloseReason;
  departmentId?: string;
  classCode?: string;
  conditionId?: string;
  assigneeId?: string;
  requestType?: RequestType;
  extension?: Extension;
  level?: SupervisionLevel;
  rating?: Rating;
  masterCaseId?: string;
  /** For a void request: the case this one duplicates. */
  linkedCaseId?: string;
  flags?: { urgent?: boolean; legacyIssue?: boolean };
  facts?: ServerFacts;
}

export type DispatchKind = 'first' | 'rework' | 'redirect' | 'reopen';
export type CounterField = 'reworkCount' | 'reopenCount' | 'urgeCount';
export type TimestampField = 'acknowledgedAt' | 'closedAt' | 'lastUrgedAt';
export type RequestOutcome = 'approved' | 'refused' | 'cancelled';

/**
 * Plain-data consequences of one transition. The server applies them in order inside the transaction that
 * appends the transition's event; it never re-derives the rules.
 */
export type Effect =
  | { type: 'set_state'; from: CaseState; to: CaseState }
  | { type: 'start_step'; step: CaseStep; keepDeadline?: boolean }
  | { type: 'end_step'; step: CaseStep }
  | { type: 'pause_clock' }
  | { type: 'resume_clock' }
  | { type: 'start_case_clock'; cause: 'register' | 'reopen' }
  | { type: 'stop_case_clock' }
  | { type: 'open_request'; request: PendingRequest }
  | { type: 'close_request'; requestType: RequestType; outcome: RequestOutcome; reason?: string }
  | { type: 'increment'; field: CounterField }
  | { type: 'set_flag'; flag: keyof CaseFlags; value: boolean }
  | { type: 'set_timestamp'; field: TimestampField }
  | { type: 'clear_timestamp'; field: TimestampField }
  | { type: 'set_close_reason'; closeReason: CloseReason }
  | { type: 'open_reopen_window' }
  | {
      type: 'raise_supervision';
      level: SupervisionLevel;
      issuerId: string;
      leaderLevel?: SupervisionLeaderLevel;
    }
  | { type: 'escalate_supervision'; to: SupervisionLeaderLevel; raisedAt: string | null }
  | { type: 'reply_supervision'; note: string }
  | { type: 'end_supervision'; cause: 'cancelled' | 'case_ended' }
  | { type: 'assign'; task: 'verify' | 'check'; userId: string }
  | { type: 'clear_assignment'; task: 'verify' | 'check' }
  | { type: 'record_dispatch'; departmentId: string; kind: DispatchKind; overridden: boolean }
  | { type: 'set_handling_dept'; departmentId: string }
  | { type: 'set_sent_back_dept'; departmentId: string | null }
  | { type: 'add_handler'; userId: string }
  | {
      type: 'set_classification';
      classCode: string;
      conditionId: string;
      recompute: 'register' | 'from_registration';
    }
  | { type: 'extend_deadline'; extension: Extension }
  | { type: 'set_master'; masterCaseId: string }
  | { type: 'set_rating'; rating: Rating; reason?: string }
  | { type: 'reset_rating' }
  | { type: 'add_leader_instruction'; text: string }
  | { type: 'recompute_deadlines' }
  | { type: 'notify'; target: 'reporter' | 'owner' | 'hotline' | 'leaders'; about: CaseAction }
  | { type: 'external_writeback' };

export type DecideErrorCode =
  | 'not_allowed_in_state'
  | 'role_not_allowed'
  | 'out_of_scope'
  | 'not_handling_department'
  | 'not_reporter'
  | 'not_assignee'
  | 'separation_of_duties'
  | 'missing_input'
  | 'invalid_input'
  | 'request_pending'
  | 'no_pending_request'
  | 'approver_is_requester'
  | 'window_expired'
  | 'already_done'
  | 'supervision_active'
  | 'no_supervision';

export type DecideResult =
  | { ok: true; from: CaseState; nextState: CaseState; actedAs: CaseRole; effects: Effect[] }
  | { ok: false; code: DecideErrorCode; message: string; field?: string };
