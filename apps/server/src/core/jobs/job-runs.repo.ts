import type { Kysely } from 'kysely';
import type { DB } from '../db/database';

/** A run this process holds: finishing or failing it is accepted only while this claim is the current one. */
export interface Claim {
  job: string;
  key: string;
  owner: string;
  attempt: number;
}

const plus = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/**
 * Every statement of the scheduler (docs/jobs.md). Each is one statement, so the database decides races: an INSERT
 * that conflicts on the primary key, an UPDATE whose WHERE is re-checked under the row lock (PostgreSQL) or behind
 * the one writer (SQLite).
 */
export function createJobRunsRepo(db: Kysely<DB>) {
  return {
    /**
     * Claims (job, key) for `owner`: a new run, or one left unfinished whose lease has passed (a crashed claimer,
     * or a failure waiting out its retry delay). Null when another process holds it or it is finished.
     */
    async claim(
      job: string,
      key: string,
      owner: string,
      now: Date,
      leaseMs: number,
    ): Promise<Claim | null> {
      const at = now.toISOString();
      const inserted = await db
        .insertInto('job_runs')
        .values({
          job,
          run_key: key,
          claimed_by: owner,
          claimed_at: at,
          lease_until: plus(now, leaseMs),
          attempts: 1,
          finished_at: null,
          error: null,
          failed_at: null,
        })
        .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
        .returning('attempts')
        .executeTakeFirst();
      if (inserted) return { job, key, owner, attempt: inserted.attempts };
      const taken = await db
        .updateTable('job_runs')
        .set((eb) => ({
          claimed_by: owner,
          claimed_at: at,
          lease_until: plus(now, leaseMs),
          attempts: eb('attempts', '+', 1),
        }))
        .where('job', '=', job)
        .where('run_key', '=', key)
        .where('finished_at', 'is', null)
        .where('lease_until', '<=', at)
        .returning('attempts')
        .executeTakeFirst();
      return taken ? { job, key, owner, attempt: taken.attempts } : null;
    },

    /** True when the claim was still current (a run that outlived its lease and was taken over is not recorded). */
    async finish(c: Claim, now: Date): Promise<boolean> {
      const r = await db
        .updateTable('job_runs')
        .set({ finished_at: now.toISOString() })
        .where('job', '=', c.job)
        .where('run_key', '=', c.key)
        .where('claimed_by', '=', c.owner)
        .where('attempts', '=', c.attempt)
        .where('finished_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Keeps the error and releases the run until `retryMs` from now, when any process may claim it again. */
    async fail(c: Claim, now: Date, error: string, retryMs: number): Promise<void> {
      await db
        .updateTable('job_runs')
        .set({
          claimed_by: null,
          error: error.slice(0, 2000),
          failed_at: now.toISOString(),
          lease_until: plus(now, retryMs),
        })
        .where('job', '=', c.job)
        .where('run_key', '=', c.key)
        .where('claimed_by', '=', c.owner)
        .where('attempts', '=', c.attempt)
        .where('finished_at', 'is', null)
        .execute();
    },

    /** The newest key ever claimed, and the keys still unfinished: what a tick must look at. */
    async state(job: string): Promise<{ lastKey: string | null; unfinished: string[] }> {
      const [last, open] = await Promise.all([
        db
          .selectFrom('job_runs')
          .select((eb) => eb.fn.max('run_key').as('k'))
          .where('job', '=', job)
          .executeTakeFirst(),
        db
          .selectFrom('job_runs')
          .select('run_key')
          .where('job', '=', job)
          .where('finished_at', 'is', null)
          .orderBy('run_key')
          .execute(),
      ]);
      return { lastKey: last?.k ?? null, unfinished: open.map((r) => r.run_key) };
    },

    /** Every run of a job, oldest key first (tests and the operator's view). */
    runs(job: string) {
      return db
        .selectFrom('job_runs')
        .selectAll()
        .where('job', '=', job)
        .orderBy('run_key')
        .execute();
    },
  };
}
export type JobRunsRepo = ReturnType<typeof createJobRunsRepo>;
