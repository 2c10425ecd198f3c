import type { Kysely } from 'kysely';

// The 12345 round trip (modules/hotline, docs/12345.md).
// hotline_orders: the centre's order id → our case, so inbound calls (回访, 催办, 督办, 撤回) find the case.
// hotline_deliveries: the outbound webhooks and their delivery log. `dedupe_key` is unique, so every process that
// hears the same case change enqueues it once; `lease_token`/`lease_until` make one process own an attempt (a row
// claim that works the same on SQLite and PostgreSQL). Times are ISO-8601 UTC text, compared as strings.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hotline_orders')
    .addColumn('order_id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('hotline_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The case event's seq: an order's messages go out in this order.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_token', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The worker's scan: due rows by status and time.
  await db.schema
    .createIndex('hotline_deliveries_due')
    .on('hotline_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('hotline_deliveries_created')
    .on('hotline_deliveries')
    .columns(['created_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hotline_deliveries').ifExists().execute();
  await db.schema.dropTable('hotline_orders').ifExists().execute();
}
