/** Scheduled work that runs once per key across processes and catches up after downtime (docs/jobs.md). */
export {
  createJobRunner,
  type JobDefinition,
  type JobRunner,
  type TickOutcome,
} from './job-runner';
export { monthlySchedule, type Schedule } from './schedules';
export { createJobRunsRepo, type Claim } from './job-runs.repo';
