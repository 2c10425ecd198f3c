import {
  HAZARD_LEVEL_LABELS,
  type CreateInspectionRequest,
  type Hazard,
  type Inspection,
  type InspectionList,
  type InspectionListQuery,
  type OverdueInspectionList,
  type OverdueInspectionQuery,
  type RaiseHazardCaseRequest,
  type RaiseHazardCaseResponse,
} from '@wangge/shared';
import { can, type Actor } from '../../core/auth/actor';
import { assertActionInScope, FULL_SCOPE } from '../../core/auth/area-scope';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { RegistryContext } from './registry-context';
import { daysBetween, nextDueAfter, parseJsonArray, shanghaiDate } from './unit-model';
import { presentInspection } from './units.presenter';
import type { InspectionsTable, PlacesTable, UnitsTable } from './units.tables';

// A device clock a little ahead of the server's is not a future inspection.
const CLOCK_SKEW_MS = 5 * 60_000;

type Target = { kind: 'unit'; row: UnitsTable } | { kind: 'place'; row: PlacesTable };

/** 检查记录: inspections of units and places, the overdue list, and hazards raised as cases. */
export function createInspectionsService(ctx: RegistryContext) {
  const { deps, inspections: repo } = ctx;

  async function target(kind: 'unit' | 'place', id: string): Promise<Target | null> {
    if (kind === 'unit') {
      const row = await ctx.units.findById(FULL_SCOPE, id);
      return row ? { kind, row } : null;
    }
    const row = await ctx.places.findById(FULL_SCOPE, id);
    return row ? { kind, row } : null;
  }

  async function checkPhotos(actor: Actor, ids: readonly string[]) {
    if (ids.length === 0) return;
    const found = await deps.attachments([...ids]);
    if (found.length !== new Set(ids).size || found.some((a) => a.uploaderId !== actor.id))
      throw new AppError('validation_failed', '照片不存在或不是您上传的', { field: 'photos' });
  }

  return {
    /** Inspection photos are seen by whoever may read the registries of the inspected place. */
    canViewAttachment: async (actor: Actor, attachmentId: string) =>
      actor.permissions.has('registry.read') &&
      (await ctx.inspections.photoVisible(actor.scope, attachmentId)),

    async create(actor: Actor, input: CreateInspectionRequest): Promise<Inspection> {
      const t = await target(input.targetType, input.targetId);
      if (!t) throw new AppError('validation_failed', '检查对象不存在', { field: 'targetId' });
      assertActionInScope(actor.scope, t.row.grid_code);
      const now = deps.clock.now();
      const at = input.at ? new Date(input.at) : now;
      if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
        throw new AppError('validation_failed', '检查时间不能晚于当前时间', { field: 'at' });
      const day = shanghaiDate(at);
      for (const [i, h] of input.hazards.entries())
        if (h.rectifyBy && h.rectifyBy < day)
          throw new AppError('validation_failed', '整改期限不能早于检查日期', {
            field: `hazards.${i}.rectifyBy`,
          });
      await checkPhotos(actor, input.photos ?? []);

      const hazards: Hazard[] = input.hazards.map((h) => ({
        id: newId(),
        description: h.description,
        level: h.level,
        rectifyBy: h.rectifyBy ?? null,
        caseId: null,
      }));
      const row: InspectionsTable = {
        id: newId(),
        target_type: t.kind,
        target_id: t.row.id,
        target_name: t.row.name,
        inspector_id: actor.id,
        inspector_name: actor.displayName,
        at: at.toISOString(),
        result: input.result,
        findings: input.findings || null,
        hazards: JSON.stringify(hazards),
        photos: JSON.stringify([...new Set(input.photos ?? [])]),
        admin_code: t.row.admin_code,
        street_code: t.row.street_code,
        community_code: t.row.community_code,
        grid_code: t.row.grid_code,
        version: 1,
        created_at: now.toISOString(),
      };
      // A back-dated record joins the history without moving a schedule a later inspection already set.
      const latest = !t.row.last_inspected_at || row.at >= t.row.last_inspected_at;
      const interval = t.row.inspection_interval_days;
      const schedule = {
        last_inspected_at: row.at,
        next_inspection_due: interval
          ? nextDueAfter(
              day,
              interval,
              hazards.map((h) => h.rectifyBy),
            )
          : t.row.next_inspection_due,
      };
      await deps.db.transaction().execute(async (tx) => {
        await repo.insert(tx, row);
        if (!latest) return;
        if (t.kind === 'unit') await ctx.units.setSchedule(tx, t.row.id, schedule);
        else
          await ctx.places.setSchedule(tx, t.row.id, {
            ...schedule,
            next_inspection_due: schedule.next_inspection_due ?? t.row.next_inspection_due,
          });
      });
      return presentInspection(row);
    },

    async list(actor: Actor, q: InspectionListQuery): Promise<InspectionList> {
      const [rows, total] = await Promise.all([
        repo.list(actor.scope, q, q),
        repo.count(actor.scope, q),
      ]);
      return { items: rows.map(presentInspection), total };
    },

    /** Units and places whose next inspection was due before today (Shanghai), most overdue first. */
    async overdue(actor: Actor, q: OverdueInspectionQuery): Promise<OverdueInspectionList> {
      const today = ctx.today();
      const [rows, total] = await Promise.all([
        ctx.places.overdue(actor.scope, today, q, q),
        ctx.places.countOverdue(actor.scope, today, q),
      ]);
      const codes = [...new Set(rows.map((r) => r.grid_code))];
      const names = new Map(
        (codes.length ? await deps.areaRefs(codes) : []).map((a) => [a.code, a.name]),
      );
      const items = rows.map((r) => ({
        targetType: r.target_type as 'unit' | 'place',
        id: r.id,
        name: r.name,
        kind: r.kind,
        address: r.address,
        gridCode: r.grid_code,
        gridName: names.get(r.grid_code) ?? null,
        nextInspectionDue: r.due,
        lastInspectedAt: r.last_inspected_at,
        daysOverdue: daysBetween(r.due, today),
      }));
      return { items, total, today };
    },

    /**
     * 隐患上报: files a case for one hazard through the cases module, as the grid staff channel (巡查上报) at the
     * target's point, and links it on the hazard. The idempotency key makes a retry answer the same case.
     */
    async raiseCase(
      actor: Actor,
      id: string,
      input: RaiseHazardCaseRequest,
    ): Promise<RaiseHazardCaseResponse> {
      if (!can(actor, 'cases.report')) throw new AppError('forbidden', '您没有上报案件的权限');
      const row = await repo.findById(FULL_SCOPE, id);
      if (!row) throw notFound('检查记录');
      assertActionInScope(actor.scope, row.grid_code);
      const hazards = parseJsonArray<Hazard>(row.hazards);
      const hazard = hazards.find((h) => h.id === input.hazardId);
      if (!hazard) throw new AppError('validation_failed', '隐患不存在', { field: 'hazardId' });
      const linked = (h: Hazard) =>
        new AppError('duplicate', '该隐患已生成案件', {
          field: 'hazardId',
          details: { caseId: h.caseId },
        });
      if (hazard.caseId) throw linked(hazard);
      const t = await target(row.target_type as 'unit' | 'place', row.target_id);
      if (!t) throw notFound('检查对象');
      if (t.row.lng == null || t.row.lat == null)
        throw new AppError(
          'validation_failed',
          '检查对象没有地图坐标，无法定位案件；请先在地图上标注位置',
          { field: 'hazardId' },
        );
      const photos = parseJsonArray<string>(row.photos);
      const created = await deps.reportCase(actor, {
        lng: t.row.lng,
        lat: t.row.lat,
        crs: 'wgs84',
        address: t.row.address,
        description:
          input.description ??
          `【检查隐患·${HAZARD_LEVEL_LABELS[hazard.level].zh}】${row.target_name}：${hazard.description}`,
        classCode: input.classCode,
        source: 'patrol',
        urgent: input.urgent ?? hazard.level === 'major',
        idempotencyKey: `hazard-${hazard.id}`,
        // The case module accepts only the reporter's own photos; the inspector's go along when they raise it.
        ...(photos.length && row.inspector_id === actor.id ? { photos: photos.slice(0, 20) } : {}),
      });
      const next = hazards.map((h) => (h.id === hazard.id ? { ...h, caseId: created.id } : h));
      if (!(await repo.updateHazardsIfVersion(deps.db, id, row.version, JSON.stringify(next)))) {
        const now = await repo.findById(FULL_SCOPE, id);
        const won = now && parseJsonArray<Hazard>(now.hazards).find((h) => h.id === hazard.id);
        throw won?.caseId ? linked(won) : ctx.conflict('检查记录', now?.version ?? row.version);
      }
      const inspection = presentInspection({
        ...row,
        hazards: JSON.stringify(next),
        version: row.version + 1,
      });
      return { inspection, caseId: created.id, caseNo: created.caseNo };
    },
  };
}
export type InspectionsService = ReturnType<typeof createInspectionsService>;
