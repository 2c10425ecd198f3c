import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { codeInScope } from '../../core/db/scope-filter';
import type { AuditLogTable } from './audit.tables';

/** The filters after validation: dates turned into the UTC instants of Beijing days. */
export interface AuditQuery {
  actions?: string[] | undefined;
  excludeActions?: readonly string[] | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  areaCode?: string | undefined;
  /** Inclusive start and exclusive end, ISO instants. */
  fromAt?: string | undefined;
  toAt?: string | undefined;
}

type AuditQb = SelectQueryBuilder<DB, 'audit_log', object>;

/**
 * The viewer sees the entries filed under their areas; a full-scope viewer also sees the city-wide ones (null area).
 * An area filter narrows within that.
 */
function filtered(qb: AuditQb, scope: AreaScope, q: AuditQuery): AuditQb {
  let query = qb;
  if (!scope.all)
    query = query.where((eb: ExpressionBuilder<DB, 'audit_log'>) =>
      codeInScope(eb, 'audit_log.area_code', scope),
    );
  if (q.areaCode) query = query.where('area_code', 'like', `${q.areaCode}%`);
  if (q.actions?.length) query = query.where('action', 'in', q.actions);
  if (q.excludeActions?.length) query = query.where('action', 'not in', [...q.excludeActions]);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.fromAt) query = query.where('at', '>=', q.fromAt);
  if (q.toAt) query = query.where('at', '<', q.toAt);
  return query;
}

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
    /** Newest first (ids are UUIDv7, so id order is time order); `before` pages by id, `offset` by position. */
    list(
      scope: AreaScope,
      q: AuditQuery,
      page: { limit: number; offset?: number | undefined; before?: string | undefined },
    ): Promise<AuditLogTable[]> {
      let query = filtered(db.selectFrom('audit_log'), scope, q);
      if (page.before) query = query.where('id', '<', page.before);
      return query
        .selectAll()
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset ?? 0)
        .execute();
    },
    async count(scope: AreaScope, q: AuditQuery): Promise<number> {
      const r = await filtered(db.selectFrom('audit_log'), scope, q)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Who wrote entries the viewer can see, for the actor filter (each with the name of their latest entry). */
    async actors(scope: AreaScope): Promise<{ id: string; name: string }[]> {
      const rows = await filtered(db.selectFrom('audit_log'), scope, {})
        .where('actor_id', 'is not', null)
        .select((eb) => ['actor_id', eb.fn.max('actor_name').as('name')])
        .groupBy('actor_id')
        .orderBy('name')
        .limit(1000)
        .execute();
      return rows.map((r) => ({ id: r.actor_id!, name: String(r.name ?? r.actor_id) }));
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
