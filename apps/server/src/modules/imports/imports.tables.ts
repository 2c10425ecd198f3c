/** One dry run or commit of a spreadsheet import. */
export interface ImportJobsTable {
  id: string;
  kind: string;
  mode: string;
  file_name: string | null;
  file_sha256: string;
  actor_id: string | null;
  actor_name: string | null;
  rows: number;
  valid_rows: number;
  invalid_rows: number;
  problem_count: number;
  /** JSON array of { row, column, value, problem }, capped (see imports.service.ts) */
  problems: string;
  /** 1 when the rows were written */
  committed: number;
  created: number;
  updated: number;
  unchanged: number;
  seconds: number;
  at: string;
}

export interface ImportsTables {
  import_jobs: ImportJobsTable;
}
