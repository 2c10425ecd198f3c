import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { ApiTokensTable, KnownDevicesTable, SessionsTable } from './auth.tables';

export function createAuthRepo(db: Kysely<DB>) {
  return {
    insertSession: (row: SessionsTable) => db.insertInto('sessions').values(row).execute(),
    findSession: (id: string, now: string) =>
      db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .executeTakeFirst(),
    deleteSession: (id: string) => db.deleteFrom('sessions').where('id', '=', id).execute(),
    deleteUserSessions: (userId: string, exceptId: string | null) =>
      db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!))
        .execute(),
    deleteExpiredSessions: (now: string) =>
      db.deleteFrom('sessions').where('expires_at', '<=', now).execute(),

    insertToken: (row: ApiTokensTable) => db.insertInto('api_tokens').values(row).execute(),
    findActiveToken: (hash: string, now: string) =>
      db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst(),
    findActiveTokenById: (id: string, now: string) =>
      db
        .selectFrom('api_tokens')
        .select('id')
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst(),
    listTokens: (userId: string) =>
      db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .orderBy('id')
        .execute(),
    revokeToken: (userId: string, id: string, now: string) =>
      db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst(),
    revokeUserTokens: (userId: string, now: string) =>
      db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute(),
    touchToken: (id: string, now: string) =>
      db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute(),

    /**
     * Counts an attempt from a known device before its password is checked, in one statement, and answers the new
     * count (undefined when the device is not known for this user). Parallel guesses each see their own count.
     */
    chargeDevice: (id: string, userId: string, now: string) =>
      db
        .updateTable('known_devices')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('expires_at', '>', now)
        .returning('failed_logins')
        .executeTakeFirst(),
    /** Remembers (or refreshes) a device after a correct password, with a clean failure count. */
    rememberDevice: (row: KnownDevicesTable) =>
      db
        .insertInto('known_devices')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['id', 'user_id']).doUpdateSet({
            failed_logins: 0,
            last_seen_at: row.last_seen_at,
            expires_at: row.expires_at,
          }),
        )
        .execute(),
    forgetUserDevices: (userId: string) =>
      db.deleteFrom('known_devices').where('user_id', '=', userId).execute(),
  };
}
