import type { Kysely } from 'kysely';

// The landlord phone as lists and exports show it (138****5678), stored beside the ciphertext so a page of houses is
// answered without decrypting a phone per row. Migrations get the database only, not the data key, so existing rows
// stay NULL here and the housing service fills them the first time it reads them (see housing.service.ts).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('houses').addColumn('landlord_phone_masked', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('houses').dropColumn('landlord_phone_masked').execute();
}
