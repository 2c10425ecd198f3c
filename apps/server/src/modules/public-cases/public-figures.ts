import type { IndicatorFigures, IndicatorId, IndicatorQuery, PublicFigures } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';

/**
 * 公开数据: per street and per department, the last 12 months (this month included) as the indicator engine counts
 * them (docs/indicators.md §4.5), so the public page and 监督考核 never disagree:
 * - received: streets 上报数 (reportCount, every source); departments 立案数 (registeredCount, first dispatched to it)
 * - closed: 结案数 (closedCount)
 * - on time: streets 按期结案率 (closeInTimeRate); departments 按时处置率 (handleOnTimeRate), what the department
 *   itself controls
 * - satisfaction: 满意率 (satisfactionRate)
 * Counted at most every 10 minutes: the page is public and a year of figures is not free.
 */
export interface PublicFiguresDeps {
  clock: Clock;
  system: Actor;
  figures(actor: Actor, q: IndicatorQuery): Promise<IndicatorFigures>;
}

const CACHE_MS = 10 * 60_000;

/** The 12 months ending with the current one, as dates in Asia/Shanghai: [first day, first day of next month). */
export function lastTwelveMonths(now: Date): { start: string; end: string } {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth(); // 0-based
  const date = (yy: number, mm: number) => {
    const d = new Date(Date.UTC(yy, mm, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
  };
  return { start: date(y, m - 11), end: date(y, m + 1) };
}

export function createPublicFigures(deps: PublicFiguresDeps) {
  let cached: { value: PublicFigures; until: number } | null = null;

  const rowsOf = (f: IndicatorFigures, received: IndicatorId, onTime: IndicatorId) =>
    f.rows
      .filter((r) => r.key !== null)
      .map((r) => {
        const v = (id: IndicatorId) => r.figures[id]?.value ?? null;
        return {
          key: r.key!,
          name: r.name ?? r.key!,
          received: v(received),
          closed: v('closedCount'),
          onTimeRate: v(onTime),
          satisfactionRate: v('satisfactionRate'),
        };
      })
      .sort((a, b) => a.key.localeCompare(b.key));

  return async function publicFigures(): Promise<PublicFigures> {
    const nowMs = deps.clock.now().getTime();
    if (cached && cached.until > nowMs) return cached.value;
    const { start, end } = lastTwelveMonths(deps.clock.now());
    const base = { period: `${start}..${end}`, compare: '0', version: undefined } as const;
    const [streets, departments] = await Promise.all([
      deps.figures(deps.system, {
        ...base,
        object: 'area',
        groupBy: 'street',
        ids: ['reportCount', 'closedCount', 'closeInTimeRate', 'satisfactionRate'],
      }),
      deps.figures(deps.system, {
        ...base,
        object: 'department',
        groupBy: 'department',
        ids: ['registeredCount', 'closedCount', 'handleOnTimeRate', 'satisfactionRate'],
      }),
    ]);
    const value: PublicFigures = {
      start,
      end,
      streets: rowsOf(streets, 'reportCount', 'closeInTimeRate'),
      departments: rowsOf(departments, 'registeredCount', 'handleOnTimeRate'),
    };
    cached = { value, until: nowMs + CACHE_MS };
    return value;
  };
}
