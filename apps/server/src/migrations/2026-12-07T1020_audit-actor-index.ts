import type { Kysely } from 'kysely';

// Searches by a full ID number or phone are limited per user by counting the user's recent `personal_data_searched`
// entries (modules/audit/personal-search.ts). Without this index that count scans every entry of the action.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('audit_actor_action_at')
    .on('audit_log')
    .columns(['actor_id', 'action', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_actor_action_at').ifExists().execute();
}
