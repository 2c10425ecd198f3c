/**
 * What a monthly report prints (docs/reports.md): the renderer needs only this, so the source of the figures can
 * change (today: case lists; soon: the indicator engine) without touching the layout.
 */

export type AreaLevel = 'district' | 'street' | 'community' | 'grid';

/** One headline indicator for the month, the month before (环比) and the same month a year before (同比). */
export interface HeadlineFigure {
  key: string;
  label: string;
  kind: 'count' | 'rate';
  /** Null when a rate has no denominator: printed "—", never 0% or 100%. */
  value: number | null;
  previous: number | null;
  lastYear: number | null;
}

/** A ranked department or sub-area: on-time rate of the cases it closed in the month. */
export interface RankingRow {
  code: string;
  name: string;
  reported: number;
  closed: number;
  onTime: number;
  /** onTime / closed; null when nothing was closed. */
  onTimeRate: number | null;
}

export interface CountRow {
  code: string;
  name: string;
  count: number;
}

/** A case on the overdue or 督办 list: number, category and where, never the reporter or the description. */
export interface ListedCase {
  caseNo: string;
  category: string;
  place: string;
  department: string;
  /** The overall deadline (overdue) or the 督办 level (supervised). */
  note: string;
}

export interface CareFigure {
  label: string;
  value: number;
}

export interface ReportFigures {
  area: { code: string; name: string; level: AreaLevel };
  /** 'YYYY-MM' and its bounds as Shanghai dates ([start, end)). */
  period: { key: string; startDate: string; endDate: string };
  previousKey: string;
  lastYearKey: string;
  generatedAt: string;
  headline: HeadlineFigure[];
  departments: RankingRow[];
  /** Streets in a district report, communities in a street report, grids in a community report. */
  subareas: { level: AreaLevel; rows: RankingRow[] };
  topCategories: CountRow[];
  /** Grids with the most cases reported in the month. */
  hotSpots: CountRow[];
  overdue: ListedCase[];
  supervised: ListedCase[];
  care: CareFigure[];
  /** What the reader should know about how the figures were obtained. */
  notes: string[];
}

/** A ratio, or null when the denominator is zero (never 0 or 1 by default). */
export const rate = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** How a figure is printed: counts as integers, rates to one decimal, no figure as "—". */
export function formatFigure(kind: HeadlineFigure['kind'], v: number | null): string {
  if (v === null) return '—';
  return kind === 'rate' ? `${(v * 100).toFixed(1)}%` : String(v);
}

/** A change against an earlier figure: counts as a difference, rates in percentage points; "—" when unknown. */
export function formatChange(
  kind: HeadlineFigure['kind'],
  now: number | null,
  before: number | null,
): string {
  if (now === null || before === null) return '—';
  const d = now - before;
  const arrow = d > 0 ? '↑' : d < 0 ? '↓' : '→';
  if (kind === 'rate') return `${arrow} ${Math.abs(d * 100).toFixed(1)} 个百分点`;
  if (before === 0) return `${arrow} ${Math.abs(d)}`;
  return `${arrow} ${Math.abs(d)}（${Math.abs((d / before) * 100).toFixed(1)}%）`;
}

const shift = (key: string, months: number) => {
  const [y, m] = key.split('-').map(Number) as [number, number];
  const n = y * 12 + (m - 1) + months;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};
export const previousMonth = (key: string) => shift(key, -1);
export const sameMonthLastYear = (key: string) => shift(key, -12);
