import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { HotlineDeliveriesTable, HotlineOrdersTable } from './hotline.tables';

/**
 * All SQL of the hotline module. The tables hold the centre's orders and our webhooks to it; neither is area data
 * (the cases they name are reached through the cases module), so no scope filter applies here: the routes that read
 * the log are the administrators' (settings.manage, global).
 */
export function createHotlineRepo(db: Kysely<DB>) {
  /** A row due for an attempt: pending and due, or claimed by an attempt whose lease ran out (its process died). */
  const dueNow = (now: string) =>
    db
      .selectFrom('hotline_deliveries as d')
      .where((eb) =>
        eb.or([
          eb.and([eb('d.status', '=', 'pending'), eb('d.next_attempt_at', '<=', now)]),
          eb.and([eb('d.status', '=', 'delivering'), eb('d.lease_until', '<', now)]),
        ]),
      );

  return {
    /** Records an order once; a second process hearing the same 派单 finds it there. */
    async saveOrder(row: HotlineOrdersTable): Promise<void> {
      await db
        .insertInto('hotline_orders')
        .values(row)
        .onConflict((oc) => oc.column('order_id').doNothing())
        .execute();
    },

    order: (orderId: string) =>
      db
        .selectFrom('hotline_orders')
        .selectAll()
        .where('order_id', '=', orderId)
        .executeTakeFirst(),

    /** Cases of the orders received since `since`, newest first (the catch-up after lost case events). */
    orderCasesSince: async (since: string, limit: number): Promise<string[]> =>
      (
        await db
          .selectFrom('hotline_orders')
          .select('case_id')
          .where('created_at', '>=', since)
          .orderBy('created_at', 'desc')
          .limit(limit)
          .execute()
      ).map((r) => r.case_id),

    /** Whether a case is a 12345 order we hold (a cheap test before reading the case's log). */
    isOrderCase: async (caseId: string): Promise<boolean> =>
      Boolean(
        await db
          .selectFrom('hotline_orders')
          .select('order_id')
          .where('case_id', '=', caseId)
          .executeTakeFirst(),
      ),

    /** Enqueues messages; one already there under the same key is left as it is. */
    async enqueue(rows: HotlineDeliveriesTable[]): Promise<number> {
      if (!rows.length) return 0;
      const r = await db
        .insertInto('hotline_deliveries')
        .values(rows)
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0);
    },

    /**
     * Due rows, oldest first, leaving out any row behind an earlier message of the same order that is still on its
     * way: the centre hears 接单 before 办理进度 before 回单, even across retries. (A dead row no longer holds the
     * order back; the administrator sees it in the log.)
     */
    dueIds: (now: string, limit: number) =>
      dueNow(now)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('hotline_deliveries as e')
                .select('e.id')
                .whereRef('e.order_id', '=', 'd.order_id')
                .where('e.status', 'in', ['pending', 'delivering'])
                .whereRef('e.seq', '<', 'd.seq'),
            ),
          ),
        )
        .select('d.id')
        .orderBy('d.next_attempt_at')
        .orderBy('d.seq')
        .limit(limit)
        .execute(),

    /**
     * Claims one row for one attempt: a single conditional UPDATE, so of several processes racing for it exactly one
     * sees a row changed (SQLite serialises writers; PostgreSQL re-checks the WHERE on the row the winner committed).
     */
    async claim(id: string, token: string, now: string, leaseUntil: string): Promise<boolean> {
      const r = await db
        .updateTable('hotline_deliveries')
        .set({ status: 'delivering', lease_token: token, lease_until: leaseUntil })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'delivering'), eb('lease_until', '<', now)]),
          ]),
        )
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    byId: (id: string) =>
      db.selectFrom('hotline_deliveries').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Records an attempt's outcome, only while the attempt still holds its lease. */
    async finish(
      id: string,
      token: string,
      patch: Pick<
        HotlineDeliveriesTable,
        | 'status'
        | 'attempts'
        | 'next_attempt_at'
        | 'last_error'
        | 'last_status_code'
        | 'delivered_at'
      >,
    ): Promise<boolean> {
      const r = await db
        .updateTable('hotline_deliveries')
        .set({ ...patch, lease_token: null, lease_until: null })
        .where('id', '=', id)
        .where('lease_token', '=', token)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async list(f: {
      status?: string | undefined;
      orderId?: string | undefined;
      limit: number;
      offset: number;
    }) {
      let q = db.selectFrom('hotline_deliveries');
      if (f.status) q = q.where('status', '=', f.status);
      if (f.orderId) q = q.where('order_id', '=', f.orderId);
      const [items, count] = await Promise.all([
        q
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('seq', 'desc')
          .limit(f.limit)
          .offset(f.offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** Sends a row again from the next worker pass: back to pending, a fresh round of attempts. */
    async redeliver(id: string, now: string): Promise<boolean> {
      const r = await db
        .updateTable('hotline_deliveries')
        .set({
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          lease_token: null,
          lease_until: null,
        })
        .where('id', '=', id)
        .where('status', '!=', 'delivering')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type HotlineRepo = ReturnType<typeof createHotlineRepo>;
