import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { AuditLogTable } from './audit.tables';

// The audit log is append-only: this repo has no update or delete.
export function createAuditRepo(db: Kysely<DB>) {
  return {
    async insert(row: AuditLogTable): Promise<void> {
      await db.insertInto('audit_log').values(row).execute();
    },
    /** How many entries of one action a user wrote since a time (the per-user limit of personal searches). */
    async countRecent(actorId: string, action: string, since: string): Promise<number> {
      const r = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('actor_id', '=', actorId)
        .where('action', '=', action)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    list(q: { action?: string | undefined; before?: string | undefined; limit: number }) {
      let query = db.selectFrom('audit_log').selectAll();
      if (q.action) query = query.where('action', '=', q.action);
      if (q.before) query = query.where('id', '<', q.before);
      return query.orderBy('id', 'desc').limit(q.limit).execute();
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
