/**
 * The two assessment figures patrols give (docs/indicators.md §4.1): 区域覆盖率 and GPS 超时次数. Pure: the repo
 * reads the points, these functions decide what counts.
 */

/** A grid post of the person (areas module `tenures`): `to` null while it lasts. */
export interface Tenure {
  gridCode: string;
  from: string;
  to: string | null;
}

export interface PeriodRange {
  start: string;
  end: string;
}

/** A span of time in one grid during which a visit counts: the post's time inside the period. */
export interface GridWindow {
  gridCode: string;
  from: string;
  to: string;
}

/**
 * Default GPS 超时 limit: the field app records a position every 30 s by default, and the server does not know a
 * phone's setting, so 5 minutes (ten missed positions) is a gap nobody mistakes for a slow fix.
 */
export const DEFAULT_GAP_LIMIT_MS = 5 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The grids staffed in the period and, per grid, the windows in which a visit counts. A post that ended before the
 * period or began after it is not staffed in it; two posts in one grid (both roles, or a post ended and taken up
 * again) are one grid with two windows.
 */
export function staffedWindows(tenures: readonly Tenure[], period: PeriodRange): GridWindow[] {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  const out: GridWindow[] = [];
  for (const t of tenures) {
    const from = Math.max(Date.parse(t.from), start);
    const to = Math.min(t.to ? Date.parse(t.to) : Infinity, end);
    if (from < to) out.push({ gridCode: t.gridCode, from: iso(from), to: iso(to) });
  }
  return out;
}

/** 区域覆盖率: grids with a visit inside one of their windows / grids staffed; null without a grid staffed. */
export function coverage(
  windows: readonly GridWindow[],
  visited: ReadonlySet<string>,
): { value: number | null; n: number; k: number } {
  const staffed = new Set(windows.map((w) => w.gridCode));
  const k = [...staffed].filter((g) => visited.has(g)).length;
  return { value: staffed.size ? k / staffed.size : null, n: staffed.size, k };
}

/**
 * GPS 超时次数: gaps longer than `limitMs` between consecutive points of one patrol, each counted in the period of
 * the point that ends it (so a gap is counted once, whichever periods it spans). Points must be ordered by patrol,
 * then time (UTC ISO text, so text order is time order).
 */
export function countGaps(
  points: readonly { patrolId: string; at: string }[],
  period: PeriodRange,
  limitMs = DEFAULT_GAP_LIMIT_MS,
): number {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  let gaps = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const t = Date.parse(b.at);
    if (a.patrolId !== b.patrolId || t < start || t >= end) continue;
    if (t - Date.parse(a.at) > limitMs) gaps++;
  }
  return gaps;
}
