import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { AttachmentsTable } from './attachments.tables';

export function createAttachmentsRepo(db: Kysely<DB>) {
  return {
    findById: (id: string) =>
      db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst(),
    findByIds: (ids: readonly string[]) =>
      ids.length
        ? db
            .selectFrom('attachments')
            .selectAll()
            .where('id', 'in', [...ids])
            .execute()
        : Promise.resolve([]),
    findByUploaderAndHash: (uploaderId: string, sha256: string) =>
      db
        .selectFrom('attachments')
        .selectAll()
        .where('uploader_id', '=', uploaderId)
        .where('sha256', '=', sha256)
        .executeTakeFirst(),
    /** Inserts unless this uploader already has a row for these bytes (a concurrent retry won the race). */
    insertOnce: (row: AttachmentsTable) =>
      db
        .insertInto('attachments')
        .values(row)
        .onConflict((oc) => oc.columns(['uploader_id', 'sha256']).doNothing())
        .execute(),
    /** Bytes this user uploaded since `sinceIso` (each of their rows once): the daily quota's count. */
    bytesUploadedSince: async (uploaderId: string, sinceIso: string) =>
      Number(
        (
          await db
            .selectFrom('attachments')
            .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.lit(0)).as('n'))
            .where('uploader_id', '=', uploaderId)
            .where('created_at', '>=', sinceIso)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    /** How many rows point at a blob: it may only be deleted at zero. */
    countByHash: async (sha256: string) =>
      Number(
        (
          await db
            .selectFrom('attachments')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('sha256', '=', sha256)
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
}
export type AttachmentsRepo = ReturnType<typeof createAttachmentsRepo>;
