import { sql, type Kysely } from 'kysely';

// Cases and their append-only event log. Scalar columns are what queues, scope filters and
// statistics query; the rest of the workflow snapshot (open requests, handlers, overlays)
// lives in `snapshot` as JSON, read and written whole with the row's version.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('class_code', 'text')
    .addColumn('condition_id', 'text')
    .addColumn('component_id', 'text')
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('grid_version', 'integer', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('handling_dept_id', 'text')
    .addColumn('master_case_id', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('supervision_level', 'text')
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('rework_count', 'integer', (c) => c.notNull())
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('step_started_at', 'text')
    .addColumn('step_limit', 'text')
    // Never null, so "overdue first" sorts the same on both databases ('9999…' = no deadline).
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text')
    .addColumn('registered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Every index costs each intake, so there are few: queues by street, community and grid
  // (equality on the level's code, open first, earliest due first); district-wide queues and
  // the overdue sweep use (is_open, due_at); department inboxes their own.
  for (const level of ['street', 'community', 'grid'])
    await db.schema
      .createIndex(`cases_queue_${level}`)
      .on('cases')
      .columns([`${level}_code`, 'is_open', 'due_at'])
      .execute();
  await db.schema
    .createIndex('cases_open_due')
    .on('cases')
    .columns(['is_open', 'due_at'])
    .execute();
  await db.schema
    .createIndex('cases_dept')
    .on('cases')
    .columns(['handling_dept_id', 'is_open', 'due_at'])
    .execute();
  // Most reports carry no key: a partial index keeps them out of it.
  await db.schema
    .createIndex('cases_idempotency')
    .on('cases')
    .column('idempotency_key')
    .unique()
    .where(sql.ref('idempotency_key'), 'is not', null)
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('note', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_events_case_seq')
    .on('case_events')
    .columns(['case_id', 'seq'])
    .unique()
    .execute();

  // Which photos belong to which case: who may see an attachment follows who may read the case.
  await db.schema
    .createTable('case_attachments')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('attachment_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_attachments_pk', ['case_id', 'attachment_id'])
    .execute();
  await db.schema
    .createIndex('case_attachments_attachment')
    .on('case_attachments')
    .column('attachment_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_attachments').ifExists().execute();
  await db.schema.dropTable('case_events').ifExists().execute();
  await db.schema.dropTable('cases').ifExists().execute();
}
