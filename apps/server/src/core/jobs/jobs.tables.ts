/** One row per (job, run key): who holds it, until when, and how it ended (docs/jobs.md). */
export interface JobRunsTable {
  job: string;
  run_key: string;
  /** The process holding the run (host:pid:random); null after a failure released it. */
  claimed_by: string | null;
  claimed_at: string;
  /** Another process may take the run over once this instant has passed and the run is unfinished. */
  lease_until: string;
  /** Claims so far; a finish or failure is accepted only from the claim that is current. */
  attempts: number;
  finished_at: string | null;
  /** The last failure's message, kept after a later attempt succeeds. */
  error: string | null;
  failed_at: string | null;
}
export interface JobsTables {
  job_runs: JobRunsTable;
}
