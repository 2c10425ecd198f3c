import {
  COMPONENT_IMPORT_COLUMNS,
  componentColumnFor,
  type ComponentImportField,
  type ComponentImportProblem,
} from '@wangge/shared';
import { parseCsv } from './csv-parse';

/** One row or feature of an import file, fields named as in the API, not yet checked. */
export interface RawComponent {
  index: number;
  line: number | null;
  values: Partial<Record<ComponentImportField, string>>;
  /** Columns outside 表2: local extension attributes. */
  extra: Record<string, string | number | boolean | null>;
}

export interface ReadResult {
  rows: RawComponent[];
  errors: ComponentImportProblem[];
  warnings: ComponentImportProblem[];
  extensionFields: string[];
}

/** Larger files are split by the user: one transaction must stay reasonable on both databases. */
export const MAX_IMPORT_ROWS = 50_000;

const fileError = (reason: string): ComponentImportProblem => ({
  index: null,
  line: null,
  code: null,
  reason,
});
const REQUIRED = COMPONENT_IMPORT_COLUMNS.filter((c) => c.required);
const label = (f: ComponentImportField) => {
  const c = COMPONENT_IMPORT_COLUMNS.find((x) => x.field === f)!;
  return c.abbr ? `${c.zh} (${c.abbr})` : c.zh;
};

/** CSV with a header row: 表2 names or abbreviations, API field names, 经度/纬度. */
export function readCsv(content: string): ReadResult {
  const parsed = parseCsv(content);
  if (!parsed.ok)
    return {
      rows: [],
      errors: [{ index: null, line: parsed.line, code: null, reason: parsed.reason }],
      warnings: [],
      extensionFields: [],
    };
  const [header, ...records] = parsed.records;
  if (!header || records.length === 0)
    return {
      rows: [],
      errors: [fileError('no_rows: 文件没有表头或数据行')],
      warnings: [],
      extensionFields: [],
    };
  if (records.length > MAX_IMPORT_ROWS)
    return {
      rows: [],
      errors: [fileError(`too_many_rows: 一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`)],
      warnings: [],
      extensionFields: [],
    };

  const errors: ComponentImportProblem[] = [];
  const byField = new Map<ComponentImportField, number>();
  const extension: { name: string; at: number }[] = [];
  header.cells.forEach((raw, at) => {
    const name = raw.trim();
    if (!name) return; // trailing separators of spreadsheet exports
    const col = componentColumnFor(name);
    if (!col) extension.push({ name, at });
    else if (byField.has(col.field))
      errors.push({
        index: null,
        line: 1,
        code: null,
        reason: `duplicate_column: 第 ${at + 1} 列与第 ${byField.get(col.field)! + 1} 列都是 ${label(col.field)}`,
      });
    else byField.set(col.field, at);
  });
  for (const c of REQUIRED)
    if (!byField.has(c.field))
      errors.push({
        index: null,
        line: 1,
        code: null,
        reason: `missing_column: 缺少列 ${label(c.field)}`,
      });
  if (errors.length) return { rows: [], errors, warnings: [], extensionFields: [] };

  const rows: RawComponent[] = [];
  records.forEach((rec, index) => {
    const cell = (at: number) => (rec.cells[at] ?? '').trim();
    if (rec.cells.slice(header.cells.length).some((c) => c.trim() !== ''))
      errors.push({
        index,
        line: rec.line,
        code: null,
        reason: `column_count: 本行有 ${rec.cells.length} 列，表头只有 ${header.cells.length} 列`,
      });
    const values: RawComponent['values'] = {};
    for (const [field, at] of byField) if (cell(at) !== '') values[field] = cell(at);
    const extra: RawComponent['extra'] = {};
    for (const e of extension) if (cell(e.at) !== '') extra[e.name] = cell(e.at);
    rows.push({ index, line: rec.line, values, extra });
  });
  return { rows, errors, warnings: [], extensionFields: extension.map((e) => e.name) };
}

// A 17-digit number is beyond double precision and loses its leading zeros: codes must be text.
const TEXT_ONLY: ReadonlySet<ComponentImportField> = new Set([
  'code',
  'legacyCode',
  'deptCode',
  'ownerCode',
  'maintainerCode',
  'gridCode',
  'streetCode',
  'communityCode',
]);

/** A FeatureCollection of Points; properties named like CSV columns. */
export function readGeoJson(content: string): ReadResult {
  const empty = (reason: string): ReadResult => ({
    rows: [],
    errors: [fileError(reason)],
    warnings: [],
    extensionFields: [],
  });
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    return empty(`invalid_json: 不是有效的 JSON (${(e as Error).message})`);
  }
  if (
    typeof doc !== 'object' ||
    doc === null ||
    (doc as { type?: unknown }).type !== 'FeatureCollection'
  )
    return empty('not_feature_collection: 文件不是 GeoJSON FeatureCollection');
  const features = (doc as { features?: unknown }).features;
  if (!Array.isArray(features) || features.length === 0)
    return empty('no_features: 文件中没有要素');
  if (features.length > MAX_IMPORT_ROWS)
    return empty(`too_many_rows: 一次最多导入 ${MAX_IMPORT_ROWS} 个要素，请分批导入`);

  const errors: ComponentImportProblem[] = [];
  const warnings: ComponentImportProblem[] = [];
  const extensionFields = new Set<string>();
  const rows: RawComponent[] = [];
  features.forEach((f: unknown, index) => {
    const fail = (reason: string) => errors.push({ index, line: null, code: null, reason });
    if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature')
      return fail('not_feature: 不是 GeoJSON Feature');
    const geometry = (f as { geometry?: unknown }).geometry as
      | { type?: unknown; coordinates?: unknown }
      | null
      | undefined;
    const coords =
      geometry?.type === 'Point' && Array.isArray(geometry.coordinates)
        ? (geometry.coordinates as unknown[])
        : null;
    if (!coords || typeof coords[0] !== 'number' || typeof coords[1] !== 'number')
      return fail('not_point: 部件要素的几何应为 Point [经度, 纬度]');
    const props = (f as { properties?: unknown }).properties ?? {};
    if (typeof props !== 'object' || props === null || Array.isArray(props))
      return fail('bad_properties: properties 不是对象');

    const values: RawComponent['values'] = { lng: String(coords[0]), lat: String(coords[1]) };
    const extra: RawComponent['extra'] = {};
    for (const [key, v] of Object.entries(props as Record<string, unknown>)) {
      if (v === null || v === undefined || v === '') continue;
      const col = componentColumnFor(key);
      if (col?.field === 'lng' || col?.field === 'lat') continue; // the geometry is the location
      if (col) {
        if (typeof v === 'number' && TEXT_ONLY.has(col.field))
          fail(`number_code: 属性 ${key} 须写成字符串 (数字会丢失前导零和精度)`);
        else if (typeof v === 'string' || typeof v === 'number')
          values[col.field] = String(v).trim();
        else fail(`bad_value: 属性 ${key} 应为文本`);
      } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        extra[key] = v;
        extensionFields.add(key);
      } else
        warnings.push({
          index,
          line: null,
          code: null,
          reason: `ignored_property: 扩展属性 ${key} 不是简单值，未导入`,
        });
    }
    rows.push({ index, line: null, values, extra });
  });
  return { rows, errors, warnings, extensionFields: [...extensionFields] };
}
