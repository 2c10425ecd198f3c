import type { Kysely } from 'kysely';

// 部件 registry (GB/T 47678.5-2026 表2) and its append-only condition history. Portable types only: text codes,
// YYYYMMDD dates as text (as the standard writes them), double precision coordinates, JSON as text.
// Like cases, a component carries one code column per area level, so scope filters are equalities on plain indexes.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('components')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    // Several NULLs never collide in a unique index on either database, so "unique when present" needs no partial index.
    .addColumn('legacy_code', 'text', (c) => c.unique())
    .addColumn('class_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dept_code', 'text', (c) => c.notNull())
    .addColumn('dept_name', 'text', (c) => c.notNull())
    .addColumn('owner_code', 'text')
    .addColumn('owner_name', 'text')
    .addColumn('maintainer_code', 'text')
    .addColumn('maintainer_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('initial_date', 'text', (c) => c.notNull())
    .addColumn('change_date', 'text')
    .addColumn('data_source', 'text')
    .addColumn('remarks', 'text')
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('grid_version', 'integer', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Lists are ordered by code within a scope root, so each level index ends in the code.
  for (const level of ['admin', 'street', 'community', 'grid'])
    await db.schema
      .createIndex(`components_${level}`)
      .on('components')
      .columns([`${level}_code`, 'code'])
      .execute();
  await db.schema
    .createIndex('components_class_status')
    .on('components')
    .columns(['class_code', 'status'])
    .execute();
  // Map layers ask for a bounding box; a range on lng narrowed by lat is what a B-tree can do without a spatial index.
  await db.schema
    .createIndex('components_lng_lat')
    .on('components')
    .columns(['lng', 'lat'])
    .execute();

  await db.schema
    .createTable('component_status_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('component_status_history_component')
    .on('component_status_history')
    .columns(['component_id', 'at'])
    .execute();
  await db.schema
    .createIndex('component_status_history_case')
    .on('component_status_history')
    .columns(['case_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('component_status_history').ifExists().execute();
  await db.schema.dropTable('components').ifExists().execute();
}
