import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/database';
import type { NotificationsTable } from './notifications.tables';

type Db = Kysely<DB> | Transaction<DB>;

/** All SQL of the notifications module. Every read is limited to one recipient (the caller). */
export function createNotificationsRepo(db: Kysely<DB>) {
  return {
    async insertMany(d: Db, rows: NotificationsTable[]): Promise<void> {
      if (rows.length) await d.insertInto('notifications').values(rows).execute();
    },

    list: (recipient: string, f: { unread?: boolean | undefined; limit: number; offset: number }) =>
      db
        .selectFrom('notifications')
        .selectAll()
        .where('recipient', '=', recipient)
        .$if(Boolean(f.unread), (q) => q.where('read_at', 'is', null))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),

    async unreadCount(recipient: string): Promise<number> {
      const r = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('recipient', '=', recipient)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    findOwn: (recipient: string, id: string) =>
      db
        .selectFrom('notifications')
        .selectAll()
        .where('id', '=', id)
        .where('recipient', '=', recipient)
        .executeTakeFirst(),

    async markRead(recipient: string, ids: string[] | 'all', at: string): Promise<void> {
      let q = db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('recipient', '=', recipient)
        .where('read_at', 'is', null);
      if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : ['-']);
      await q.execute();
    },
  };
}
export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
