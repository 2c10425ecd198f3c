import type { Kysely, Transaction } from 'kysely';
import type { NotificationListQuery } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { audienceOf, notificationText, staffNoticeText } from './notification-text';
import { createNotificationsRepo } from './notifications.repo';
import type { NotificationsTable } from './notifications.tables';

export interface NotificationsDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Cases merged into any of these, with their reporters, read in the caller's transaction (cases module). */
  mergedInto(
    tx: Transaction<DB>,
    caseIds: string[],
  ): Promise<{ id: string; reporter_id: string | null }[]>;
}

/** A committed-with-the-transition outcome the reporter should hear of. */
export interface CaseNotice {
  caseId: string;
  caseNo: string;
  reporterId: string | null;
  /** The case action (close, accept, approve_request…) */
  about: string;
  /** The reason staff gave (不予受理, refused 重开…); citizens may see it */
  reason: string | null;
  at: string;
}

/** How many merge links are followed: a duplicate of a case later merged itself still hears of the outcome. */
const MAX_MERGE_DEPTH = 3;

const present = (r: NotificationsTable) => ({
  id: r.id,
  caseId: r.case_id,
  caseNo: r.case_no,
  about: r.about,
  text: r.text,
  createdAt: r.created_at,
  readAt: r.read_at,
});

export function createNotificationsService(deps: NotificationsDeps) {
  const repo = createNotificationsRepo(deps.db);

  async function inbox(recipient: string, q: NotificationListQuery) {
    const [rows, unread] = await Promise.all([
      repo.list(recipient, q),
      repo.unreadCount(recipient),
    ]);
    return { items: rows.map(present), unread };
  }

  return {
    /**
     * Delivers `notify → reporter` inside the transition's transaction, so a message exists exactly when the
     * change does: to the case's reporter and to the reporters of cases merged into it.
     */
    async deliverToReporters(tx: Transaction<DB>, n: CaseNotice): Promise<number> {
      const own = n.reporterId ? [n.reporterId] : [];
      const followers = new Set<string>();
      let level = [n.caseId];
      const seen = new Set(level);
      for (let depth = 0; depth < MAX_MERGE_DEPTH && level.length; depth++) {
        const rows = await deps.mergedInto(tx, level);
        level = rows.map((r) => r.id).filter((id) => !seen.has(id));
        for (const id of level) seen.add(id);
        for (const r of rows)
          if (r.reporter_id && !own.includes(r.reporter_id)) followers.add(r.reporter_id);
      }
      const rows: NotificationsTable[] = [
        ...own.map((recipient) => ({ recipient, isOwn: true })),
        ...[...followers].map((recipient) => ({ recipient, isOwn: false })),
      ].map(({ recipient, isOwn }) => ({
        id: newId(),
        recipient,
        case_id: n.caseId,
        case_no: n.caseNo,
        about: n.about,
        text: notificationText(n.about, {
          caseNo: n.caseNo,
          own: isOwn,
          reason: n.reason,
          audience: audienceOf(recipient),
        }),
        created_at: n.at,
        read_at: null,
      }));
      await repo.insertMany(tx, rows);
      return rows.length;
    },

    /** Tells staff (the leaders a 督办 escalated to) of a case event, inside the transition's transaction. */
    async deliverToStaff(
      tx: Transaction<DB>,
      recipients: readonly string[],
      n: Omit<CaseNotice, 'reporterId' | 'reason'>,
    ): Promise<number> {
      const rows: NotificationsTable[] = [...new Set(recipients)].map((recipient) => ({
        id: newId(),
        recipient,
        case_id: n.caseId,
        case_no: n.caseNo,
        about: n.about,
        text: staffNoticeText(n.about, n.caseNo),
        created_at: n.at,
        read_at: null,
      }));
      await repo.insertMany(tx, rows);
      return rows.length;
    },

    /** The caller's own messages, newest first, with the unread count for the badge. */
    list: (actor: Actor, q: NotificationListQuery) => inbox(actor.id, q),

    unreadCount: async (actor: Actor) => ({ unread: await repo.unreadCount(actor.id) }),

    async markRead(actor: Actor, id: string) {
      const row = await repo.findOwn(actor.id, id);
      // Someone else's message is as absent as a missing one.
      if (!row) throw notFound('消息');
      if (!row.read_at) await repo.markRead(actor.id, [id], deps.clock.now().toISOString());
      return present({ ...row, read_at: row.read_at ?? deps.clock.now().toISOString() });
    },

    async markAllRead(actor: Actor) {
      await repo.markRead(actor.id, 'all', deps.clock.now().toISOString());
      return { unread: 0 };
    },

    /** Messages of a citizen receipt (`citizen:<id>`), for the public tracking view. */
    forRecipient: async (recipient: string, limit = 50) =>
      (await repo.list(recipient, { limit, offset: 0 })).map(present),
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
