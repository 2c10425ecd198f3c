import { sql, type Kysely } from 'kysely';

// A person's full birth date is encrypted like the ID number it is part of, and only the birth year stays in clear
// (statistics, age bands): the clear date beside a mask that hid exactly the date digits rebuilt the whole number.
// The 居住证号码 in the details JSON is often the ID number itself, so it gets an encrypted column too. Migrations
// get the database, not the data key: encrypting existing dates and permit numbers, re-masking ID numbers and
// emptying birth_date is done at start-up by the population module (legacy-identities-backfill.ts).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('birth_year', 'integer').execute();
  await db.schema.alterTable('persons').addColumn('birth_date_enc', 'text').execute();
  await db.schema.alterTable('persons').addColumn('permit_no_enc', 'text').execute();
  await sql`UPDATE persons SET birth_year = CAST(substr(birth_date, 1, 4) AS integer) WHERE birth_date IS NOT NULL`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('persons').dropColumn('permit_no_enc').execute();
  await db.schema.alterTable('persons').dropColumn('birth_date_enc').execute();
  await db.schema.alterTable('persons').dropColumn('birth_year').execute();
}
