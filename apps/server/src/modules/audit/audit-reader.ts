import {
  AUDIT_LOGIN_ACTIONS,
  type AuditEntry,
  type AuditExportQuery,
  type AuditFilter,
  type AuditListQuery,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { FULL_SCOPE, inScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import { AppError, invalid } from '../../core/errors';
import type { AuditQuery, AuditRepo } from './audit.repo';
import type { AuditLogTable } from './audit.tables';
import type { AuditEvent } from './audit.service';
import type { TargetNamers } from './audit-target-names';
import { auditWorkbook } from './audit-workbook';

/** Rows in one export; a wider one is refused with the field to narrow. */
export const AUDIT_EXPORT_MAX = 20_000;

/** A Beijing calendar day's first instant, as the UTC text the log stores. */
const dayStart = (day: string): string => new Date(`${day}T00:00:00+08:00`).toISOString();
const nextDayStart = (day: string): string =>
  new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

/** Checks the filters against the viewer and turns them into the repo's query. */
export function toQuery(viewer: Actor, f: AuditFilter): AuditQuery {
  if (f.from && f.to && f.from > f.to) throw invalid('to', '截止日期不能早于起始日期');
  // An area filter must meet the viewer's scope: inside it, or an ancestor of one of its roots.
  if (
    f.areaCode &&
    !inScope(viewer.scope, f.areaCode) &&
    !viewer.scope.prefixes.some((p) => p.startsWith(f.areaCode!))
  )
    throw new AppError('forbidden', '该区域超出您的管辖范围', { field: 'areaCode' });
  const actions = f.action ? [...new Set(f.action.split(','))] : undefined;
  return {
    actions,
    // Asking for a login action by name shows it whatever the toggle says.
    excludeActions: f.hideLogins === 'true' && !actions ? AUDIT_LOGIN_ACTIONS : undefined,
    actorId: f.actorId,
    targetType: f.targetType,
    targetId: f.targetId,
    areaCode: f.areaCode,
    fromAt: f.from ? dayStart(f.from) : undefined,
    toAt: f.to ? nextDayStart(f.to) : undefined,
  };
}

function parseDetail(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

interface ReaderDeps {
  repo: AuditRepo;
  clock: Clock;
  namers: () => TargetNamers;
  record(e: AuditEvent): Promise<void>;
}

export function createAuditReader(deps: ReaderDeps) {
  /** Names each entry's target within the viewer's scope, one call per target type. */
  async function present(viewer: Actor, rows: AuditLogTable[]): Promise<AuditEntry[]> {
    const namers = deps.namers();
    const idsByType = new Map<string, Set<string>>();
    for (const r of rows)
      if (r.target_type && r.target_id && namers[r.target_type])
        (
          idsByType.get(r.target_type) ??
          idsByType.set(r.target_type, new Set()).get(r.target_type)!
        ).add(r.target_id);
    const names = new Map<string, Map<string, string>>();
    for (const [type, ids] of idsByType) names.set(type, await namers[type]!([...ids], viewer));
    return rows.map((r) => {
      const named = r.target_type && r.target_id ? names.get(r.target_type) : undefined;
      const name = named?.get(r.target_id!) ?? null;
      return {
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        targetName: name,
        targetOutOfScope: named !== undefined && name === null,
        areaCode: r.area_code,
        ip: r.ip,
        detail: parseDetail(r.detail),
      };
    });
  }

  return {
    /** Entries of every area, newest first, as they are stored (tests and start-up checks read through this). */
    async list(q: { action?: string | undefined; before?: string | undefined; limit: number }) {
      const rows = await deps.repo.list(
        FULL_SCOPE,
        { actions: q.action ? [q.action] : undefined },
        { limit: q.limit, before: q.before },
      );
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        ip: r.ip,
        areaCode: r.area_code,
        detail: parseDetail(r.detail),
      }));
    },

    /** A page of entries the viewer may see, newest first, with the number of all that match. */
    async page(viewer: Actor, q: AuditListQuery): Promise<{ items: AuditEntry[]; total: number }> {
      const query = toQuery(viewer, q);
      const offset = q.page ? (q.page - 1) * q.limit : 0;
      const [rows, total] = await Promise.all([
        deps.repo.list(viewer.scope, query, { limit: q.limit, offset, before: q.before }),
        deps.repo.count(viewer.scope, query),
      ]);
      return { items: await present(viewer, rows), total };
    },

    /** Who wrote the entries the viewer may see (the actor filter's choices). */
    async actors(viewer: Actor) {
      return { items: await deps.repo.actors(viewer.scope) };
    },

    /** The filtered entries as a watermarked xlsx; the export is itself an audit entry, with its reason. */
    async exportXlsx(viewer: Actor, q: AuditExportQuery, ip: string | null) {
      const { reason: rawReason, ...filter } = q;
      const reason = rawReason?.trim() ?? '';
      if (reason.length < 2) throw invalid('reason', '请说明导出原因（至少 2 个字）');
      const query = toQuery(viewer, filter);
      const total = await deps.repo.count(viewer.scope, query);
      if (total > AUDIT_EXPORT_MAX)
        throw invalid(
          'from',
          `共 ${total} 条，超过单次导出上限 ${AUDIT_EXPORT_MAX} 条，请缩小日期范围`,
        );
      const rows = await deps.repo.list(viewer.scope, query, { limit: AUDIT_EXPORT_MAX });
      const entries = await present(viewer, rows);
      const at = deps.clock.now().toISOString();
      const content = await auditWorkbook(entries, viewer, at);
      await deps.record({
        action: 'audit_exported',
        actor: viewer,
        targetType: 'audit_log',
        ip,
        detail: { reason, rows: entries.length, filter },
      });
      return { content, fileName: `审计日志-${at.slice(0, 10)}.xlsx`, rows: entries.length };
    },
  };
}
