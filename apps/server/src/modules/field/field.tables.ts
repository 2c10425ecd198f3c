/**
 * The field app's idempotency ledger: one row per (worker, client key). A row is claimed `pending` before the
 * operation runs and marked `done` after, so a replay of a sent operation answers its first result instead of a 409,
 * and two copies of one operation racing each other run it once.
 */
export interface FieldOpsTable {
  user_id: string;
  op_key: string;
  /** 'task' (核实/核查 answer) for now. */
  kind: string;
  case_id: string;
  status: 'pending' | 'done';
  at: string;
}

export interface FieldTables {
  field_ops: FieldOpsTable;
}
