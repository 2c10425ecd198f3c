import type { Kysely } from 'kysely';
import { withFactColumns } from './2026-12-09T1000_indicator-facts';

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
  await withFactColumns(
    db.schema
      .createTable('indicator_snapshot_facts')
      .addColumn('publication_id', 'text', (c) => c.notNull()),
  )
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
