import {
  codeProblem,
  detectGridScheme,
  PARENT_LEVEL,
  type AreaLevel,
  type GridScheme,
  type ImportProblem,
  type ImportReport,
} from '@wangge/shared';
import { inScope, type AreaScope } from '../../core/auth/area-scope';
import type { Geometry } from './geo/geo-types';
import { areaKm2, bbox, pointOnSurface } from './geo/measure';
import { containedWithTolerance, findSiblingProblems } from './geo/topology';
import type { ParsedArea } from './import-features';
import type { AreasTable } from './areas.tables';

/** A child may stick out of its parent by this much (digitising noise, CRS rounding). */
export const CONTAINMENT_TOLERANCE_M = 30;
/** Uncovered share of a parent above which a gap warning is raised. */
const GAP_WARN_FRACTION = 0.005;

export interface ExistingArea {
  id: string;
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  gridType: AreasTable['grid_type'];
  geometry: Geometry;
  version: number;
}

export interface ImportPlan {
  report: ImportReport;
  inserts: ParsedArea[];
  replaces: { area: ParsedArea; previous: ExistingArea }[];
}

/** Data the checks need from the database, loaded by the service before planning. */
export interface ImportContext {
  scope: AreaScope;
  /** Current areas keyed by code: the file's codes, their parents, and the parents' children. */
  existing: Map<string, ExistingArea>;
}

const sameGeometry = (a: Geometry, b: Geometry) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks a parsed file against itself and the database. Errors make the whole file fail;
 * overlaps and gaps are warnings that name the areas involved.
 */
export function planImport(
  areas: ParsedArea[],
  parseErrors: ImportProblem[],
  ctx: ImportContext,
): ImportPlan {
  const errors = [...parseErrors];
  const warnings: ImportProblem[] = [];
  const byCode = new Map<string, ParsedArea>();
  for (const a of areas) {
    if (byCode.has(a.code))
      errors.push({
        index: a.index,
        code: a.code,
        reason: `duplicate_code: 编码在文件中重复 (另见第 ${byCode.get(a.code)!.index} 个要素)`,
      });
    else byCode.set(a.code, a);
  }
  const resolve = (code: string) => {
    const f = byCode.get(code);
    if (f) return { level: f.level, gridType: f.gridType, geometry: f.geometry };
    const e = ctx.existing.get(code);
    return e ? { level: e.level, gridType: e.gridType, geometry: e.geometry } : null;
  };

  for (const a of byCode.values()) {
    const fail = (reason: string) => errors.push({ index: a.index, code: a.code, reason });
    if (!inScope(ctx.scope, a.code)) {
      fail('outside_scope: 编码超出您的管辖范围');
      continue;
    }
    const parent = a.parentCode ? resolve(a.parentCode) : null;
    const problem = codeProblem({
      code: a.code,
      level: a.level,
      gridType: a.gridType ?? undefined,
      gridScheme: a.gridScheme,
      parentCode: a.parentCode,
      parentLevel: parent?.level ?? null,
    });
    if (problem) {
      fail(`invalid_code: ${problem}`);
      continue;
    }
    if (a.level === 'district') continue;
    if (!a.parentCode || !parent) {
      fail(`missing_parent: 上级 ${a.parentCode ?? '(未指定)'} 既不在文件中也不在系统中`);
      continue;
    }
    const expected = a.gridType === 'micro' ? 'grid' : PARENT_LEVEL[a.level];
    if (parent.level !== expected) {
      fail(`wrong_parent_level: 上级 ${a.parentCode} 是 ${parent.level}，应为 ${expected}`);
      continue;
    }
    const inside = containedWithTolerance(a.geometry, parent.geometry, CONTAINMENT_TOLERANCE_M);
    if (!inside.ok)
      fail(
        `outside_parent: 超出上级 ${a.parentCode} 的边界 (约 ${(inside.outsideFraction * 100).toFixed(1)}% 的顶点在外, 容差 ${CONTAINMENT_TOLERANCE_M} 米)`,
      );
  }

  // Topology per parent, over the siblings the import leaves in place plus the new ones.
  if (errors.length === 0) checkSiblings(byCode, ctx, warnings);

  const inserts: ParsedArea[] = [];
  const replaces: ImportPlan['replaces'] = [];
  let unchanged = 0;
  for (const a of byCode.values()) {
    const prev = ctx.existing.get(a.code);
    if (!prev) inserts.push(a);
    else if (prev.level !== a.level)
      errors.push({
        index: a.index,
        code: a.code,
        reason: `level_changed: 系统中 ${a.code} 的层级是 ${prev.level}`,
      });
    else if (
      prev.name === a.name &&
      sameGeometry(prev.geometry, a.geometry) &&
      prev.gridType === a.gridType &&
      prev.parentCode === a.parentCode
    )
      unchanged++;
    else replaces.push({ area: a, previous: prev });
  }
  const ok = errors.length === 0;
  return {
    report: {
      ok,
      committed: false,
      counts: {
        features: areas.length + parseErrors.filter((e) => e.index !== null).length,
        created: ok ? inserts.length : 0,
        updated: ok ? replaces.length : 0,
        unchanged,
      },
      errors: errors.sort((x, y) => (x.index ?? -1) - (y.index ?? -1)),
      warnings,
    },
    inserts: ok ? inserts : [],
    replaces: ok ? replaces : [],
  };
}

function checkSiblings(
  byCode: Map<string, ParsedArea>,
  ctx: ImportContext,
  warnings: ImportProblem[],
): void {
  const groups = new Map<string, { code: string; geometry: Geometry }[]>();
  const add = (
    parent: string,
    code: string,
    geometry: Geometry,
    gridType: AreasTable['grid_type'],
  ) => {
    // 专属网格 may overlap base grids by design; micro-grids are compared among themselves.
    if (gridType === 'dedicated') return;
    const key = `${parent}|${gridType === 'micro' ? 'micro' : 'base'}`;
    const list = groups.get(key) ?? [];
    list.push({ code, geometry });
    groups.set(key, list);
  };
  const touched = new Set([...byCode.values()].map((a) => a.parentCode ?? ''));
  for (const a of byCode.values()) add(a.parentCode ?? '', a.code, a.geometry, a.gridType);
  for (const e of ctx.existing.values())
    if (
      !byCode.has(e.code) &&
      touched.has(e.parentCode ?? '') &&
      (e.parentCode || e.level === 'district')
    )
      add(e.parentCode ?? '', e.code, e.geometry, e.gridType);

  for (const [key, siblings] of groups) {
    const parentCode = key.split('|')[0]!;
    const parentGeom = parentCode
      ? (byCode.get(parentCode)?.geometry ?? ctx.existing.get(parentCode)?.geometry)
      : undefined;
    const { overlaps, gapFraction } = findSiblingProblems(
      siblings,
      key.endsWith('|base') ? parentGeom : undefined,
    );
    for (const o of overlaps) {
      const idx = byCode.get(o.a)?.index ?? byCode.get(o.b)?.index ?? null;
      warnings.push({
        index: idx,
        code: o.a,
        reason: `overlap: ${o.a} 与 ${o.b} 重叠${o.areaKm2Approx ? ` (约 ${o.areaKm2Approx.toFixed(3)} km²)` : ''}`,
      });
    }
    if (gapFraction !== undefined && gapFraction > GAP_WARN_FRACTION)
      warnings.push({
        index: byCode.get(parentCode)?.index ?? null,
        code: parentCode,
        reason: `gap: ${parentCode} 约 ${(gapFraction * 100).toFixed(1)}% 的面积未被下级覆盖`,
      });
  }
}

/** Row values derived from a geometry (bbox, a label point inside it, area). */
export function geometryColumns(g: Geometry) {
  const [minX, minY, maxX, maxY] = bbox(g);
  const [cx, cy] = pointOnSurface(g);
  return {
    geometry: JSON.stringify(g),
    min_x: minX,
    min_y: minY,
    max_x: maxX,
    max_y: maxY,
    center_x: cx,
    center_y: cy,
    area_km2: areaKm2(g),
  };
}

/** The declared scheme, else the one the code fits (the deployment default decides ties). */
export const gridSchemeOf = (
  a: ParsedArea,
  deploymentDefault: GridScheme,
): AreasTable['grid_scheme'] =>
  a.level === 'grid' && a.gridType !== 'micro'
    ? (a.gridScheme ?? detectGridScheme(a.code, deploymentDefault))
    : null;
