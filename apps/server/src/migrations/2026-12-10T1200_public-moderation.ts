import type { Kysely } from 'kysely';

// The open side of the citizen portal (docs/public-board.md). A report made on the portal gets a public post: what
// the map may show of it, each part (text, every photo) held back until a 受理员 approves it. Residents' +1 are kept
// per device; spent proof-of-work challenges are kept until they expire, so each is accepted once in every process.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('public_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('class_code', 'text')
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text', (c) => c.notNull())
    // Rounded to 4 decimals (about 10 m); null for a sensitive class, whose place is never published.
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('public_text', 'text')
    .addColumn('text_reason', 'text')
    .addColumn('text_by', 'text')
    .addColumn('text_at', 'text')
    .addColumn('supporters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  for (const col of ['street_code', 'community_code', 'grid_code', 'class_code'])
    await db.schema
      .createIndex(`public_posts_${col}`)
      .on('public_posts')
      .columns([col, 'created_at'])
      .execute();
  await db.schema
    .createIndex('public_posts_created')
    .on('public_posts')
    .columns(['created_at'])
    .execute();

  await db.schema
    .createTable('public_post_photos')
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('public_post_photos_pk', ['post_id', 'attachment_id'])
    .execute();
  await db.schema
    .createIndex('public_post_photos_attachment')
    .on('public_post_photos')
    .columns(['attachment_id'])
    .execute();

  await db.schema
    .createTable('public_supports')
    .addColumn('post_id', 'text', (c) => c.notNull())
    // Keyed hash of the device cookie: a device adds +1 once per report.
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_supports_pk', ['post_id', 'device_hash'])
    .execute();

  await db.schema
    .createTable('public_pow_spent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('public_pow_spent_expires')
    .on('public_pow_spent')
    .columns(['expires_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['public_pow_spent', 'public_supports', 'public_post_photos', 'public_posts'])
    await db.schema.dropTable(t).ifExists().execute();
}
