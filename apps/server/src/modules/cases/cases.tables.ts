export interface CasesTable {
  id: string;
  /** Human-readable number shown to staff and reporters, e.g. AJ2026112900001234 */
  case_no: string;
  state: string;
  is_open: number;
  /** Optimistic concurrency: every transition bumps it and checks the one it read */
  version: number;
  source: string;
  kind: string;
  class_code: string | null;
  condition_id: string | null;
  /** The 部件 a 部件 case is about */
  component_id: string | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string;
  grid_version: number;
  lng: number;
  lat: number;
  address: string;
  description: string;
  reporter_id: string | null;
  idempotency_key: string | null;
  /**
   * 12345 work-order id (hotline cases only); unique, so a re-sent 派单 finds its case. Optional: a row built
   * without it (other channels, tools) is stored with NULL.
   */
  external_id?: string | null;
  handling_dept_id: string | null;
  master_case_id: string | null;
  close_reason: string | null;
  supervision_level: string | null;
  urgent: number;
  rework_count: number;
  reopen_count: number;
  /** The running step (accept, verify, register, dispatch, acknowledge, handle…) */
  step: string | null;
  step_started_at: string | null;
  /** JSON {value, type} of the running step's limit */
  step_limit: string | null;
  /** Deadline of the running step; '9999-12-31T00:00:00.000Z' when none */
  due_at: string;
  /** Overall deadline (立案 → 结案) */
  deadline_at: string | null;
  registered_at: string | null;
  closed_at: string | null;
  /** JSON: the workflow snapshot fields without columns of their own, plus clocks */
  snapshot: string;
  created_at: string;
  updated_at: string;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  note: string | null;
  /** JSON: reason, photos, inputs, effects that matter for history */
  data: string;
  at: string;
}

export interface CaseAttachmentsTable {
  case_id: string;
  attachment_id: string;
  /** The event that brought the photo */
  seq: number;
}

export interface CasesTables {
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_attachments: CaseAttachmentsTable;
}
