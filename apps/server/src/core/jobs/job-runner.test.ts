import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type WanggeApp } from '../../app';
import { openDatabase, type Database } from '../db/database';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { createJobRunner, createJobRunsRepo, monthlySchedule, type JobDefinition } from '.';

/**
 * Exactly-once and catch-up (docs/jobs.md) on the real database: two apps opened on one database (one SQLite file,
 * or one PostgreSQL schema), each with its own connection and runner, as two server processes would be.
 */
let now = new Date('2026-09-15T04:00:00Z');
const clock = { now: () => now };
let t: TestApp;
let second: { app: WanggeApp; database: Database };

beforeAll(async () => {
  t = await createTestApp({ clock });
  const database = openDatabase(t.config.database);
  const app = await createApp({ config: t.config, database, schemaVersion: 'test', clock });
  second = { app, database };
}, 60_000);
afterAll(async () => {
  await second?.app.app.close();
  await second?.database.close();
  await t?.close();
});

/** A job that records who ran which key and takes a moment, so two racing ticks overlap. */
function recordingJob(name: string, ran: string[], extra: Partial<JobDefinition> = {}) {
  return (owner: string): JobDefinition => ({
    name,
    schedule: monthlySchedule,
    run: async (key) => {
      ran.push(`${owner} ${key}`);
      await new Promise((r) => setTimeout(r, 40));
    },
    ...extra,
  });
}

function runners(job: (owner: string) => JobDefinition) {
  return ['a', 'b'].map((owner, i) =>
    createJobRunner({
      db: i === 0 ? t.services.db : second.database.db,
      clock,
      owner,
      jobs: [job(owner)],
    }),
  );
}

describe('scheduled jobs', () => {
  it('monthly keys fall due on the 1st at 00:00 Shanghai time', () => {
    expect(monthlySchedule.dueAt('2026-11').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(monthlySchedule.latestDue(new Date('2026-11-30T15:59:59Z'))).toBe('2026-10');
    expect(monthlySchedule.latestDue(new Date('2026-11-30T16:00:00Z'))).toBe('2026-11');
    expect(monthlySchedule.latestDue(new Date('2027-01-05T00:00:00Z'))).toBe('2026-12');
    expect(monthlySchedule.keysBetween('2026-11', '2027-02')).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });

  it('runs a key once when two processes race for it', async () => {
    now = new Date('2026-09-15T04:00:00Z');
    const ran: string[] = [];
    const [a, b] = runners(recordingJob('race', ran));
    // A second tick of the same process while one runs joins it (the same promise), so count per process.
    const [fromA, fromB] = await Promise.all([a!.tick(), b!.tick(), a!.tick(), b!.tick()]);
    expect(ran).toHaveLength(1);
    expect([...fromA!, ...fromB!].filter((o) => o.result === 'done')).toHaveLength(1);
    const rows = await createJobRunsRepo(t.services.db).runs('race');
    expect(rows.map((r) => [r.run_key, Boolean(r.finished_at), r.attempts])).toEqual([
      ['2026-08', true, 1],
    ]);
    // Once finished, neither process runs it again.
    await Promise.all([a!.tick(), b!.tick()]);
    expect(ran).toHaveLength(1);
  });

  it('catches up every month missed while no process was running, once each', async () => {
    now = new Date('2026-09-15T04:00:00Z');
    const ran: string[] = [];
    const [a, b] = runners(recordingJob('catch-up', ran));
    await a!.tick();
    expect(ran).toEqual(['a 2026-08']);
    // Down from mid-September to 2 December: September, October and November are due.
    now = new Date('2026-12-02T01:00:00Z');
    await Promise.all([b!.tick(), a!.tick()]);
    expect(ran.slice(1).map((r) => r.slice(2))).toEqual(['2026-09', '2026-10', '2026-11']);
    const rows = await createJobRunsRepo(t.services.db).runs('catch-up');
    expect(rows.map((r) => r.run_key)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it('catches up from `since` on a database where the job never ran', async () => {
    now = new Date('2026-12-02T01:00:00Z');
    const ran: string[] = [];
    const [a] = runners(recordingJob('since', ran, { since: '2026-09' }));
    await a!.tick();
    expect(ran).toEqual(['a 2026-09', 'a 2026-10', 'a 2026-11']);
  });

  it('keeps a failed run’s error and retries it after the delay, in any process', async () => {
    now = new Date('2026-12-02T01:00:00Z');
    let calls = 0;
    const job = (owner: string): JobDefinition => ({
      name: 'flaky',
      schedule: monthlySchedule,
      retryMs: 10 * 60_000,
      run: async () => {
        calls++;
        if (calls === 1) throw new Error(`disk full (${owner})`);
      },
    });
    const [a, b] = runners(job);
    expect(await a!.tick()).toEqual([
      { job: 'flaky', key: '2026-11', result: 'failed', error: 'disk full (a)' },
    ]);
    // Within the delay nobody retries.
    now = new Date('2026-12-02T01:05:00Z');
    expect(await b!.tick()).toEqual([]);
    now = new Date('2026-12-02T01:10:01Z');
    expect(await b!.tick()).toEqual([{ job: 'flaky', key: '2026-11', result: 'done' }]);
    const [row] = await createJobRunsRepo(t.services.db).runs('flaky');
    expect(row).toMatchObject({ attempts: 2, claimed_by: 'b', error: 'disk full (a)' });
    expect(row!.finished_at).toBeTruthy();
    expect(row!.failed_at).toBe('2026-12-02T01:00:00.000Z');
  });

  it('lets another process take over a run whose claimer died, once its lease has passed', async () => {
    now = new Date('2026-12-02T01:00:00Z');
    const ran: string[] = [];
    const [, b] = runners(recordingJob('crash', ran, { leaseMs: 15 * 60_000 }));
    // Process a claims November and dies without finishing or failing.
    const repoA = createJobRunsRepo(t.services.db);
    const dead = await repoA.claim('crash', '2026-11', 'a', now, 15 * 60_000);
    expect(dead).toMatchObject({ attempt: 1 });
    expect(await b!.tick()).toEqual([]);
    now = new Date('2026-12-02T01:15:00Z');
    expect(await b!.tick()).toEqual([{ job: 'crash', key: '2026-11', result: 'done' }]);
    expect(ran).toEqual(['b 2026-11']);
    // The late claimer's finish is not recorded over the new one.
    expect(await repoA.finish(dead!, now)).toBe(false);
    const [row] = await repoA.runs('crash');
    expect(row).toMatchObject({ claimed_by: 'b', attempts: 2 });
  });
});
