import { sql, type Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import type {
  ModerationState,
  PublicPostPhotosTable,
  PublicPostsTable,
} from './public-cases.tables';

/** SQL of the public board: posts, their photos' decisions, +1 per device and spent proof-of-work challenges. */
export function createPublicBoardRepo(db: Kysely<DB>) {
  const inArea = (code: string) =>
    db
      .selectFrom('public_posts')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('street_code', '=', code),
          eb('community_code', '=', code),
          eb('grid_code', '=', code),
        ]),
      );

  return {
    async insertPost(post: PublicPostsTable, photos: string[]): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('public_posts')
          .values(post)
          .onConflict((oc) => oc.doNothing())
          .execute();
        for (const attachment_id of photos)
          await tx
            .insertInto('public_post_photos')
            .values({
              post_id: post.id,
              attachment_id,
              status: 'pending',
              reason: null,
              decided_by: null,
              decided_at: null,
            })
            .onConflict((oc) => oc.doNothing())
            .execute();
      });
    },

    /** Recent posts, newest first, of a street, community or grid. */
    recent(areaCode: string | undefined, since: string, limit: number) {
      const base = areaCode ? inArea(areaCode) : db.selectFrom('public_posts').selectAll();
      return base
        .where('created_at', '>=', since)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },

    caseOfReceipt: async (caseNo: string) =>
      (
        await db
          .selectFrom('public_receipts')
          .select('case_id')
          .where('case_no', '=', caseNo)
          .executeTakeFirst()
      )?.case_id ?? null,

    byId: (id: string) =>
      db.selectFrom('public_posts').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Same class, not sensitive, inside the box, since a date: candidates for "+1". */
    near(classCode: string, box: [number, number, number, number], since: string) {
      return db
        .selectFrom('public_posts')
        .selectAll()
        .where('class_code', '=', classCode)
        .where('sensitive', '=', 0)
        .where('created_at', '>=', since)
        .where('lng', '>=', box[0])
        .where('lat', '>=', box[1])
        .where('lng', '<=', box[2])
        .where('lat', '<=', box[3])
        .orderBy('created_at', 'desc')
        .limit(20)
        .execute();
    },

    photosOf(postIds: readonly string[]) {
      if (!postIds.length) return Promise.resolve([] as PublicPostPhotosTable[]);
      return db
        .selectFrom('public_post_photos')
        .selectAll()
        .where('post_id', 'in', [...postIds])
        .orderBy('attachment_id')
        .execute();
    },

    approvedPhoto: (attachmentId: string) =>
      db
        .selectFrom('public_post_photos')
        .select('attachment_id')
        .where('attachment_id', '=', attachmentId)
        .where('status', '=', 'approved')
        .executeTakeFirst(),

    /** +1 from a device, once; answers whether it was new and the count after. */
    async support(postId: string, deviceHash: string, at: string) {
      return db.transaction().execute(async (tx) => {
        const ins = await tx
          .insertInto('public_supports')
          .values({ post_id: postId, device_hash: deviceHash, created_at: at })
          .onConflict((oc) => oc.columns(['post_id', 'device_hash']).doNothing())
          .executeTakeFirst();
        const added = Number(ins.numInsertedOrUpdatedRows ?? 0) === 1;
        if (added)
          await tx
            .updateTable('public_posts')
            .set((eb) => ({ supporters: eb('supporters', '+', 1) }))
            .where('id', '=', postId)
            .execute();
        const row = await tx
          .selectFrom('public_posts')
          .select('supporters')
          .where('id', '=', postId)
          .executeTakeFirstOrThrow();
        return { added, supporters: Number(row.supporters) };
      });
    },

    /** Moderation queue in the caller's area: oldest waiting first. */
    async queue(scope: AreaScope, pendingOnly: boolean, limit: number, offset: number) {
      let q = db.selectFrom('public_posts');
      if (!scope.all)
        q = q.where((eb) =>
          scope.prefixes.length
            ? eb.or(scope.prefixes.map((p) => eb('grid_code', 'like', `${p}%`)))
            : sql<boolean>`1 = 0`,
        );
      if (pendingOnly)
        q = q.where((eb) =>
          eb.or([
            eb('text_status', '=', 'pending'),
            eb.exists(
              eb
                .selectFrom('public_post_photos as ph')
                .select('ph.post_id')
                .whereRef('ph.post_id', '=', 'public_posts.id')
                .where('ph.status', '=', 'pending'),
            ),
          ]),
        );
      const [rows, count] = await Promise.all([
        q
          .selectAll()
          .orderBy('created_at', pendingOnly ? 'asc' : 'desc')
          .orderBy('id')
          .limit(limit)
          .offset(offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    async decideText(
      id: string,
      d: {
        status: ModerationState;
        publicText: string | null;
        reason: string | null;
        by: string;
        at: string;
      },
      tx: Kysely<DB> = db,
    ) {
      await tx
        .updateTable('public_posts')
        .set({
          text_status: d.status,
          public_text: d.publicText,
          text_reason: d.reason,
          text_by: d.by,
          text_at: d.at,
        })
        .where('id', '=', id)
        .execute();
    },

    async decidePhoto(
      postId: string,
      attachmentId: string,
      d: { status: ModerationState; reason: string | null; by: string; at: string },
      tx: Kysely<DB> = db,
    ): Promise<boolean> {
      const r = await tx
        .updateTable('public_post_photos')
        .set({ status: d.status, reason: d.reason, decided_by: d.by, decided_at: d.at })
        .where('post_id', '=', postId)
        .where('attachment_id', '=', attachmentId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async spendPow(id: string, expiresAt: string): Promise<boolean> {
      const r = await db
        .insertInto('public_pow_spent')
        .values({ id, expires_at: expiresAt })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async forgetPow(before: string): Promise<void> {
      await db.deleteFrom('public_pow_spent').where('expires_at', '<', before).execute();
    },
  };
}
export type PublicBoardRepo = ReturnType<typeof createPublicBoardRepo>;
