import type {
  AddUnitEmployeeRequest,
  CreateUnitRequest,
  UnitDetail,
  UnitList,
  UnitListQuery,
  UnitSearchRequest,
  UnitType,
  UnmaskUnitRequest,
  UnmaskedUnit,
  UpdateUnitRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import {
  assertActionInScope,
  FULL_SCOPE,
  inScope,
  referenceInScope,
} from '../../core/auth/area-scope';
import { AppError, conflictElsewhere, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { createInspectionsService } from './inspections.service';
import { createPlacesService } from './places.service';
import { createRegistryContext, type RegistryContext, type UnitsDeps } from './registry-context';
import { phoneHash } from './unit-model';
import { resolveLocation } from './unit-location';
import { identifiersOf, newUnitRow, unitPatch, type Identifiers } from './unit-rows';
import { createUnitsExport } from './units-export';
import { createUnitsUpsert } from './units-upsert';
import { presentEmployee, presentUnit } from './units.presenter';
import type { UnitsTable } from './units.tables';
import { createUnitsFigures } from './units-figures.repo';

const IDENTIFIER_FIELDS = {
  credit_code: ['creditCode', '统一社会信用代码'],
  registration_no: ['registrationNo', '注册号'],
} as const;

/** 实有单位: records, employees and audited unmasking. */
function createUnitRecordsService(ctx: RegistryContext) {
  const { deps, units: repo } = ctx;

  /**
   * Refuses an identifier another unit holds. Inside the caller's scope the answer names that unit; outside it
   * only says it exists elsewhere, so a reader learns nothing about records beyond their scope.
   */
  async function assertIdentifiersFree(actor: Actor, ids: Identifiers, selfId: string | null) {
    for (const column of ['credit_code', 'registration_no'] as const) {
      const value = ids[column];
      if (!value) continue;
      const other = await repo.findByIdentifier(column, value);
      if (!other || other.id === selfId) continue;
      const [field, label] = IDENTIFIER_FIELDS[column];
      const known = inScope(actor.scope, other.grid_code);
      if (!known) throw conflictElsewhere(field);
      throw new AppError('duplicate', `${label} ${value} 已登记为单位「${other.name}」`, {
        field,
        details: { id: other.id, name: other.name },
      });
    }
  }

  async function detail(actor: Actor, row: UnitsTable): Promise<UnitDetail> {
    const [pc, employees] = await Promise.all([
      ctx.presentContext([row], true),
      repo.employees(row.id),
    ]);
    const people = new Map(
      (employees.length
        ? await deps.personRefs([...new Set(employees.map((e) => e.person_id))])
        : []
      ).map((p) => [p.id, p.maskedName]),
    );
    return {
      ...presentUnit(row, pc),
      employees: employees.map((e) => presentEmployee(e, people.get(e.person_id) ?? null)),
    };
  }

  /** A unit the caller may act on: 404 when it does not exist, 403 when it lies outside their scope. */
  async function forAction(actor: Actor, id: string): Promise<UnitsTable> {
    const row = await repo.findById(FULL_SCOPE, id);
    if (!row) throw notFound('单位');
    assertActionInScope(actor.scope, row.grid_code);
    return row;
  }

  async function listBy(actor: Actor, q: UnitListQuery, phoneHashed?: string): Promise<UnitList> {
    const filter = { ...q, phoneHash: phoneHashed };
    const [rows, total] = await Promise.all([
      repo.list(actor.scope, filter, q),
      repo.count(actor.scope, filter),
    ]);
    const pc = await ctx.presentContext(rows, false);
    return { items: rows.map((r) => presentUnit(r, pc)), total };
  }

  async function readable(actor: Actor, id: string): Promise<UnitsTable> {
    const row = await repo.findById(actor.scope, id);
    if (!row) throw notFound('单位');
    return row;
  }

  return {
    list: (actor: Actor, q: UnitListQuery): Promise<UnitList> => listBy(actor, q),

    /** The list narrowed to one full phone: a personal search (personal.unmask, reason, audit, rate limit). */
    search(actor: Actor, body: UnitSearchRequest, ip: string | null): Promise<UnitList> {
      const { phone, reason, ...q } = body;
      const hash = phoneHash(deps.cipher, phone);
      const what = { module: 'units', field: 'phone', reason, valueHash: hash };
      return deps.audit.personalSearch(
        actor,
        what,
        ip,
        () => listBy(actor, q, hash),
        (r) => r.total,
      );
    },

    async get(actor: Actor, id: string): Promise<UnitDetail> {
      return detail(actor, await readable(actor, id));
    },

    async create(actor: Actor, input: CreateUnitRequest): Promise<UnitDetail> {
      const ids = identifiersOf(input, input.unitType);
      const where = await resolveLocation(deps, actor, input);
      await assertIdentifiersFree(actor, ids, null);
      const row = newUnitRow(newId(), input, ids, where, deps.cipher, ctx.nowIso(), ctx.today());
      try {
        await deps.db.transaction().execute(async (tx) => {
          await repo.insert(tx, row);
          await ctx.recordChange(
            actor,
            'unit',
            row.id,
            { op: 'create', fields: Object.keys(input) },
            tx,
          );
        });
      } catch (err) {
        // A concurrent registration of the same code loses on the unique index.
        await assertIdentifiersFree(actor, ids, null);
        throw err;
      }
      return detail(actor, row);
    },

    async update(actor: Actor, id: string, input: UpdateUnitRequest): Promise<UnitDetail> {
      const row = await forAction(actor, id);
      if (row.version !== input.version) throw ctx.conflict('单位', row.version);
      const { version: _v, ...changes } = input;
      const ids = identifiersOf(changes, changes.unitType ?? (row.unit_type as UnitType), row);
      const where = await resolveLocation(deps, actor, changes, row);
      await assertIdentifiersFree(actor, ids, row.id);
      const patch = unitPatch(row, changes, ids, where, deps.cipher);
      if (Object.keys(patch).length === 0) return detail(actor, row);
      const next = { ...row, ...patch, version: row.version + 1, updated_at: ctx.nowIso() };
      try {
        await deps.db.transaction().execute(async (tx) => {
          if (
            !(await repo.updateIfVersion(tx, id, row.version, {
              ...patch,
              version: next.version,
              updated_at: next.updated_at,
            }))
          )
            throw ctx.conflict('单位', row.version);
          await ctx.recordChange(
            actor,
            'unit',
            id,
            { op: 'update', fields: Object.keys(patch) },
            tx,
          );
        });
      } catch (err) {
        if (!(err instanceof AppError)) await assertIdentifiersFree(actor, ids, row.id);
        throw err;
      }
      return detail(actor, next);
    },

    async addEmployee(
      actor: Actor,
      id: string,
      input: AddUnitEmployeeRequest,
    ): Promise<UnitDetail> {
      const row = await forAction(actor, id);
      const [ref] = await deps.personRefs([input.personId]);
      referenceInScope(actor.scope, ref, (p) => p.gridCode ?? p.communityCode, '人员', 'personId');
      const from = input.from ?? ctx.today();
      if (input.to && input.to < from)
        throw new AppError('validation_failed', '离职日期不能早于入职日期', { field: 'to' });
      if (!input.to && (await repo.findCurrentEmployment(id, input.personId)))
        throw new AppError('duplicate', '该人员已是本单位在职从业人员', { field: 'personId' });
      await deps.db.transaction().execute(async (tx) => {
        await repo.insertEmployee(tx, {
          id: newId(),
          unit_id: id,
          person_id: input.personId,
          position: input.position ?? null,
          from_date: from,
          to_date: input.to ?? null,
          created_at: ctx.nowIso(),
        });
        await ctx.recordChange(
          actor,
          'unit',
          id,
          { op: 'employee_added', personId: input.personId },
          tx,
        );
      });
      return detail(actor, row);
    },

    async removeEmployee(actor: Actor, id: string, employeeId: string): Promise<UnitDetail> {
      const row = await forAction(actor, id);
      const employee = await repo.findEmployee(id, employeeId);
      if (!employee) throw notFound('从业人员记录');
      await deps.db.transaction().execute(async (tx) => {
        await repo.deleteEmployee(tx, employeeId);
        await ctx.recordChange(
          actor,
          'unit',
          id,
          { op: 'employee_removed', personId: employee.person_id },
          tx,
        );
      });
      return detail(actor, row);
    },

    /** Full phone numbers of one unit, with the reason audited (personal data, docs/domain.md §10). */
    async unmask(
      actor: Actor,
      id: string,
      input: UnmaskUnitRequest,
      ip: string | null,
    ): Promise<UnmaskedUnit> {
      const row = await readable(actor, id);
      const plain = (enc: string | null) => (enc ? deps.cipher.decrypt(enc) : null);
      const out: UnmaskedUnit = {};
      for (const field of new Set(input.fields)) {
        if (field === 'legalRepPhone') out.legalRepPhone = plain(row.legal_rep_phone_enc);
        else out.contactPhone = plain(row.contact_phone_enc);
      }
      await deps.audit.record({
        action: 'personal_data_viewed',
        actor,
        targetType: 'unit',
        targetId: id,
        areaCode: row.grid_code,
        ip,
        detail: { fields: [...new Set(input.fields)], reason: input.reason },
      });
      return out;
    },
  };
}

/**
 * The registry of 实有单位 and 重点场所 with their inspections. Other modules are reached only through `deps`.
 * `upsertUnits(actor, rows, trx?)` is the entry point of the spreadsheet import.
 */
export function createUnitsService(deps: UnitsDeps) {
  const ctx = createRegistryContext(deps);
  return {
    ...createUnitRecordsService(ctx),
    ...createUnitsUpsert(ctx),
    exportUnits: createUnitsExport(ctx),
    places: createPlacesService(ctx),
    inspections: createInspectionsService(ctx),
    /** Counts of units, places and inspections for the registry figures (scope narrowed by the caller). */
    figureCounts: createUnitsFigures(deps.db),
  };
}
export type UnitsService = ReturnType<typeof createUnitsService>;
