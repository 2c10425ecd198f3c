/** One group of the dictionary (特殊人群, 重点青少年 or a local group). Definitions are not secret. */
export interface SpecialGroupsTable {
  code: string;
  name: string;
  kind: string;
  sensitivity: string;
  /** JSON list of GroupField */
  fields: string;
  /** Visit interval in days per 关注程度 */
  interval_normal: number;
  interval_medium: number;
  interval_high: number;
  active: number;
  sort_order: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/**
 * A person's membership of one group. Which group, its field values and the helper's contact live only in
 * `details_enc` (AES-256-GCM JSON); `group_hash` (HMAC of the code) lets lists filter by group without the raw
 * database ever showing a group next to a person.
 */
export interface SpecialMembershipsTable {
  id: string;
  person_id: string;
  group_hash: string;
  details_enc: string;
  attention_level: string;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string | null;
  /** YYYY-MM-DD */
  started_at: string;
  ended_at: string | null;
  active: number;
  last_visit_on: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A visit due. Carries no group, so workers without special.read can be given it. */
export interface VisitTasksTable {
  id: string;
  membership_id: string;
  person_id: string;
  person_name_masked: string | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string | null;
  assignee_user_id: string | null;
  /** YYYY-MM-DD (Shanghai) */
  due_date: string;
  attention_level: string;
  status: string;
  visit_id: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A recorded 走访. Findings are S3 like the membership they describe, so encrypted. */
export interface VisitsTable {
  id: string;
  membership_id: string;
  task_id: string | null;
  person_id: string;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string | null;
  visitor_id: string;
  visitor_name: string | null;
  visited_at: string;
  method: string;
  lng: number | null;
  lat: number | null;
  findings_enc: string;
  /** JSON list of attachment ids */
  photos: string;
  risk_change: string;
  attention_before: string;
  attention_after: string;
  next_visit_date: string | null;
  created_at: string;
}

export interface SpecialGroupsTables {
  special_groups: SpecialGroupsTable;
  special_memberships: SpecialMembershipsTable;
  visit_tasks: VisitTasksTable;
  visits: VisitsTable;
}
