import { sql, type Kysely } from 'kysely';

// Citizen receipts (查询码 + 查询密码) for reports made without an account, and 站内消息 telling reporters
// what became of their cases. A receipt keeps only a keyed hash of its secret; the contact phone is
// encrypted, with a masked copy for display.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('public_receipts')
    // The citizen pseudo-actor is `citizen:<id>`: the case's reporter_id.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // A user id, or `citizen:<receipt id>` for a report made without an account.
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('about', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  // The inbox (newest first) and its unread badge both start from the recipient.
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['recipient', 'created_at'])
    .execute();

  // Reporters of merged duplicates follow the master: every notification looks them up by master_case_id.
  // Few cases are merged, so a partial index stays small.
  await db.schema
    .createIndex('cases_master')
    .on('cases')
    .column('master_case_id')
    .where(sql.ref('master_case_id'), 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_master').ifExists().execute();
  await db.schema.dropTable('notifications').ifExists().execute();
  await db.schema.dropTable('public_receipts').ifExists().execute();
}
