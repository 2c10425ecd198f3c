/** One managed component (管理部件, GB/T 47678.5-2026 表2). Codes and YYYYMMDD dates are text. */
export interface ComponentsTable {
  id: string;
  /** 管理部件标识码, 17 digits: admin (6) + class (5) + serial (6) */
  code: string;
  /** 16-digit CJ/T 214 code of the same component, if it had one */
  legacy_code: string | null;
  class_code: string;
  name: string;
  dept_code: string;
  dept_name: string;
  owner_code: string | null;
  owner_name: string | null;
  maintainer_code: string | null;
  maintainer_name: string | null;
  status: string;
  initial_date: string;
  change_date: string | null;
  data_source: string | null;
  remarks: string | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string;
  /** Version of the grid the point was located in, so history keeps the boundary it was filed under */
  grid_version: number;
  lng: number;
  lat: number;
  /** JSON object: local extension attributes */
  extra: string;
  /** Optimistic concurrency: every change bumps it and checks the one it read */
  version: number;
  created_at: string;
  updated_at: string;
}

/** Append-only: every condition change, including the first registration (from_status null). */
export interface ComponentStatusHistoryTable {
  id: string;
  component_id: string;
  from_status: string | null;
  to_status: string;
  reason: string;
  case_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
}

export interface ComponentsTables {
  components: ComponentsTable;
  component_status_history: ComponentStatusHistoryTable;
}
