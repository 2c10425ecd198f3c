import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { AuditLogTable } from './audit.tables';

// The audit log is append-only: this repo has no update or delete.
export function createAuditRepo(db: Kysely<DB>) {
  return {
    async insert(row: AuditLogTable): Promise<void> {
      await db.insertInto('audit_log').values(row).execute();
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
