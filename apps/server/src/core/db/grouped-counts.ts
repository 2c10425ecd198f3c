import { sql, type SelectQueryBuilder } from 'kysely';

/**
 * Grouped counts for the registry figures (modules/registry-figures): each owning module builds its own scoped query
 * and counts it here by an area level and one dimension column. Every register copies the area code of each level
 * onto its rows (street_code, community_code, grid_code), so grouping by a level is a plain GROUP BY on that column.
 */
export const FIGURE_LEVELS = ['none', 'street', 'community', 'grid'] as const;
export type FigureLevel = (typeof FIGURE_LEVELS)[number];

/** The area code columns every register carries, for levelCodesInScope. */
export const AREA_LEVEL_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

const LEVEL_COLUMN: Record<Exclude<FigureLevel, 'none'>, string> = {
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

/** One group: the area code at the level (null for `none`, or a record without a grid), the dimension's value. */
export interface CountRow {
  area: string | null;
  key: string | null;
  n: number;
}

/**
 * Counts the rows of `q` per area of `level` and per value of `keyColumn` (null: no dimension). `q` is the caller's
 * query with its scope and filters already applied; column names come from the owning module, never from a request.
 */
export async function countBy(
  // The owning module's typed query; only its FROM and WHERE are used here.
  q: SelectQueryBuilder<any, any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  level: FigureLevel,
  keyColumn: string | null,
  areaColumn?: string,
): Promise<CountRow[]> {
  const areaCol = level === 'none' ? null : (areaColumn ?? LEVEL_COLUMN[level]);
  const groups = [areaCol, keyColumn].filter((c): c is string => c !== null);
  let b = q.select([
    ...(areaCol ? [sql.ref<string | null>(areaCol).as('area')] : []),
    ...(keyColumn ? [sql.ref<string | null>(keyColumn).as('k')] : []),
    sql<string | number>`count(*)`.as('n'),
  ]);
  if (groups.length) b = b.groupBy(groups.map((c) => sql.ref(c)));
  const rows = (await b.execute()) as { area?: unknown; k?: unknown; n: unknown }[];
  return rows.map((r) => ({
    area: r.area == null ? null : String(r.area),
    key: r.k == null ? null : String(r.k),
    n: Number(r.n),
  }));
}

/** The period figures are asked for: instants for timestamps, Shanghai dates (YYYY-MM-DD) for due dates. */
export interface FigurePeriod {
  start: string;
  end: string;
  startDate: string;
  endDate: string;
}
