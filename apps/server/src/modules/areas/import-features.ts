import {
  AREA_LEVELS,
  GRID_SCHEMES,
  GRID_TYPES,
  type AreaLevel,
  type GridScheme,
  type GridType,
  type ImportProblem,
} from '@wangge/shared';
import { geometryToWgs84 } from './geo/crs';
import type { Crs, Geometry } from './geo/geo-types';
import { validateGeometry } from './geo/validate-geometry';

/** One feature of an import file, read and converted to WGS84 but not yet checked against the database. */
export interface ParsedArea {
  index: number;
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  gridType: GridType | null;
  /** The scheme the file declares for this grid (feature property, else the request option). */
  gridScheme: GridScheme | null;
  geometry: Geometry;
}

export interface ParseOptions {
  crs: Crs;
  level?: AreaLevel | undefined;
  parentCode?: string | undefined;
  codeField?: string | undefined;
  nameField?: string | undefined;
  gridScheme?: GridScheme | undefined;
}

// Property names used by common public sources (DataV/阿里 adcode, 天地图, ArcGIS exports).
const CODE_FIELDS = [
  'code',
  'adcode',
  'gridCode',
  'grid_code',
  'GRIDCODE',
  'CODE',
  'DM',
  'BM',
  'xzqdm',
  'XZQDM',
];
const NAME_FIELDS = ['name', 'gridName', 'grid_name', 'NAME', 'MC', 'mc', 'xzqmc', 'XZQMC'];
const LEVEL_NAMES: Record<string, AreaLevel> = {
  区: 'district',
  县: 'district',
  街道: 'street',
  乡镇: 'street',
  社区: 'community',
  村: 'community',
  网格: 'grid',
};
const LEVEL_BY_LENGTH: Record<number, AreaLevel> = {
  6: 'district',
  9: 'street',
  12: 'community',
  14: 'grid',
  15: 'grid',
};
const PARENT_LENGTH: Partial<Record<AreaLevel, number>> = { street: 6, community: 9, grid: 12 };

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function pick(
  props: Record<string, unknown>,
  preferred: string | undefined,
  fallbacks: string[],
): string | null {
  if (preferred) return str(props[preferred]);
  for (const f of fallbacks) {
    const v = str(props[f]);
    if (v) return v;
  }
  return null;
}

/**
 * Reads a FeatureCollection into areas. Every problem found is collected (the caller shows
 * them all at once); a feature with a problem is left out of `areas`.
 */
export function parseFeatures(
  input: unknown,
  opts: ParseOptions,
): { areas: ParsedArea[]; errors: ImportProblem[] } {
  const errors: ImportProblem[] = [];
  if (
    typeof input !== 'object' ||
    input === null ||
    (input as { type?: unknown }).type !== 'FeatureCollection'
  )
    return {
      areas: [],
      errors: [
        {
          index: null,
          code: null,
          reason: 'not_feature_collection: 文件不是 GeoJSON FeatureCollection',
        },
      ],
    };
  const features = (input as { features?: unknown }).features;
  if (!Array.isArray(features))
    return {
      areas: [],
      errors: [{ index: null, code: null, reason: 'no_features: 缺少 features 数组' }],
    };
  if (features.length === 0)
    return {
      areas: [],
      errors: [{ index: null, code: null, reason: 'no_features: 文件中没有要素' }],
    };

  const areas: ParsedArea[] = [];
  features.forEach((f: unknown, index) => {
    const fail = (code: string | null, reason: string) => errors.push({ index, code, reason });
    if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature')
      return fail(null, 'not_feature: 不是 GeoJSON Feature');
    const props = ((f as { properties?: unknown }).properties ?? {}) as Record<string, unknown>;
    if (typeof props !== 'object') return fail(null, 'bad_properties: properties 不是对象');
    const code = pick(props, opts.codeField, CODE_FIELDS);
    if (!code)
      return fail(
        null,
        `missing_code: 缺少编码属性 (${opts.codeField ?? CODE_FIELDS.slice(0, 3).join('/')})`,
      );
    const name = pick(props, opts.nameField, NAME_FIELDS);
    if (!name) return fail(code, `missing_name: 缺少名称属性 (${opts.nameField ?? 'name'})`);

    const rawLevel = str(props.level);
    let level: AreaLevel | undefined;
    if (rawLevel && (AREA_LEVELS as readonly string[]).includes(rawLevel))
      level = rawLevel as AreaLevel;
    else if (rawLevel && LEVEL_NAMES[rawLevel]) level = LEVEL_NAMES[rawLevel];
    level ??= opts.level ?? LEVEL_BY_LENGTH[code.length];
    if (!level)
      return fail(code, `unknown_level: 无法判断层级 (属性 level 为 ${rawLevel ?? '空'})`);

    const rawType = str(props.gridType ?? props.grid_type);
    let gridType: GridType | null = null;
    if (level === 'grid') {
      if (rawType && !(GRID_TYPES as readonly string[]).includes(rawType))
        return fail(code, `bad_grid_type: 网格类型应为 ${GRID_TYPES.join('/')}`);
      gridType = (rawType as GridType | null) ?? 'unit';
    }

    const rawScheme = str(props.gridScheme ?? props.grid_scheme);
    if (rawScheme && !(GRID_SCHEMES as readonly string[]).includes(rawScheme))
      return fail(code, `bad_grid_scheme: 编码方案应为 ${GRID_SCHEMES.join('/')}`);
    const gridScheme =
      level === 'grid' && gridType !== 'micro'
        ? ((rawScheme as GridScheme | null) ?? opts.gridScheme ?? null)
        : null;

    // DataV files name the city as the parent of a district; the city is above our hierarchy.
    let parentCode =
      level === 'district'
        ? null
        : (pick(props, undefined, ['parentCode', 'parent_code', 'PARENTCODE']) ??
          opts.parentCode ??
          null);
    if (!parentCode && level !== 'district' && gridType !== 'micro') {
      const len = PARENT_LENGTH[level];
      if (len) parentCode = code.slice(0, len);
    }

    const g = validateGeometry((f as { geometry?: unknown }).geometry);
    if (!g.ok) return g.problems.forEach((p) => fail(code, p));
    // Validate before and after conversion: the shift can fold a nearly-degenerate ring.
    const converted = opts.crs === 'wgs84' ? g.geometry : geometryToWgs84(g.geometry, opts.crs);
    if (opts.crs !== 'wgs84') {
      const again = validateGeometry(converted);
      if (!again.ok)
        return again.problems.forEach((p) => fail(code, `${p} (after ${opts.crs}→wgs84)`));
    }
    areas.push({
      index,
      code,
      name: name.slice(0, 100),
      level,
      parentCode,
      gridType,
      gridScheme,
      geometry: converted,
    });
  });
  return { areas, errors };
}
