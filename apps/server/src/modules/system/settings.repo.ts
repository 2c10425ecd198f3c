import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';

/** Key/value settings (JSON values). Settings are deployment-wide, so there is no area scope. */
export function createSettingsRepo(db: Kysely<DB>) {
  return {
    async get<T>(key: string): Promise<T | null> {
      const r = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      return r ? (JSON.parse(r.value) as T) : null;
    },
    async set(key: string, value: unknown): Promise<void> {
      const row = { key, value: JSON.stringify(value), updated_at: new Date().toISOString() };
      await db
        .insertInto('settings')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }),
        )
        .execute();
    },
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
