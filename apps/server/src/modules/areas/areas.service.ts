import type { Kysely } from 'kysely';
import {
  type AreaDetail,
  type AreaNode,
  type AreaRef,
  type GridScheme,
  type ImportAreasRequest,
  type ImportReport,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { FULL_SCOPE, inScope, type AreaScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import type { planImport } from './area-import';
import { geometryColumns, gridSchemeOf, type ExistingArea } from './area-import';
import { createAreasRepo } from './areas.repo';
import { createSettingsStore } from '../system';
import type { AreasTable } from './areas.tables';
import { toWgs84 } from './geo/crs';
import type { Geometry } from './geo/geo-types';
import type { ParsedArea } from './import-features';
import { checkImportLimits, IN_LINE_VERTICES } from './import-limits';
import { runImportStep } from './import-off-thread';
import { createAreaCounts, type AreaCountSources } from './area-counts';
import { createGridStaff, type UserScope } from './grid-staff';
import { createLocateService } from './locate.service';
import { createPublicAreas } from './public-areas';

export interface AreasDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  /** The deployment's default grid code scheme (WANGGE_GRID_SCHEME). */
  defaultGridScheme: GridScheme;
  /** Display names and decrypted phones of users (users module). */
  userContacts(ids: string[]): Promise<Map<string, { displayName: string; phone: string | null }>>;
  /** A user's own areas (users module), to check grid staff assignments. */
  userScope(id: string): Promise<UserScope | null>;
  /** Population, houses and open cases of an area (population, housing and cases modules). */
  countSources(): AreaCountSources;
  onError(err: unknown): void;
}

const toNode = (
  r: Pick<AreasTable, 'id' | 'code' | 'name' | 'level' | 'parent_code' | 'grid_type'>,
): AreaNode => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  gridType: r.grid_type,
});

const toExisting = (r: AreasTable): ExistingArea => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  gridType: r.grid_type,
  geometry: JSON.parse(r.geometry) as Geometry,
  version: r.version,
});

/** Codes of every ancestor a code can have: prefixes at the level lengths, and any longer prefix for micro-grids. */
function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (const len of [6, 9, 12, 14, 15]) if (len < code.length) out.push(code.slice(0, len));
  return out;
}

export function createAreasService(deps: AreasDeps) {
  const repo = createAreasRepo(deps.db);
  // Bumped on every boundary change so other processes reload their locate index.
  const REVISION_KEY = 'areas.revision';
  const locator = createLocateService({
    repo,
    revision: async () => (await createSettingsStore(deps.db).get<number>(REVISION_KEY)) ?? 0,
    onError: deps.onError,
  });
  const nowIso = () => deps.clock.now().toISOString();

  async function loadContext(areas: ParsedArea[]): Promise<Map<string, ExistingArea>> {
    const codes = new Set<string>();
    for (const a of areas) {
      codes.add(a.code);
      if (a.parentCode) codes.add(a.parentCode);
    }
    const rows = await repo.findCurrentByCodes(FULL_SCOPE, [...codes], true);
    const existing = new Map(rows.map((r) => [r.code, toExisting(r)]));
    // Siblings already in the database take part in the overlap and gap checks.
    const parents = new Set(areas.map((a) => a.parentCode ?? ''));
    for (const p of parents) {
      const siblings = p
        ? await repo.listWithGeometry(FULL_SCOPE, { parentCode: p })
        : await repo.listWithGeometry(FULL_SCOPE, { level: 'district' });
      for (const s of siblings) if (!existing.has(s.code)) existing.set(s.code, toExisting(s));
    }
    return existing;
  }

  async function commit(
    plan: ReturnType<typeof planImport>,
    actor: Actor,
    ip: string | null,
  ): Promise<void> {
    const at = nowIso();
    const row = (a: ParsedArea, version: number): AreasTable => ({
      id: newId(),
      code: a.code,
      name: a.name,
      level: a.level,
      parent_code: a.parentCode,
      grid_type: a.gridType,
      grid_scheme: gridSchemeOf(a, deps.defaultGridScheme),
      ...geometryColumns(a.geometry),
      version,
      valid_from: at,
      valid_to: null,
      created_at: at,
    });
    await deps.db.transaction().execute(async (tx) => {
      const txRepo = createAreasRepo(tx);
      // Close the old versions first: the unique index allows one current row per code.
      await txRepo.closeVersions(
        tx,
        plan.replaces.map((r) => r.previous.id),
        at,
      );
      await txRepo.insertMany(tx, [
        ...plan.inserts.map((a) => row(a, 1)),
        ...plan.replaces.map((r) => row(r.area, r.previous.version + 1)),
      ]);
      const settings = createSettingsStore(tx);
      await settings.set(REVISION_KEY, ((await settings.get<number>(REVISION_KEY)) ?? 0) + 1);
      await deps.audit.record(
        {
          action: 'areas_imported',
          actor,
          ip,
          detail: { created: plan.inserts.length, updated: plan.replaces.length },
        },
        tx,
      );
    });
  }

  const gridStaff = createGridStaff({
    db: deps.db,
    audit: deps.audit,
    repo,
    nowIso,
    userContacts: deps.userContacts,
    userScope: deps.userScope,
  });

  return {
    locator,
    ...gridStaff,
    // The citizen portal's view: outlines, names and label points, nothing about people.
    ...createPublicAreas(repo, () => deps.clock.now().getTime()),

    counts: createAreaCounts(repo, deps.countSources),

    async tree(
      actor: Actor,
      q: { level?: string | undefined; parentCode?: string | undefined },
    ): Promise<AreaNode[]> {
      return (await repo.listNodes(actor.scope, q)).map(toNode);
    },

    async search(actor: Actor, text: string, limit: number): Promise<AreaNode[]> {
      // LIKE wildcards are text here: a search for "%" finds nothing rather than everything.
      const plain = text.replace(/[%_\\]/g, '').trim();
      if (!plain) return [];
      return (await repo.search(actor.scope, plain, limit)).map(toNode);
    },

    async detail(actor: Actor, id: string): Promise<AreaDetail> {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('区域');
      // Ancestors are shown even above the viewer's scope root: a name is not a record.
      const ancestors = await repo.findCurrentByCodes(FULL_SCOPE, ancestorCodes(row.code));
      const path: AreaRef[] = [...ancestors, row]
        .sort((a, b) => a.code.length - b.code.length)
        .map((a) => ({ id: a.id, code: a.code, name: a.name, level: a.level }));
      return {
        ...toNode(row),
        gridScheme: row.grid_scheme,
        path,
        areaKm2: Math.round(row.area_km2 * 10000) / 10000,
        center: [row.center_x, row.center_y],
        bbox: [row.min_x, row.min_y, row.max_x, row.max_y],
        version: row.version,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        childCount: await repo.childCount(actor.scope, row.code),
        staff: row.valid_to ? [] : await gridStaff.staff(actor, row.code),
      };
    },

    async geojson(
      actor: Actor,
      q: {
        level?: string | undefined;
        parentCode?: string | undefined;
        codePrefix?: string | undefined;
      },
    ) {
      const rows = await repo.listWithGeometry(actor.scope, q);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((r) => ({
          type: 'Feature' as const,
          id: r.id,
          properties: {
            id: r.id,
            code: r.code,
            name: r.name,
            level: r.level,
            parentCode: r.parent_code,
            gridType: r.grid_type,
            gridScheme: r.grid_scheme,
            version: r.version,
            validFrom: r.valid_from,
            areaKm2: r.area_km2,
          },
          geometry: JSON.parse(r.geometry) as Geometry,
        })),
      };
    },

    /** A data export: audited. */
    async export(actor: Actor, level: string | undefined, ip: string | null) {
      const fc = await this.geojson(actor, { level });
      await deps.audit.record({
        action: 'areas_exported',
        actor,
        ip,
        detail: { level: level ?? 'all', features: fc.features.length },
      });
      return fc;
    },

    /** Validates a file; writes it only when it is valid and `dryRun` is false. All or nothing. */
    async import(actor: Actor, req: ImportAreasRequest, ip: string | null): Promise<ImportReport> {
      // Size limits first (400 with the field), then validation and planning off the event loop.
      const inLine = checkImportLimits(req.geojson) < IN_LINE_VERTICES;
      const { geojson, ...opts } = req;
      const { areas, errors } = await runImportStep({ kind: 'parse', geojson, opts }, { inLine });
      const existing = await loadContext(areas);
      const plan = await runImportStep(
        {
          kind: 'plan',
          areas,
          errors,
          ctx: { scope: { all: actor.scope.all, prefixes: [...actor.scope.prefixes] }, existing },
        },
        { inLine },
      );
      if (!plan.report.ok || req.dryRun) return plan.report;
      await commit(plan, actor, ip);
      await locator.reload();
      return { ...plan.report, committed: true };
    },

    async locate(actor: Actor, lng: number, lat: number, crs: 'wgs84' | 'gcj02' | 'bd09') {
      const p = crs === 'wgs84' ? ([lng, lat] as [number, number]) : toWgs84([lng, lat], crs);
      return locator.locate(p[0], p[1], p, actor.scope);
    },

    /** The grid of a point for a new record (case, component…): codes of every level and the grid version. */
    async gridAt(lng: number, lat: number, crs: 'wgs84' | 'gcj02' | 'bd09') {
      const p: [number, number] = crs === 'wgs84' ? [lng, lat] : toWgs84([lng, lat], crs);
      const place = await locator.place(p[0], p[1]);
      return place ? { place, position: p } : null;
    },

    /** Which of these codes name current areas (for other modules' validation). */
    async existingCodes(codes: string[]): Promise<Set<string>> {
      const rows = await repo.findCurrentByCodes(FULL_SCOPE, codes);
      return new Set(rows.map((r) => r.code));
    },

    /** "名称（代码）" of the areas among `ids` within the scope; others are left out (the audit log's targets). */
    async namesFor(ids: string[], scope: AreaScope): Promise<Map<string, string>> {
      const rows = await repo.namesByIds(scope, [...new Set(ids)]);
      return new Map(rows.map((r) => [r.id, `${r.name}（${r.code}）`]));
    },

    /** Names of areas for other modules' records: from memory (registry lookups are hot), the database for the rest. */
    async refs(codes: string[]): Promise<AreaRef[]> {
      const { found, missing } = await locator.refs(codes);
      if (missing.length === 0) return found;
      const rows = await repo.findCurrentByCodes(FULL_SCOPE, missing);
      return [
        ...found,
        ...rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level })),
      ];
    },

    inScope,
  };
}
export type AreasService = ReturnType<typeof createAreasService>;
