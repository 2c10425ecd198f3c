import type { Kysely, Transaction } from 'kysely';

type Work<D> = (tx: Transaction<D>) => Promise<unknown>;
interface Job<D> {
  work: Work<D>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** Runs a short write unit in a transaction of its own or shared with others; all-or-nothing per unit. */
export type WriteTransaction<D> = <T>(work: (tx: Transaction<D>) => Promise<T>) => Promise<T>;

// More units would make the first one of a batch wait longer for its commit without saving much more.
const MAX_BATCH = 32;

/**
 * Group commit for SQLite, where every write is serialised on one connection anyway and the commit (writing each
 * touched page to the WAL) is most of an insert's cost. Units arriving in the same turn of the event loop share one
 * transaction, each inside a savepoint: a unit that fails is rolled back alone and its caller gets its error; the
 * others commit together, and nobody is answered before the commit. A lone unit runs as a plain transaction, so
 * a quiet server adds no latency beyond one event-loop turn. A unit must use only the transaction it is given: on
 * SQLite's one connection, a query through the outer handle would wait for the very commit it holds up.
 */
export function createGroupCommit<D>(db: Kysely<D>): WriteTransaction<D> {
  const queue: Job<D>[] = [];
  let scheduled = false;

  async function runBatch(batch: Job<D>[]): Promise<void> {
    if (batch.length === 1) {
      const job = batch[0]!;
      await db.transaction().execute(job.work).then(job.resolve, job.reject);
      return;
    }
    const results: unknown[] = [];
    const failures = new Map<number, unknown>();
    const trx = await db.startTransaction().execute();
    try {
      for (let i = 0; i < batch.length; i++) {
        const unit = await trx.savepoint('unit').execute();
        try {
          results[i] = await batch[i]!.work(unit);
          await unit.releaseSavepoint('unit').execute();
        } catch (err) {
          failures.set(i, err);
          await unit.rollbackToSavepoint('unit').execute();
          await unit.releaseSavepoint('unit').execute();
        }
      }
      await trx.commit().execute();
    } catch (err) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const job of batch) job.reject(err);
      return;
    }
    batch.forEach((job, i) =>
      failures.has(i) ? job.reject(failures.get(i)) : job.resolve(results[i]),
    );
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await runBatch(queue.splice(0, MAX_BATCH));
    } finally {
      scheduled = false;
    }
  }

  return <T>(work: (tx: Transaction<D>) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!scheduled) {
        scheduled = true;
        // One turn of the loop lets the requests already read reach this queue before the first commit.
        setImmediate(() => void drain());
      }
    });
}

/** A transaction per unit (PostgreSQL: each connection commits in parallel, so batching would only serialise). */
export function plainTransactions<D>(db: Kysely<D>): WriteTransaction<D> {
  return (work) => db.transaction().execute(work);
}
