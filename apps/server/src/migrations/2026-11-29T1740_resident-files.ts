import type { Kysely } from 'kysely';

// 民情档案 / 民情日志: entries by grid staff and 民情信息员 about a household, a person or a grid, optionally turned
// into a case. Portable types only; one code column per area level, as for cases, so scope is an equality.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('resident_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // No foreign keys to houses or persons: those tables belong to other modules, and a log outlives their rows.
    .addColumn('house_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('raised', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('case_no', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Lists are newest first within one area level.
  for (const level of ['admin', 'street', 'community', 'grid'])
    await db.schema
      .createIndex(`resident_files_${level}`)
      .on('resident_files')
      .columns([`${level}_code`, 'at'])
      .execute();
  await db.schema
    .createIndex('resident_files_person')
    .on('resident_files')
    .columns(['person_id', 'at'])
    .execute();
  await db.schema
    .createIndex('resident_files_house')
    .on('resident_files')
    .columns(['house_id', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('resident_files').ifExists().execute();
}
