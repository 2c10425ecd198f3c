import type { Kysely } from 'kysely';

// A citizen who left a phone number finds their reports with it and a one-time code. Receipts get a keyed hash of
// the normalised phone (HMAC under the lookup key, as every exact lookup of a personal value); the codes live in a
// table so every process sees the same code, its attempts and its use. Receipts made before this migration have no
// hash and are found by their 查询码 only.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('public_receipts').addColumn('phone_hash', 'text').execute();
  await db.schema
    .createIndex('public_receipts_phone_hash')
    .on('public_receipts')
    .columns(['phone_hash', 'created_at'])
    .execute();

  await db.schema
    .createTable('public_phone_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    // Keyed hash of the code bound to this row's id; the code itself is never stored.
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'text')
    .execute();
  // Codes asked for a phone in the last window (the per-phone limit) and the latest code of a phone.
  await db.schema
    .createIndex('public_phone_codes_phone')
    .on('public_phone_codes')
    .columns(['phone_hash', 'created_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_phone_codes').ifExists().execute();
  await db.schema.dropIndex('public_receipts_phone_hash').ifExists().execute();
  await db.schema.alterTable('public_receipts').dropColumn('phone_hash').execute();
}
