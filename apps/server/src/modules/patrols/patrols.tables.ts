/** 巡查: a grid worker's walk through their area, its track and its check-ins (docs/field-app.md §巡查). */
export interface PatrolsTable {
  /** The phone's id for the patrol: points recorded offline name it before the server has seen the start. */
  id: string;
  user_id: string;
  user_name: string;
  /** The area patrolled; reads are scoped by it. */
  area_code: string;
  started_at: string;
  ended_at: string | null;
  point_count: number;
  distance_m: number;
}

/** One position; (patrol, time) is unique, so a batch sent twice stores its points once. */
export interface PatrolPointsTable {
  patrol_id: string;
  at: string;
  /** WGS-84, whatever the phone declared. */
  lng: number;
  lat: number;
  accuracy: number | null;
  /** The grid the point lies in, located when stored (区域覆盖率); null outside every grid. */
  grid_code: string | null;
}

export interface PatrolCheckinsTable {
  id: string;
  patrol_id: string;
  user_id: string;
  /** The phone's idempotency key: one check-in per key and user. */
  op_key: string;
  at: string;
  lng: number;
  lat: number;
  grid_code: string | null;
  note: string | null;
}

export interface PatrolsTables {
  patrols: PatrolsTable;
  patrol_points: PatrolPointsTable;
  patrol_checkins: PatrolCheckinsTable;
}
