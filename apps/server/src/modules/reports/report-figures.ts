/**
 * What a monthly report prints (docs/reports.md): the renderer needs only this, so the source of the figures can
 * change (the indicator engine for the figures and rankings, the case list for the lists) without touching the layout.
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

/** One figure column of a ranking (an indicator of docs/indicators.md §4). */
export interface RankingColumn {
  key: string;
  label: string;
  kind: HeadlineFigure['kind'];
}

/** A ranked department or sub-area: its 综合指标值, grade and rank from the indicator engine, and its figures. */
export interface RankingRow {
  code: string;
  name: string;
  /** Equal 综合指标值 share a rank; null when it has no 综合指标值 (nothing to score in the month). */
  rank: number | null;
  score: number | null;
  grade: string | null;
  /** By column key; a rate without a denominator is null ("—"). */
  values: Record<string, number | null>;
}

export interface Ranking {
  columns: RankingColumn[];
  rows: RankingRow[];
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
  /** The area's own 综合指标值 and grade for the month (default scheme); null values when nothing scored. */
  score: { value: number | null; grade: string | null };
  departments: Ranking;
  /** Streets in a district report, communities in a street report, grids in a community report. */
  subareas: Ranking & { level: AreaLevel };
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
