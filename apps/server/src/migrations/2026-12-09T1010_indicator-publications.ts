import type { Kysely } from 'kysely';

// Published (frozen) assessment periods (docs/indicators.md §6). Publishing copies the facts that place figures in
// the period into indicator_snapshot_facts, so the period's figures, rankings and drill-downs are read from the copy
// while later events change the live facts. A recompute writes a new version beside the old one, which stays
// readable. Assessment schemes edited by an administrator are stored as JSON, versioned; a publication keeps the
// schemes it was published with.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('reason', 'text')
    .addColumn('schemes', 'text', (c) => c.notNull())
    .addColumn('fact_count', 'integer', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema
    .createIndex('indicator_publications_period')
    .on('indicator_publications')
    .columns(['period_type', 'period_key', 'version'])
    .unique()
    .execute();
  await db.schema
    .createTable('indicator_snapshot_facts')
    .addColumn('publication_id', 'text', (c) => c.notNull())
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
    .addColumn('hours', 'double precision')
    .addPrimaryKeyConstraint('indicator_snapshot_facts_pk', ['publication_id', 'case_id', 'n'])
    .execute();
  await db.schema
    .createIndex('indicator_snapshot_facts_kind_at')
    .on('indicator_snapshot_facts')
    .columns(['publication_id', 'kind', 'at'])
    .execute();
  await db.schema
    .createTable('assessment_schemes')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_schemes_pk', ['code', 'version'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_schemes').ifExists().execute();
  await db.schema.dropTable('indicator_snapshot_facts').ifExists().execute();
  await db.schema.dropTable('indicator_publications').ifExists().execute();
}
