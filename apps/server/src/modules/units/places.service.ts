import {
  PLACE_INSPECTION_DAYS,
  type CreatePlaceRequest,
  type Place,
  type PlaceList,
  type PlaceListQuery,
  type PlaceType,
  type UnmaskedPlace,
  type UnmaskPlaceRequest,
  type UpdatePlaceRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { assertActionInScope, FULL_SCOPE } from '../../core/auth/area-scope';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { RegistryContext } from './registry-context';
import { addDays, blankToNull, sealPhone, shanghaiDate } from './unit-model';
import { resolveLocation } from './unit-location';
import { presentPlace } from './units.presenter';
import type { PlacesTable } from './units.tables';

/** 重点场所: records with a responsible person and a periodic inspection schedule. */
export function createPlacesService(ctx: RegistryContext) {
  const { deps, places: repo } = ctx;

  async function present(rows: PlacesTable[], fullNames: boolean): Promise<Place[]> {
    const unitIds = [...new Set(rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])))];
    const [pc, units] = await Promise.all([
      ctx.presentContext(rows, fullNames),
      ctx.units.names(unitIds),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    return rows.map((r) =>
      presentPlace(r, pc, r.unit_id ? (unitNames.get(r.unit_id) ?? null) : null),
    );
  }

  /** A linked unit must be the caller's to see (else 404, as if unknown); its premises can lie elsewhere in their scope. */
  async function checkUnit(actor: Actor, unitId: string | null | undefined) {
    if (unitId && !(await ctx.units.findById(actor.scope, unitId)))
      throw new AppError('not_found', '关联单位不存在', { field: 'unitId' });
  }

  async function forAction(actor: Actor, id: string): Promise<PlacesTable> {
    const row = await repo.findById(FULL_SCOPE, id);
    if (!row) throw notFound('场所');
    assertActionInScope(actor.scope, row.grid_code);
    return row;
  }

  async function readable(actor: Actor, id: string): Promise<PlacesTable> {
    const row = await repo.findById(actor.scope, id);
    if (!row) throw notFound('场所');
    return row;
  }

  return {
    async list(actor: Actor, q: PlaceListQuery): Promise<PlaceList> {
      const [rows, total] = await Promise.all([
        repo.list(actor.scope, q, q),
        repo.count(actor.scope, q),
      ]);
      return { items: await present(rows, false), total };
    },

    async get(actor: Actor, id: string): Promise<Place> {
      return (await present([await readable(actor, id)], true))[0]!;
    },

    async create(actor: Actor, input: CreatePlaceRequest): Promise<Place> {
      const where = await resolveLocation(deps, actor, input);
      await checkUnit(actor, input.unitId);
      const interval = input.inspectionIntervalDays ?? PLACE_INSPECTION_DAYS[input.placeType];
      const phone = sealPhone(deps.cipher, input.responsiblePhone) ?? { enc: null, hash: null };
      const now = ctx.nowIso();
      const row: PlacesTable = {
        id: newId(),
        name: input.name,
        place_type: input.placeType,
        unit_id: input.unitId ?? null,
        responsible_name: blankToNull(input.responsibleName) ?? null,
        responsible_phone_enc: phone.enc,
        responsible_phone_hash: phone.hash,
        ...where,
        inspection_interval_days: interval,
        // As for units: registration is a site visit, the first inspection one interval later.
        next_inspection_due: addDays(ctx.today(), interval),
        last_inspected_at: null,
        remarks: blankToNull(input.remarks) ?? null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await deps.db.transaction().execute(async (tx) => {
        await repo.insert(tx, row);
        await ctx.recordChange(
          actor,
          'place',
          row.id,
          { op: 'create', fields: Object.keys(input) },
          tx,
        );
      });
      return this.get(actor, row.id);
    },

    async update(actor: Actor, id: string, input: UpdatePlaceRequest): Promise<Place> {
      const row = await forAction(actor, id);
      if (row.version !== input.version) throw ctx.conflict('场所', row.version);
      const { version: _v, ...changes } = input;
      const where = await resolveLocation(deps, actor, changes, row);
      if (changes.unitId !== undefined && changes.unitId !== row.unit_id)
        await checkUnit(actor, changes.unitId);
      const placeType = changes.placeType ?? (row.place_type as PlaceType);
      // null asks for the type's default again; a new type keeps a chosen interval, but moves a default one.
      const interval =
        changes.inspectionIntervalDays !== undefined
          ? (changes.inspectionIntervalDays ?? PLACE_INSPECTION_DAYS[placeType])
          : row.inspection_interval_days === PLACE_INSPECTION_DAYS[row.place_type as PlaceType]
            ? PLACE_INSPECTION_DAYS[placeType]
            : row.inspection_interval_days;
      const next: Partial<PlacesTable> = {
        ...where,
        place_type: placeType,
        inspection_interval_days: interval,
      };
      if (changes.name !== undefined) next.name = changes.name;
      if (changes.unitId !== undefined) next.unit_id = changes.unitId;
      if (changes.responsibleName !== undefined)
        next.responsible_name = blankToNull(changes.responsibleName) ?? null;
      if (changes.remarks !== undefined) next.remarks = blankToNull(changes.remarks) ?? null;
      const phone = sealPhone(deps.cipher, changes.responsiblePhone);
      if (phone && phone.hash !== row.responsible_phone_hash)
        Object.assign(next, {
          responsible_phone_enc: phone.enc,
          responsible_phone_hash: phone.hash,
        });
      const patch: Partial<PlacesTable> = {};
      for (const [k, v] of Object.entries(next) as [keyof PlacesTable, unknown][])
        if (row[k] !== v) Object.assign(patch, { [k]: v });
      if (patch.inspection_interval_days !== undefined)
        patch.next_inspection_due = addDays(
          shanghaiDate(new Date(row.last_inspected_at ?? row.created_at)),
          interval,
        );
      if (Object.keys(patch).length === 0) return this.get(actor, id);
      await deps.db.transaction().execute(async (tx) => {
        if (
          !(await repo.updateIfVersion(tx, id, row.version, {
            ...patch,
            version: row.version + 1,
            updated_at: ctx.nowIso(),
          }))
        )
          throw ctx.conflict('场所', row.version);
        await ctx.recordChange(
          actor,
          'place',
          id,
          { op: 'update', fields: Object.keys(patch) },
          tx,
        );
      });
      return this.get(actor, id);
    },

    /** Full phone of the responsible person, with the reason audited. */
    async unmask(
      actor: Actor,
      id: string,
      input: UnmaskPlaceRequest,
      ip: string | null,
    ): Promise<UnmaskedPlace> {
      const row = await readable(actor, id);
      await deps.audit.record({
        action: 'personal_data_viewed',
        actor,
        targetType: 'place',
        targetId: id,
        areaCode: row.grid_code,
        ip,
        detail: { fields: ['responsiblePhone'], reason: input.reason },
      });
      return {
        responsiblePhone: row.responsible_phone_enc
          ? deps.cipher.decrypt(row.responsible_phone_enc)
          : null,
      };
    },
  };
}
export type PlacesService = ReturnType<typeof createPlacesService>;
