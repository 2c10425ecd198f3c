import type { CaseListQuery } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { AppError, notFound } from '../../core/errors';
import { bboxAround, haversineMetres } from '../areas';
import type { CasesContext } from './cases-context';
import type { QueueFilter } from './cases.repo';
import { presentEvent } from './cases.presenter';
import { parseCaseSearch } from './case-search';

/**
 * Reads: detail, the event log, the queue, and duplicates near a point. Each goes through the caller's
 * area scope in SQL (cases.policy's caseVisible is the same rule); a case outside it is "not found".
 */
export function createCaseQueries(ctx: CasesContext) {
  const { deps, repo, view } = ctx;

  async function get(actor: Actor, id: string) {
    const row = await repo.findById(actor.scope, id);
    if (!row) throw notFound('案件');
    return view(actor, row);
  }

  async function events(actor: Actor, id: string) {
    const row = await repo.findById(actor.scope, id);
    if (!row) throw notFound('案件');
    return (await repo.events(id)).map(presentEvent);
  }

  async function list(actor: Actor, q: CaseListQuery) {
    const rows = await repo.list(actor.scope, await queueFilter(actor, q));
    return Promise.all(rows.map((r) => view(actor, r)));
  }

  /** The queue's filters (also the export's): the search box and the reporter resolved here, the scope in the repo. */
  async function queueFilter(
    actor: Actor,
    q: Omit<CaseListQuery, 'limit' | 'offset'> & { limit: number; offset: number },
  ): Promise<QueueFilter> {
    return {
      states: q.state ? q.state.split(',') : undefined,
      open: q.open,
      classCode: q.classCode,
      areaCode: q.areaCode,
      // 本部门: an actor without a department matches none ('-' is no department's id).
      departmentId: q.mine === 'department' ? (actor.departmentId ?? '-') : q.departmentId,
      overdueBefore: q.overdue ? deps.clock.now().toISOString() : undefined,
      search: parseCaseSearch(q.q),
      reporterIds: q.reporter ? await reportersNamed(actor, q.reporter) : undefined,
      limit: q.limit,
      offset: q.offset,
    };
  }

  /**
   * 上报人: staff accounts whose name contains the text, among those the caller's scope covers. A name is personal,
   * so only roles that may look staff up (users.read: the centre, leaders, administrators) search by it; a full phone
   * is an unmasking and never a query parameter (the schema refuses digits).
   */
  async function reportersNamed(actor: Actor, text: string): Promise<string[]> {
    if (!actor.permissions.has('users.read'))
      throw new AppError('forbidden', '按上报人姓名查找需要查看人员信息的权限', {
        field: 'reporter',
      });
    if (!deps.lookups) return [];
    return deps.lookups.usersNamed(actor, text);
  }

  /**
   * 重复案件: open cases of the same class within the class's radius (default 50 m), nearest
   * first — offered at 受理 for 合并, and to reporters before they submit.
   */
  async function nearby(
    actor: Actor,
    q: { lng: number; lat: number; classCode: string; excludeId?: string | undefined },
  ) {
    const category = await deps.category(q.classCode);
    if (!category)
      throw new AppError('validation_failed', `分类 ${q.classCode} 不存在`, { field: 'classCode' });
    const radius = category.duplicateRadiusM || 50;
    const place = await deps.gridAt(q.lng, q.lat, 'wgs84');
    if (!place) return [];
    // The box finds candidates on the street's index; the exact distance then keeps those inside the circle.
    const rows = await repo.nearbyOpen(
      actor.scope,
      place.place.streetCode,
      q.classCode,
      bboxAround(q.lng, q.lat, radius),
      q.excludeId,
    );
    const withDistance = rows
      .map((r) => ({ row: r, distanceM: haversineMetres(q.lng, q.lat, r.lng, r.lat) }))
      .filter((x) => x.distanceM <= radius)
      .sort((a, b) => a.distanceM - b.distanceM);
    return Promise.all(
      withDistance.map(async (x) => ({
        distanceM: Math.round(x.distanceM),
        case: await view(actor, x.row),
      })),
    );
  }

  async function duplicatesOf(actor: Actor, id: string) {
    const row = await repo.findById(actor.scope, id);
    if (!row) throw notFound('案件');
    if (!row.class_code) return [];
    return nearby(actor, { lng: row.lng, lat: row.lat, classCode: row.class_code, excludeId: id });
  }

  return {
    get,
    events,
    list,
    queueFilter,
    nearby,
    duplicatesOf,
    /** Whether the actor may see an attachment because it belongs to a case they can read. */
    canViewAttachment: (actor: Actor, attachmentId: string) =>
      repo.attachmentVisible(actor.scope, attachmentId),
  };
}
