import type { Kysely } from 'kysely';

// Open311 GeoReport v2 (docs/open311.md): partners' api_keys (keyed hashes only) and what a partner sent with each
// request beyond the case (media_url, attribute answers, contact details encrypted). GET requests lists cases by
// report time across the whole jurisdiction, so cases get an index on (created_at, id).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('open311_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('service_codes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema
    .createTable('open311_requests')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('media_url', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('contact_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_created_at')
    .on('cases')
    .columns(['created_at', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_created_at').ifExists().execute();
  await db.schema.dropTable('open311_requests').ifExists().execute();
  await db.schema.dropTable('open311_keys').ifExists().execute();
}
