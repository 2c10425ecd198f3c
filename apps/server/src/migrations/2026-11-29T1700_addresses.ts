import type { Kysely } from 'kysely';

// Standard addresses (标准地址 tree) and 实有房屋 (houses; 楼栋 attributes live on the building node as JSON).
// Portable types only: text codes and timestamps, JSON as text, double precision coordinates.
// Both tables carry one code column per area level, so scope filters are equalities on plain indexes that also give
// the order of lists (by full address): a community may hold 400,000 rooms.
// place_code is the most precise of the four: readers see the coarse nodes above them (a 街巷 filed at its district)
// by equality on it, instead of walking a whole district's index for rows whose finer codes are empty.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('addresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('addresses.id'))
    .addColumn('parent_key', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('former_names', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text')
    .addColumn('community_code', 'text')
    .addColumn('grid_code', 'text')
    .addColumn('place_code', 'text', (c) => c.notNull())
    .addColumn('building_info', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Sibling names are unique (compared in search form); the same index finds a child by name (find-or-create).
  await db.schema
    .createIndex('addresses_sibling_name')
    .on('addresses')
    .columns(['parent_key', 'name_key'])
    .unique()
    .execute();
  // Children in natural order, and the subtree walk (recursive CTE on parent_key).
  await db.schema
    .createIndex('addresses_children')
    .on('addresses')
    .columns(['parent_key', 'sort_key'])
    .execute();
  // Code, level, full name: a page or count of one level (the rooms of a community) walks the index in order, and
  // two equalities outrank addresses_level in SQLite's planner, which has no statistics to go by.
  for (const level of ['admin', 'street', 'community', 'grid', 'place'])
    await db.schema
      .createIndex(`addresses_${level}`)
      .on('addresses')
      .columns([`${level}_code`, 'level', 'full_name'])
      .execute();
  await db.schema
    .createIndex('addresses_level')
    .on('addresses')
    .columns(['level', 'full_name'])
    .execute();

  await db.schema
    .createTable('houses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('address_id', 'text', (c) => c.notNull().unique().references('addresses.id'))
    .addColumn('full_address', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('use', 'text', (c) => c.notNull())
    .addColumn('ownership', 'text', (c) => c.notNull())
    .addColumn('area_m2', 'double precision')
    .addColumn('certificate_no', 'text')
    .addColumn('landlord_name', 'text')
    .addColumn('landlord_phone_enc', 'text')
    .addColumn('landlord_phone_hash', 'text')
    .addColumn('rent_purpose', 'text')
    .addColumn('contract_start', 'text')
    .addColumn('contract_end', 'text')
    .addColumn('remarks', 'text')
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The use filter is read from the index; no index on use alone, which SQLite would prefer for its order.
  for (const level of ['admin', 'street', 'community', 'grid'])
    await db.schema
      .createIndex(`houses_${level}`)
      .on('houses')
      .columns([`${level}_code`, 'full_address', 'use'])
      .execute();
  await db.schema
    .createIndex('houses_landlord_phone')
    .on('houses')
    .columns(['landlord_phone_hash'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('houses').ifExists().execute();
  await db.schema.dropTable('addresses').ifExists().execute();
}
