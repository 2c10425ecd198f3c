import { sql, type Kysely } from 'kysely';

// Issue 9, findings 4 and 7.
// known_devices: browsers where a user has signed in before (the hash of a long-lived device cookie). A correct
// password from one of them passes the per-account lock that strangers' guesses set off, so guessing cannot lock the
// owner out; each device has its own failure count, so a stolen cookie does not buy unlimited guesses either.
// api_tokens get an expiry and their own permissions. Tokens made before this had neither; the default expiry in
// the past ends them, so integrations create new, limited tokens.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('known_devices')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('known_devices_pk', ['id', 'user_id'])
    .execute();
  await db.schema.createIndex('known_devices_user').on('known_devices').column('user_id').execute();
  await db.schema
    .alterTable('api_tokens')
    .addColumn('expires_at', 'text', (c) =>
      c.notNull().defaultTo(sql.lit('1970-01-01T00:00:00.000Z')),
    )
    .execute();
  await db.schema
    .alterTable('api_tokens')
    .addColumn('permissions', 'text', (c) => c.notNull().defaultTo(sql.lit('[]')))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('permissions').execute();
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
  await db.schema.dropTable('known_devices').ifExists().execute();
}
