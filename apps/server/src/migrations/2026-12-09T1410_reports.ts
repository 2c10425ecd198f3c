import type { Kysely } from 'kysely';

// Monthly reports (modules/reports, docs/reports.md): the rendered HTML and PDF are files under the data directory;
// this table says which area and month each is for, who or what made it, and where the files are. Lists are per
// area subtree, newest period first, so (area_code, period) is the index.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('area_level', 'text', (c) => c.notNull())
    .addColumn('area_name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('html_bytes', 'integer', (c) => c.notNull())
    // Null when no browser was there to print the PDF (the HTML still is).
    .addColumn('pdf_bytes', 'integer')
    .addColumn('pdf_pages', 'integer')
    .addColumn('headline', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reports_area_period')
    .on('reports')
    .columns(['area_code', 'period'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reports').ifExists().execute();
}
