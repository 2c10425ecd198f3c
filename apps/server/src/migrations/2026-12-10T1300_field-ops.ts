import type { Kysely } from 'kysely';

// The field app's idempotency ledger (modules/field): a queued 核实/核查 answer sent twice completes the task once.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('field_ops')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('op_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('field_ops_pk', ['user_id', 'op_key'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('field_ops').ifExists().execute();
}
