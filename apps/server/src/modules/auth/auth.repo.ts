import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { ApiTokensTable, SessionsTable } from './auth.tables';

export function createAuthRepo(db: Kysely<DB>) {
  return {
    insertSession: (row: SessionsTable) => db.insertInto('sessions').values(row).execute(),
    findSession: (id: string, now: string) =>
      db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst(),
    deleteSession: (id: string) => db.deleteFrom('sessions').where('id', '=', id).execute(),
    deleteUserSessions: (userId: string, exceptId: string | null) =>
      db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!))
        .execute(),
    deleteExpiredSessions: (now: string) => db.deleteFrom('sessions').where('expires_at', '<=', now).execute(),

    insertToken: (row: ApiTokensTable) => db.insertInto('api_tokens').values(row).execute(),
    findActiveToken: (hash: string) =>
      db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst(),
    listTokens: (userId: string) =>
      db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('id').execute(),
    revokeToken: (userId: string, id: string, now: string) =>
      db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst(),
    touchToken: (id: string, now: string) => db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute(),
  };
}
