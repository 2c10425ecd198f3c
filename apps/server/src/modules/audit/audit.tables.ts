export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  /** The area the entry is filed under (the target's, else the actor's); null: city-wide. */
  area_code: string | null;
  detail: string;
}
export interface AuditTables {
  audit_log: AuditLogTable;
}
