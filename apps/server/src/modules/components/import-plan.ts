import {
  COMPONENT_CODE_PATTERN,
  COMPONENT_IMPORT_COLUMNS,
  COMPONENT_STATUS_LABELS,
  CreateComponentRequestSchema,
  LEGACY_COMPONENT_CODE_PATTERN,
  parseComponentStatus,
  type ComponentImportProblem,
  type ComponentImportReport,
  type CreateComponentRequest,
  type Crs,
} from '@wangge/shared';
import { inScope, type AreaScope } from '../../core/auth/area-scope';
import { codeProblems, dateProblem, type ComponentClass, type Located } from './component-model';
import type { RawComponent, ReadResult } from './import-read';

/** Data the checks need beyond the file, supplied by the service. */
export interface ImportContext {
  scope: AreaScope;
  crs: Crs;
  classes: ReadonlyMap<string, ComponentClass>;
  locate(lng: number, lat: number): Promise<Located | null>;
  taken(column: 'code' | 'legacy_code', codes: string[]): Promise<Set<string>>;
}

export interface AcceptedRow {
  index: number;
  input: CreateComponentRequest;
  at: Located;
}

export interface ImportPlan {
  report: ComponentImportReport;
  accepted: AcceptedRow[];
}

const fieldLabel = (path: PropertyKey[]): string => {
  const [head, key] = path;
  if (head === 'extra') return `扩展属性 ${String(key ?? '')}`;
  const c = COMPONENT_IMPORT_COLUMNS.find((x) => x.field === head);
  return c ? (c.abbr ? `${c.zh} (${c.abbr})` : c.zh) : String(head);
};

const CREDIT_FIELDS = ['deptCode', 'ownerCode', 'maintainerCode'] as const;
const STATUS_CHOICES = Object.values(COMPONENT_STATUS_LABELS)
  .map((l) => l.zh)
  .join('/');

/** The request a row stands for, in the API's shape, so the API's schema checks it. */
function candidate(row: RawComponent, crs: Crs): Record<string, unknown> {
  const v = row.values;
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const out: Record<string, unknown> = { ...v, lng: num(v.lng), lat: num(v.lat), crs };
  // Spreadsheets lower-case nothing, but people typing credit codes do.
  for (const f of CREDIT_FIELDS) if (v[f]) out[f] = v[f].toUpperCase();
  // Located, not trusted: 所在网格/街道/社区 in the file are only compared (see warnings).
  for (const f of [
    'gridCode',
    'streetCode',
    'streetName',
    'communityCode',
    'communityName',
  ] as const)
    delete out[f];
  if (v.status) out.status = parseComponentStatus(v.status) ?? v.status;
  if (Object.keys(row.extra).length) out.extra = row.extra;
  return out;
}

const PlaceFieldsSchema = CreateComponentRequestSchema.pick({
  code: true,
  classCode: true,
  lng: true,
  lat: true,
});

/** Location, scope and code rules of one row; the located place when the point is usable. */
async function placeChecks(
  cand: Record<string, unknown>,
  ctx: ImportContext,
  fail: (reason: string) => void,
): Promise<Located | null> {
  const lng = cand.lng;
  const lat = cand.lat;
  if (
    typeof lng !== 'number' ||
    typeof lat !== 'number' ||
    !Number.isFinite(lng) ||
    !Number.isFinite(lat)
  )
    return null;
  const at = await ctx.locate(lng, lat);
  if (!at) {
    fail('outside_every_grid: 该位置不在任何网格内');
    return null;
  }
  if (!inScope(ctx.scope, at.place.gridCode)) {
    fail('outside_scope: 该位置不在您的管辖范围内');
    return null;
  }
  const fields = PlaceFieldsSchema.safeParse(cand);
  if (fields.success)
    for (const p of codeProblems(fields.data, at.place.adminCode, ctx.classes)) fail(p.reason);
  return at;
}

/**
 * Checks every row against the rules of single registration, the file itself (duplicates) and the
 * database (codes taken). Every problem is collected; the file is accepted only without errors.
 */
export async function planComponentImport(
  read: ReadResult,
  ctx: ImportContext,
): Promise<ImportPlan> {
  const errors = [...read.errors];
  const warnings = [...read.warnings];
  const accepted: AcceptedRow[] = [];
  const failed = new Set(errors.map((e) => e.index));
  const seen = {
    code: new Map<string, RawComponent>(),
    legacy_code: new Map<string, RawComponent>(),
  };
  const where = (r: RawComponent) => (r.line !== null ? `第 ${r.line} 行` : `第 ${r.index} 个要素`);

  for (const row of read.rows) {
    const code = row.values.code ?? null;
    const fail = (reason: string) => {
      errors.push({ index: row.index, line: row.line, code, reason });
      failed.add(row.index);
    };
    if (row.values.status && !parseComponentStatus(row.values.status))
      fail(`bad_status: 管理部件状态 ${row.values.status} 应为 ${STATUS_CHOICES}`);
    const cand = candidate(row, ctx.crs);
    const parsed = CreateComponentRequestSchema.safeParse(cand);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        if (issue.path[0] !== 'status')
          fail(`invalid_field: ${fieldLabel(issue.path)}: ${issue.message}`);
    // Place and code are checked even when other fields failed, so one pass lists every problem.
    const at = await placeChecks(cand, ctx, fail);
    for (const [column, value] of [
      ['code', row.values.code],
      ['legacy_code', row.values.legacyCode],
    ] as const) {
      if (
        !value ||
        !(column === 'code' ? COMPONENT_CODE_PATTERN : LEGACY_COMPONENT_CODE_PATTERN).test(value)
      )
        continue;
      const other = seen[column].get(value);
      if (other)
        fail(
          `duplicate_${column}: ${column === 'code' ? '标识码' : '旧标识码'} ${value} 在文件中重复 (另见${where(other)})`,
        );
      else seen[column].set(value, row);
    }
    if (!parsed.success || !at) continue;
    const input = parsed.data;
    const d = dateProblem(input.initialDate, input.changeDate);
    if (d) fail(d.reason);
    const located = {
      gridCode: at.place.gridCode,
      streetCode: at.place.streetCode,
      communityCode: at.place.communityCode,
    } as const;
    for (const f of ['gridCode', 'streetCode', 'communityCode'] as const) {
      const given = row.values[f];
      if (given && given !== located[f])
        warnings.push({
          index: row.index,
          line: row.line,
          code,
          reason: `located_differs: 文件中的${fieldLabel([f])} ${given} 与定位结果 ${located[f]} 不同，以定位结果为准`,
        });
    }
    if (!failed.has(row.index)) accepted.push({ index: row.index, input, at });
  }

  // Codes already registered: one query per column for the whole file.
  for (const column of ['code', 'legacy_code'] as const) {
    const taken = await ctx.taken(column, [...seen[column].keys()]);
    for (const value of taken) {
      const row = seen[column].get(value)!;
      errors.push({
        index: row.index,
        line: row.line,
        code: row.values.code ?? null,
        reason: `${column}_exists: ${column === 'code' ? '标识码' : '旧标识码'} ${value} 已登记`,
      });
    }
  }
  const ok = errors.length === 0;
  const order = (a: ComponentImportProblem, b: ComponentImportProblem) =>
    (a.index ?? -1) - (b.index ?? -1);
  return {
    report: {
      ok,
      committed: false,
      counts: { rows: read.rows.length, created: ok ? accepted.length : 0 },
      extensionFields: read.extensionFields,
      errors: errors.sort(order),
      warnings: warnings.sort(order),
    },
    accepted: ok ? accepted : [],
  };
}
