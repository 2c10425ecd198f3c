import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { Open311KeysTable, Open311RequestsTable } from './open311.tables';

/** All SQL of the Open311 module: partners' keys and what they sent with requests; cases go through the cases module. */
export function createOpen311Repo(db: Kysely<DB>) {
  return {
    insertKey: async (row: Open311KeysTable): Promise<void> => {
      await db.insertInto('open311_keys').values(row).execute();
    },
    listKeys: () =>
      db.selectFrom('open311_keys').selectAll().orderBy('created_at', 'desc').execute(),
    keyById: (id: string) =>
      db.selectFrom('open311_keys').selectAll().where('id', '=', id).executeTakeFirst(),
    /** A live key by its hash; a revoked key is no key. */
    liveKeyByHash: (hash: string) =>
      db
        .selectFrom('open311_keys')
        .selectAll()
        .where('key_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst(),
    async revokeKey(id: string, at: string, by: string): Promise<boolean> {
      const r = await db
        .updateTable('open311_keys')
        .set({ revoked_at: at, revoked_by: by })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async touchKey(id: string, at: string): Promise<void> {
      await db.updateTable('open311_keys').set({ last_used_at: at }).where('id', '=', id).execute();
    },

    insertRequest: async (row: Open311RequestsTable): Promise<void> => {
      await db.insertInto('open311_requests').values(row).execute();
    },
    requestsOf: (caseIds: readonly string[]) =>
      caseIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('open311_requests')
            .select(['case_id', 'media_url', 'attributes'])
            .where('case_id', 'in', [...caseIds])
            .execute(),
  };
}
export type Open311Repo = ReturnType<typeof createOpen311Repo>;
