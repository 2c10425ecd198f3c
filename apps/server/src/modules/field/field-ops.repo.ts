import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { FieldOpsTable } from './field.tables';

/** All SQL of the ledger. Every call names the worker: one worker's keys never touch another's. */
export function createFieldOpsRepo(db: Kysely<DB>) {
  return {
    /** Claims a key; false when it was already there (done, or another copy is running). */
    claim: async (row: FieldOpsTable): Promise<boolean> => {
      const r = await db
        .insertInto('field_ops')
        .values(row)
        .onConflict((oc) => oc.columns(['user_id', 'op_key']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    find: (userId: string, key: string) =>
      db
        .selectFrom('field_ops')
        .selectAll()
        .where('user_id', '=', userId)
        .where('op_key', '=', key)
        .executeTakeFirst(),
    /** Takes over a pending claim left older than `before` (its process died between claim and answer). */
    retake: async (userId: string, key: string, before: string, at: string): Promise<boolean> => {
      const r = await db
        .updateTable('field_ops')
        .set({ at })
        .where('user_id', '=', userId)
        .where('op_key', '=', key)
        .where('status', '=', 'pending')
        .where('at', '<', before)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    markDone: (userId: string, key: string) =>
      db
        .updateTable('field_ops')
        .set({ status: 'done' })
        .where('user_id', '=', userId)
        .where('op_key', '=', key)
        .execute(),
    /** A failed operation leaves no claim: the worker may fix it and send the same key again. */
    release: (userId: string, key: string) =>
      db
        .deleteFrom('field_ops')
        .where('user_id', '=', userId)
        .where('op_key', '=', key)
        .where('status', '=', 'pending')
        .execute(),
  };
}
export type FieldOpsRepo = ReturnType<typeof createFieldOpsRepo>;
