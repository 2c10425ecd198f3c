import type { Kysely } from 'kysely';
import {
  COMPONENT_GEOJSON_LIMIT,
  LEGACY_COMPONENT_CODE_PATTERN,
  type ChangeComponentStatusRequest,
  type Component,
  type ComponentDetail,
  type ComponentFeatureCollection,
  type ComponentGeoJsonQuery,
  type ComponentImportReport,
  type ComponentListQuery,
  type ComponentStatus,
  type CreateComponentRequest,
  type Crs,
  type ImportComponentsRequest,
  type UpdateComponentRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { assertActionInScope, FULL_SCOPE, inScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import {
  codeProblems,
  dateProblem,
  newComponentRow,
  registrationEntry,
  type ComponentClass,
  type Located,
} from './component-model';
import { createComponentsRepo } from './components.repo';
import type { ComponentsTable } from './components.tables';
import { presentComponent, presentStatusChange, type NameLookup } from './components.presenter';
import { planComponentImport } from './import-plan';
import { readCsv, readGeoJson } from './import-read';
import type { AreaRefs, GridOfPoint } from '../areas';

/** What the registry asks of other modules; wired in createServices. */
export interface ComponentsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Pick<AuditService, 'record'>;
  /** The unit grid of a point (areas module), whatever the caller's scope. */
  gridAt: GridOfPoint;
  /** Every class of kind 'component' in the category dictionary, with its own active flag. */
  componentClasses(): Promise<{ code: string; name: string; active: boolean }[]>;
  areaRefs: AreaRefs;
  /** Whether a case exists (cases module), to check the caseId of a status change. */
  caseExists(id: string): Promise<boolean>;
}

/** Who changed a condition: a request's actor, or the case engine's. */
export interface StatusActor {
  id: string;
  displayName?: string | null;
}

type Db = Kysely<DB>;

/** The 部件 registry: GB/T 47678.5-2026 表2 records, located in the grid, with their condition history. */
export function createComponentsService(deps: ComponentsDeps) {
  const repo = createComponentsRepo(deps.db);
  const nowIso = () => deps.clock.now().toISOString();
  const conflict = (row: { version: number }) =>
    new AppError('conflict', '部件已被他人修改，请刷新后重试', {
      details: { version: row.version },
    });

  /** 小类 (5 digits) of the dictionary; active only when its 大类 is active too. */
  async function classes(): Promise<Map<string, ComponentClass>> {
    const all = await deps.componentClasses();
    const activeMajor = new Set(
      all.filter((c) => c.code.length === 2 && c.active).map((c) => c.code),
    );
    return new Map(
      all
        .filter((c) => /^\d{5}$/.test(c.code))
        .map((c) => [
          c.code,
          { code: c.code, name: c.name, active: c.active && activeMajor.has(c.code.slice(0, 2)) },
        ]),
    );
  }

  async function names(rows: readonly ComponentsTable[]): Promise<NameLookup> {
    if (rows.length === 0) return { className: () => null, areaName: () => null };
    const codes = new Set(rows.flatMap((r) => [r.street_code, r.community_code, r.grid_code]));
    const [cls, refs] = await Promise.all([classes(), deps.areaRefs([...codes])]);
    const areas = new Map(refs.map((a) => [a.code, a.name]));
    return { className: (c) => cls.get(c)?.name ?? null, areaName: (c) => areas.get(c) ?? null };
  }

  const present = async (rows: ComponentsTable[]) => {
    const n = await names(rows);
    return rows.map((r) => presentComponent(r, n));
  };

  /** Locates a point for a record the caller writes: inside a grid (400) and inside their scope (403). */
  async function locateFor(actor: Actor, lng: number, lat: number, crs: Crs): Promise<Located> {
    const at = await deps.gridAt(lng, lat, crs);
    if (!at) throw new AppError('validation_failed', '该位置不在任何网格内', { field: 'lng' });
    if (!inScope(actor.scope, at.place.gridCode))
      throw new AppError('forbidden', '该位置不在您的管辖范围内');
    return at;
  }

  async function assertLegacyFree(legacyCode: string, selfId: string | null) {
    const other = await repo.findByLegacyCode(legacyCode);
    if (other && other.id !== selfId)
      throw new AppError('duplicate', `旧标识码 ${legacyCode} 已是部件 ${other.code} 的别名`, {
        field: 'legacyCode',
      });
  }

  /** A condition change and its history entry, in one transaction; fails on a concurrent change. */
  async function writeStatus(
    row: ComponentsTable,
    status: ComponentStatus,
    reason: string,
    caseId: string | null,
    actor: StatusActor,
    db: Db = deps.db,
  ) {
    const at = nowIso();
    const next: ComponentsTable = { ...row, status, version: row.version + 1, updated_at: at };
    const work = async (tx: Db) => {
      if (
        !(await repo.updateIfVersion(tx, row.id, row.version, {
          status,
          version: next.version,
          updated_at: at,
        }))
      )
        throw conflict(row);
      await repo.appendHistory(tx, {
        id: newId(),
        component_id: row.id,
        from_status: row.status,
        to_status: status,
        reason,
        case_id: caseId,
        actor_id: actor.id,
        actor_name: actor.displayName ?? null,
        at,
      });
    };
    // A caller's transaction (the case engine closing a case) is joined rather than nested.
    await (db === deps.db ? deps.db.transaction().execute(work) : work(db));
    return next;
  }

  /** Registry changes by people are audited in the write's transaction (the case engine's are in the case log). */
  function record(
    tx: Db,
    actor: Actor,
    ip: string | null,
    targetId: string,
    detail: Record<string, unknown>,
  ) {
    return deps.audit.record(
      { action: 'component_changed', actor, targetType: 'component', targetId, ip, detail },
      tx,
    );
  }

  return {
    async list(
      actor: Actor,
      q: ComponentListQuery,
    ): Promise<{ items: Component[]; total: number }> {
      const filter = {
        classCode: q.classCode,
        status: q.status,
        areaCode: q.areaCode,
        bbox: q.bbox,
      };
      const [rows, total] = await Promise.all([
        repo.list(actor.scope, filter, q),
        repo.count(actor.scope, filter),
      ]);
      return { items: await present(rows), total };
    },

    /** A map layer: points only, at most COMPONENT_GEOJSON_LIMIT, saying when there were more. */
    async geojson(actor: Actor, q: ComponentGeoJsonQuery): Promise<ComponentFeatureCollection> {
      const rows = await repo.points(actor.scope, q, COMPONENT_GEOJSON_LIMIT);
      return {
        type: 'FeatureCollection',
        features: rows.slice(0, COMPONENT_GEOJSON_LIMIT).map((r) => ({
          type: 'Feature' as const,
          id: r.id,
          geometry: { type: 'Point' as const, coordinates: [r.lng, r.lat] as [number, number] },
          properties: {
            id: r.id,
            code: r.code,
            name: r.name,
            classCode: r.class_code,
            status: r.status as ComponentStatus,
          },
        })),
        limit: COMPONENT_GEOJSON_LIMIT,
        truncated: rows.length > COMPONENT_GEOJSON_LIMIT,
      };
    },

    async get(actor: Actor, id: string): Promise<ComponentDetail> {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('部件');
      const [[component], history] = await Promise.all([present([row]), repo.history(id)]);
      return { ...component!, history: history.map(presentStatusChange) };
    },

    async create(
      actor: Actor,
      input: CreateComponentRequest,
      ip: string | null = null,
    ): Promise<ComponentDetail> {
      const at = await locateFor(actor, input.lng, input.lat, input.crs);
      const problem =
        codeProblems(input, at.place.adminCode, await classes())[0] ??
        dateProblem(input.initialDate, input.changeDate);
      if (problem)
        throw new AppError(
          problem.field === 'changeDate' ? 'validation_failed' : 'invalid_code',
          problem.reason,
          { field: problem.field },
        );
      const duplicate = () =>
        new AppError('duplicate', `标识码 ${input.code} 已登记`, { field: 'code' });
      if (await repo.findByCode(input.code)) throw duplicate();
      if (input.legacyCode) await assertLegacyFree(input.legacyCode, null);
      const now = nowIso();
      const row = newComponentRow(newId(), input, at, now);
      try {
        await deps.db.transaction().execute(async (tx) => {
          await repo.insertMany(tx, [row], [registrationEntry(newId(), row, actor, '登记', now)]);
          await record(tx, actor, ip, row.id, {
            change: 'created',
            summary: `登记部件 ${row.code} ${row.name}（网格 ${row.grid_code}）`,
            code: row.code,
          });
        });
      } catch (err) {
        // A concurrent registration of the same code loses on the unique index.
        if (await repo.findByCode(input.code)) throw duplicate();
        if (input.legacyCode) await assertLegacyFree(input.legacyCode, null);
        throw err;
      }
      return this.get(actor, row.id);
    },

    /** Attributes and location; the code and condition change only through their own rules. */
    async update(
      actor: Actor,
      id: string,
      input: UpdateComponentRequest,
      ip: string | null = null,
    ): Promise<ComponentDetail> {
      const row = await repo.findById(FULL_SCOPE, id);
      if (!row) throw notFound('部件');
      assertActionInScope(actor.scope, row.grid_code);
      if (row.version !== input.version) throw conflict(row);
      const patch: Partial<ComponentsTable> = {};
      if (input.lng !== undefined && input.lat !== undefined) {
        const at = await locateFor(actor, input.lng, input.lat, input.crs);
        if (at.place.adminCode !== row.admin_code)
          throw new AppError(
            'invalid_code',
            `新位置位于区县 ${at.place.adminCode}，与标识码前 6 位 ${row.code.slice(0, 6)} 不符`,
            { field: 'lng' },
          );
        Object.assign(patch, {
          admin_code: at.place.adminCode,
          street_code: at.place.streetCode,
          community_code: at.place.communityCode,
          grid_code: at.place.gridCode,
          grid_version: at.place.gridVersion,
          lng: at.position[0],
          lat: at.position[1],
        });
      }
      if (input.legacyCode) await assertLegacyFree(input.legacyCode, row.id);
      const d = dateProblem(
        input.initialDate ?? row.initial_date,
        input.changeDate === undefined ? row.change_date : input.changeDate,
      );
      if (d) throw new AppError('validation_failed', d.reason, { field: d.field });
      const columns = {
        name: 'name',
        deptCode: 'dept_code',
        deptName: 'dept_name',
        ownerCode: 'owner_code',
        ownerName: 'owner_name',
        maintainerCode: 'maintainer_code',
        maintainerName: 'maintainer_name',
        initialDate: 'initial_date',
        changeDate: 'change_date',
        dataSource: 'data_source',
        remarks: 'remarks',
        legacyCode: 'legacy_code',
      } as const;
      for (const [field, column] of Object.entries(columns) as [
        keyof typeof columns,
        (typeof columns)[keyof typeof columns],
      ][]) {
        const v = input[field];
        if (v !== undefined) Object.assign(patch, { [column]: v });
      }
      // extra is replaced whole: the client sends the attribute set it shows.
      if (input.extra !== undefined) patch.extra = JSON.stringify(input.extra);
      let ok: boolean;
      const fields = Object.keys(input).filter((k) => k !== 'version' && k !== 'crs');
      try {
        ok = await deps.db.transaction().execute(async (tx) => {
          if (
            !(await repo.updateIfVersion(tx, id, row.version, {
              ...patch,
              version: row.version + 1,
              updated_at: nowIso(),
            }))
          )
            return false;
          await record(tx, actor, ip, id, {
            change: 'updated',
            summary: `修改部件 ${row.code} ${row.name}：${fields.join('、')}`,
            code: row.code,
            fields,
          });
          return true;
        });
      } catch (err) {
        // A concurrent claim of the same legacy code loses on the unique index.
        if (input.legacyCode) await assertLegacyFree(input.legacyCode, row.id);
        throw err;
      }
      if (!ok) throw conflict(row);
      return this.get(actor, id);
    },

    async changeStatus(
      actor: Actor,
      id: string,
      input: ChangeComponentStatusRequest,
      ip: string | null = null,
    ): Promise<ComponentDetail> {
      const row = await repo.findById(FULL_SCOPE, id);
      if (!row) throw notFound('部件');
      assertActionInScope(actor.scope, row.grid_code);
      if (input.version !== undefined && input.version !== row.version) throw conflict(row);
      if (row.status === input.status)
        throw new AppError('validation_failed', '部件已是该状态', { field: 'status' });
      if (input.caseId && !(await deps.caseExists(input.caseId)))
        throw new AppError('validation_failed', '案件不存在', { field: 'caseId' });
      await deps.db.transaction().execute(async (tx) => {
        await writeStatus(row, input.status, input.reason, input.caseId ?? null, actor, tx);
        const summary = `部件 ${row.code} ${row.name} 状态 ${row.status} → ${input.status}：${input.reason}`;
        await record(tx, actor, ip, id, {
          change: 'status',
          summary,
          code: row.code,
          from: row.status,
          to: input.status,
          caseId: input.caseId ?? null,
        });
      });
      return this.get(actor, id);
    },

    /** Validates a CSV or GeoJSON file; writes it only when every row is valid and `dryRun` is false. */
    async import(
      actor: Actor,
      req: ImportComponentsRequest,
      ip: string | null = null,
    ): Promise<ComponentImportReport> {
      const read = req.format === 'csv' ? readCsv(req.content) : readGeoJson(req.content);
      const plan = await planComponentImport(read, {
        scope: actor.scope,
        crs: req.crs,
        classes: await classes(),
        locate: (lng, lat) => deps.gridAt(lng, lat, req.crs),
        taken: (column, codes) => repo.takenCodes(column, codes),
      });
      if (!plan.report.ok || req.dryRun) return plan.report;
      const now = nowIso();
      const rows = plan.accepted.map((a) => newComponentRow(newId(), a.input, a.at, now));
      try {
        await deps.db.transaction().execute(async (tx) => {
          await repo.insertMany(
            tx,
            rows,
            rows.map((r) => registrationEntry(newId(), r, actor, '批量导入', now)),
          );
          await record(tx, actor, ip, 'import', {
            change: 'imported',
            summary: `批量导入部件 ${rows.length} 个（${req.format}）`,
            count: rows.length,
            format: req.format,
          });
        });
      } catch (err) {
        const taken = await repo.takenCodes(
          'code',
          rows.map((r) => r.code),
        );
        if (taken.size)
          throw new AppError(
            'duplicate',
            `导入期间标识码 ${[...taken].slice(0, 5).join(', ')} 已被登记，请重新导入`,
          );
        throw err;
      }
      return { ...plan.report, committed: true };
    },

    // For the case engine (no request scope: the engine has already decided who may act).

    /**
     * The credit codes of the units responsible for a component, for dispatch (docs/case-workflow.md §4 step 1):
     * 养护单位, 权属单位, 主管部门. Null when no such component exists.
     */
    async dispatchUnits(id: string): Promise<{
      gridCode: string;
      maintainerCode: string | null;
      ownerCode: string | null;
      deptCode: string;
    } | null> {
      const row = await repo.findById(FULL_SCOPE, id);
      return row
        ? {
            gridCode: row.grid_code,
            maintainerCode: row.maintainer_code,
            ownerCode: row.owner_code,
            deptCode: row.dept_code,
          }
        : null;
    },

    /** A component by its 17-digit code, or by a 16-digit legacy code; null when none. */
    async findByCode(code: string): Promise<Component | null> {
      const row = LEGACY_COMPONENT_CODE_PATTERN.test(code)
        ? await repo.findByLegacyCode(code)
        : await repo.findByCode(code);
      return row ? ((await present([row]))[0] ?? null) : null;
    },

    /**
     * Records the condition a case found or restored (e.g. a closed case: 破损 → 完好). The same status
     * is a no-op, so a retried close does not add history. Pass the case's transaction as `db`.
     */
    async updateStatusFromCase(
      componentId: string,
      status: ComponentStatus,
      caseId: string,
      actor: StatusActor,
      opts: { reason?: string; db?: Db } = {},
    ) {
      const row = await repo.findById(FULL_SCOPE, componentId, opts.db ?? deps.db);
      if (!row) throw notFound('部件');
      if (row.status === status) return { changed: false, status, version: row.version };
      const next = await writeStatus(
        row,
        status,
        opts.reason ?? '案件处置后更新部件状态',
        caseId,
        actor,
        opts.db ?? deps.db,
      );
      return { changed: true, status, version: next.version };
    },
  };
}
export type ComponentsService = ReturnType<typeof createComponentsService>;
/** What the case engine uses of the registry. */
export type ComponentsForCases = Pick<ComponentsService, 'findByCode' | 'updateStatusFromCase'>;
