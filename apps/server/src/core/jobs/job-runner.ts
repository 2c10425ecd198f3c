import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { DB } from '../db/database';
import { createJobRunsRepo } from './job-runs.repo';
import type { Schedule } from './schedules';

/** A piece of scheduled work. `run` must be safe to repeat for a key: a run that dies half-way is run again. */
export interface JobDefinition {
  /** Stable name, the first half of the run's identity ('reports.monthly'). */
  name: string;
  schedule: Schedule;
  run(key: string): Promise<void>;
  /** How long one claim holds the run; past it another process takes over (default 15 minutes). */
  leaseMs?: number;
  /** How long a failed run waits before any process retries it (default 10 minutes). */
  retryMs?: number;
  /**
   * The first key to catch up from on a database where the job never ran. Without it only the newest due key runs,
   * so a new installation does not produce years of back reports.
   */
  since?: string;
  /** The most keys one tick catches up (the newest ones); default 24. */
  maxCatchUp?: number;
}

export interface TickOutcome {
  job: string;
  key: string;
  result: 'done' | 'failed' | 'lease_lost';
  error?: string;
}

export interface JobRunner {
  /** Claims and runs every due run not yet finished; what this process ran, in order. */
  tick(): Promise<TickOutcome[]>;
  /** A tick every minute, the first a minute after start, until `stop` (unref'd: never keeps the process alive). */
  start(intervalMs?: number): void;
  stop(): void;
  readonly owner: string;
}

/**
 * Runs scheduled jobs exactly once per key across every process sharing the database (docs/jobs.md): each tick
 * computes the keys due since the newest one ever claimed, adds those left unfinished, and claims each in the
 * database before running it. The claim is the only coordination; processes need not know each other.
 */
export function createJobRunner(deps: {
  db: Kysely<DB>;
  clock: Clock;
  jobs: readonly JobDefinition[];
  onError?: (err: unknown) => void;
  /** Names this process in `claimed_by`; tests give two runners different names. */
  owner?: string;
}): JobRunner {
  const repo = createJobRunsRepo(deps.db);
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let busy: Promise<TickOutcome[]> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function dueKeys(job: JobDefinition, now: Date): Promise<string[]> {
    const latest = job.schedule.latestDue(now);
    if (!latest) return [];
    const { lastKey, unfinished } = await repo.state(job.name);
    let fresh: string[];
    if (lastKey !== null)
      fresh = lastKey >= latest ? [] : job.schedule.keysBetween(lastKey, latest);
    else if (job.since !== undefined && job.since <= latest)
      fresh = [job.since, ...job.schedule.keysBetween(job.since, latest)];
    else fresh = [latest];
    fresh = fresh.slice(-(job.maxCatchUp ?? 24));
    return [...new Set([...unfinished, ...fresh])].sort();
  }

  async function runJob(job: JobDefinition): Promise<TickOutcome[]> {
    const done: TickOutcome[] = [];
    for (const key of await dueKeys(job, deps.clock.now())) {
      const claim = await repo.claim(
        job.name,
        key,
        owner,
        deps.clock.now(),
        job.leaseMs ?? 15 * 60_000,
      );
      if (!claim) continue;
      try {
        await job.run(key);
        const kept = await repo.finish(claim, deps.clock.now());
        done.push({ job: job.name, key, result: kept ? 'done' : 'lease_lost' });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await repo.fail(claim, deps.clock.now(), message, job.retryMs ?? 10 * 60_000);
        deps.onError?.(err);
        done.push({ job: job.name, key, result: 'failed', error: message });
      }
    }
    return done;
  }

  async function tickOnce(): Promise<TickOutcome[]> {
    const all: TickOutcome[] = [];
    // One job's database trouble must not starve the others.
    for (const job of deps.jobs)
      all.push(...(await runJob(job).catch((err: unknown) => (deps.onError?.(err), []))));
    return all;
  }

  return {
    owner,
    // A tick still running when the next is due is joined, not doubled.
    tick() {
      busy ??= tickOnce().finally(() => (busy = null));
      return busy;
    },
    // The first tick waits one interval: catching up is not urgent, and a starting server has enough to do.
    start(intervalMs = 60_000) {
      if (timer) return;
      timer = setInterval(() => void this.tick(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
