import type { Kysely } from 'kysely';

// Photo and video attachments. The bytes live in a content-addressed blob store (data dir or S3),
// keyed by sha256; this table holds who uploaded what and the metadata read from the file.
// No foreign key to users: the system actor (CLI, demo seeding) uploads too, and evidence must
// outlive any account change. No imports from application code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('exif_lng', 'double precision')
    .addColumn('exif_lat', 'double precision')
    .addColumn('captured_at', 'text')
    .addColumn('uploader_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One row per uploader and content: a retried upload (offline queue, flaky network) finds its row.
  await db.schema
    .createIndex('attachments_uploader_sha256')
    .on('attachments')
    .columns(['uploader_id', 'sha256'])
    .unique()
    .execute();
  // Reference counting before a blob is deleted.
  await db.schema.createIndex('attachments_sha256').on('attachments').column('sha256').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachments').ifExists().execute();
}
