/**
 * Monthly rollups of the indicator facts (docs/indicators.md §9.2): the facts of one Shanghai month, community,
 * kind and combination of the columns the rules test, counted. A month's figures for a community, a street or the
 * district read a few hundred or thousand of these rows instead of tens or hundreds of thousands of facts.
 *
 * Why a month and a community, not a day and a grid: a grid sees a couple of facts of a kind a day, so a rollup at
 * that grain has about as many rows as the facts; by month and community it has ~20× fewer. Grid and person figures,
 * and periods not made of whole months (a week, a day, the month still running), read the facts as before.
 *
 * Pure: the row key of a fact, the deltas one case's rewrite makes, and which part of a query the rollups can answer.
 */
import type { Fact } from './indicator-facts';

/** The columns a rollup row is keyed by. Nulls are stored as '' (text) or -1 (flags), so the key is a primary key. */
export interface RollupKey {
  kind: string;
  /** Shanghai month 'YYYY-MM' of the fact's `at`. */
  month: string;
  admin_code: string;
  street_code: string;
  community_code: string;
  source: string;
  department_id: string;
  variant: string;
  on_time: number;
  ok: number;
  flag: number;
  excluded: number;
}

/** A rollup row: how many facts (n), the hours summed (h) over the hn facts that have hours. */
export interface RollupRow extends RollupKey {
  n: number;
  h: number;
  hn: number;
}

export const ROLLUP_KEY_COLUMNS = [
  'kind',
  'month',
  'admin_code',
  'street_code',
  'community_code',
  'source',
  'department_id',
  'variant',
  'on_time',
  'ok',
  'flag',
  'excluded',
] as const satisfies readonly (keyof RollupKey)[];

const SHANGHAI_MS = 8 * 3_600_000;

/** The Shanghai month of an instant (China has kept UTC+8 without summer time since 1991). */
export const monthOf = (at: string) =>
  new Date(Date.parse(at) + SHANGHAI_MS).toISOString().slice(0, 7);

/** The instant a Shanghai month 'YYYY-MM' starts. */
export const monthStart = (month: string) =>
  new Date(Date.parse(`${month}-01T00:00:00.000Z`) - SHANGHAI_MS).toISOString();

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function rollupKeyOf(f: Fact): RollupKey {
  return {
    kind: f.kind,
    month: monthOf(f.at),
    admin_code: f.admin_code,
    street_code: f.street_code,
    community_code: f.community_code,
    source: f.source,
    department_id: f.department_id ?? '',
    variant: f.variant ?? '',
    on_time: f.on_time ?? -1,
    ok: f.ok ?? -1,
    flag: f.flag ?? -1,
    excluded: f.excluded,
  };
}

/**
 * What replacing a case's facts `before` by `after` changes in the rollups: one row per key whose counts move,
 * sorted by key so that concurrent writers on PostgreSQL lock rows in the same order (no deadlock).
 */
export function rollupDeltas(before: readonly Fact[], after: readonly Fact[]): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  const add = (f: Fact, sign: 1 | -1) => {
    const key = rollupKeyOf(f);
    const id = ROLLUP_KEY_COLUMNS.map((c) => key[c]).join('\u0001');
    const r = rows.get(id) ?? { ...key, n: 0, h: 0, hn: 0 };
    r.n += sign;
    if (f.hours !== null) {
      r.h += sign * f.hours;
      r.hn += sign;
    }
    rows.set(id, r);
  };
  for (const f of before) add(f, -1);
  for (const f of after) add(f, 1);
  return [...rows.entries()]
    .filter(([, r]) => r.n !== 0 || r.hn !== 0 || r.h !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
}

/**
 * Which part of [start, end) the rollups answer: the whole months from `start` that end before the cut (the
 * period's end, or asOf if earlier — facts of a month still running may be placed at deadlines to come), and the
 * rest, which the facts answer with the query's own conditions. Null when `start` is not a month's start (a week,
 * a day, a custom range): the facts answer all of it.
 */
export function rollupPlan(
  start: string,
  end: string,
  asOf: string,
): { fromMonth: string; toMonth: string; rest: { start: string; end: string } | null } | null {
  const fromMonth = monthOf(start);
  if (monthStart(fromMonth) !== start) return null;
  const cut = end < asOf ? end : asOf;
  let toMonth = fromMonth;
  while (monthStart(nextMonth(toMonth)) <= cut) toMonth = nextMonth(toMonth);
  if (toMonth === fromMonth) return null;
  const restStart = monthStart(toMonth);
  return { fromMonth, toMonth, rest: restStart < end ? { start: restStart, end } : null };
}
