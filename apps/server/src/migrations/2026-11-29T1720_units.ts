import type { Kysely } from 'kysely';

// 实有单位, 重点场所 and their inspections (检查记录). Portable types only: text ids and codes, ISO timestamps and
// YYYY-MM-DD dates as text, JSON as text, double precision coordinates. Like components, each record carries one
// code column per area level so scope filters are equalities on plain indexes. No foreign key to persons or
// addresses: those modules own their tables, and a link is checked through their services.

const LEVELS = ['admin', 'street', 'community', 'grid'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Several NULLs never collide in a unique index on either database, so "unique when present" needs no partial index.
    .addColumn('credit_code', 'text', (c) => c.unique())
    .addColumn('registration_no', 'text', (c) => c.unique())
    .addColumn('unit_type', 'text', (c) => c.notNull())
    .addColumn('focus_tags', 'text', (c) => c.notNull())
    .addColumn('is_key', 'integer', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('address_id', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('grid_version', 'integer')
    .addColumn('legal_rep_name', 'text')
    .addColumn('legal_rep_phone_enc', 'text')
    .addColumn('legal_rep_phone_hash', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone_enc', 'text')
    .addColumn('contact_phone_hash', 'text')
    .addColumn('employee_count', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('inspection_interval_days', 'integer')
    .addColumn('next_inspection_due', 'text')
    .addColumn('last_inspected_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Lists are ordered by name within a scope root, so each level index ends in the name.
  for (const level of LEVELS)
    await db.schema
      .createIndex(`units_${level}`)
      .on('units')
      .columns([`${level}_code`, 'name'])
      .execute();
  await db.schema.createIndex('units_due').on('units').columns(['next_inspection_due']).execute();
  await db.schema
    .createIndex('units_legal_rep_phone')
    .on('units')
    .column('legal_rep_phone_hash')
    .execute();
  await db.schema
    .createIndex('units_contact_phone')
    .on('units')
    .column('contact_phone_hash')
    .execute();

  await db.schema
    .createTable('unit_employees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_employees_unit')
    .on('unit_employees')
    .columns(['unit_id', 'from_date'])
    .execute();
  await db.schema
    .createIndex('unit_employees_person')
    .on('unit_employees')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('place_type', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('responsible_name', 'text')
    .addColumn('responsible_phone_enc', 'text')
    .addColumn('responsible_phone_hash', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('address_id', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('grid_version', 'integer')
    .addColumn('inspection_interval_days', 'integer', (c) => c.notNull())
    .addColumn('next_inspection_due', 'text', (c) => c.notNull())
    .addColumn('last_inspected_at', 'text')
    .addColumn('remarks', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const level of LEVELS)
    await db.schema
      .createIndex(`places_${level}`)
      .on('places')
      .columns([`${level}_code`, 'name'])
      .execute();
  await db.schema.createIndex('places_due').on('places').columns(['next_inspection_due']).execute();
  await db.schema.createIndex('places_unit').on('places').column('unit_id').execute();

  await db.schema
    .createTable('inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('inspector_id', 'text', (c) => c.notNull())
    .addColumn('inspector_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('findings', 'text')
    .addColumn('hazards', 'text', (c) => c.notNull())
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspections_target')
    .on('inspections')
    .columns(['target_id', 'at'])
    .execute();
  for (const level of LEVELS)
    await db.schema
      .createIndex(`inspections_${level}`)
      .on('inspections')
      .columns([`${level}_code`, 'at'])
      .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inspections').ifExists().execute();
  await db.schema.dropTable('places').ifExists().execute();
  await db.schema.dropTable('unit_employees').ifExists().execute();
  await db.schema.dropTable('units').ifExists().execute();
}
