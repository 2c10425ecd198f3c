import type { CreateTableBuilder, Kysely } from 'kysely';

// The indicator engine's facts (modules/indicators/indicator-facts.ts): each case's event log flattened into rows
// placed at an instant (an event's time or a deadline), so a figure for any period, area, department or person is
// an indexed range count rather than a replay of millions of events. Rewritten per case with every event; filled
// for cases already in the database by `wangge indicators rebuild`.

/** The fact columns, shared with the publications' frozen copy (2026-12-09T1010). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const withFactColumns = (t: CreateTableBuilder<any, any>) =>
  t
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text')
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('variant', 'text')
    .addColumn('on_time', 'integer')
    .addColumn('ok', 'integer')
    .addColumn('flag', 'integer')
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hours', 'double precision');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withFactColumns(db.schema.createTable('indicator_facts'))
    .addPrimaryKeyConstraint('indicator_facts_pk', ['case_id', 'n'])
    .execute();
  // Every figure is a range over one kind's instants; area, department and person filter within it.
  await db.schema
    .createIndex('indicator_facts_kind_at')
    .on('indicator_facts')
    .columns(['kind', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_facts').ifExists().execute();
}
