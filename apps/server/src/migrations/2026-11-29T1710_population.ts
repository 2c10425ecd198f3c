import { PostgresAdapter, sql, type Kysely } from 'kysely';

// 实有人口: persons, their residence history and an append-only event log. Portable types: text codes and dates,
// JSON as text. Lists are always within one area level (an equality on that level's code) and ordered or
// prefix-searched by the normalised name, so each level index ends in name_search.
//
// The one dialect difference: an index serves LIKE 'x%' only under a byte-order collation. PostgreSQL gets
// COLLATE "C" on name_search (whatever the database's locale); SQLite's LIKE is case-insensitive, which its
// planner serves only from a NOCASE column (the values are lower-cased already, so NOCASE changes nothing else).
// This check lives here because migrations import nothing from the application.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_search', postgres ? sql`text collate "C"` : sql`text collate nocase`, (c) =>
      c.notNull(),
    )
    .addColumn('gender', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('nationality', 'text')
    .addColumn('registered_place', 'text')
    .addColumn('population_type', 'text', (c) => c.notNull())
    .addColumn('household_status', 'text')
    .addColumn('house_id', 'text')
    .addColumn('relation', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data_state', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_by_name', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('verified_by_name', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One person per document: the unique index is also the duplicate check and the lookup by ID number.
  await db.schema.createIndex('persons_id_hash').on('persons').column('id_hash').unique().execute();
  // District leaders list and search too, hence admin beside the three levels grid workers use.
  for (const level of ['admin', 'street', 'community', 'grid'])
    await db.schema
      .createIndex(`persons_${level}_name`)
      .on('persons')
      .columns([`${level}_code`, 'name_search'])
      .execute();
  await db.schema.createIndex('persons_house').on('persons').column('house_id').execute();

  await db.schema
    .createTable('residences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    // No foreign key to houses: that table belongs to the housing module, and history must outlive a house row.
    .addColumn('house_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('residence_type', 'text', (c) => c.notNull())
    .addColumn('relation', 'text')
    .addColumn('moved_in_at', 'text', (c) => c.notNull())
    .addColumn('moved_out_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('destination', 'text')
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('residences_person')
    .on('residences')
    .columns(['person_id', 'moved_in_at'])
    .execute();
  await db.schema
    .createIndex('residences_house')
    .on('residences')
    .columns(['house_id', 'moved_in_at'])
    .execute();

  await db.schema
    .createTable('person_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('person_events_person')
    .on('person_events')
    .columns(['person_id', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_events').ifExists().execute();
  await db.schema.dropTable('residences').ifExists().execute();
  await db.schema.dropTable('persons').ifExists().execute();
}
