import {
  INDICATORS,
  NO_VALUE,
  formatRate,
  periodContaining,
  round,
  type AreaLevel,
  type IndicatorId,
} from '@wangge/shared';

/** The dashboard's period choices (the indicator period keys of indicator-periods.ts). */
export const DASHBOARD_PERIOD_TYPES = ['month', 'quarter', 'year', 'custom'] as const;
export type DashboardPeriodType = (typeof DASHBOARD_PERIOD_TYPES)[number];

/** A figure as shown: a rate as a percentage, hours with one decimal, a count as is; null is "—", never 0 %. */
export function formatFigure(id: IndicatorId, value: number | null | undefined): string {
  if (value === null || value === undefined) return NO_VALUE;
  const unit = INDICATORS[id].unit;
  if (unit === 'rate') return formatRate(value, 1);
  if (unit === 'hours') return round(value, 1).toFixed(1);
  return String(value);
}

export type TrendDirection = 'up' | 'down' | 'flat' | 'none';
/** good/bad by the indicator's direction; neutral for volumes (上报数) and for no change. */
export type TrendTone = 'good' | 'bad' | 'neutral';

export interface Trend {
  direction: TrendDirection;
  tone: TrendTone;
  /** The change: percentage points for a rate, relative % for a count (the count itself after a zero). */
  text: string;
}

/**
 * 环比 / 同比 of a figure against an earlier value. A fall is good when lower is better; a volume's change is
 * neither. Without both values there is no arrow ("—").
 */
export function trendOf(
  id: IndicatorId,
  current: number | null | undefined,
  earlier: number | null | undefined,
): Trend {
  if (current === null || current === undefined || earlier === null || earlier === undefined)
    return { direction: 'none', tone: 'neutral', text: NO_VALUE };
  const def = INDICATORS[id];
  const diff = current - earlier;
  const direction: TrendDirection = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  let tone: TrendTone = 'neutral';
  if (direction !== 'flat' && def.direction !== 'neutral')
    tone = (direction === 'up') === (def.direction === 'higher') ? 'good' : 'bad';
  let text: string;
  if (def.unit === 'rate') text = `${round(Math.abs(diff) * 100, 1).toFixed(1)}pt`;
  // From nothing, a relative change has no value: say how many more instead (同比 ↑ +7, not ↑ —).
  else if (earlier === 0) text = diff === 0 ? '0%' : `${diff > 0 ? '+' : '−'}${Math.abs(diff)}`;
  else text = `${round((Math.abs(diff) / Math.abs(earlier)) * 100, 1).toFixed(1)}%`;
  return { direction, tone, text };
}

/** The level the rankings group by under an area: a district's streets, a street's communities, … */
export function childGroupBy(level: AreaLevel | undefined): 'street' | 'community' | 'grid' | null {
  if (level === 'district') return 'street';
  if (level === 'street') return 'community';
  if (level === 'community') return 'grid';
  return null;
}

/** The keys offered for a period type, newest first: 24 months, 8 quarters, 5 years. */
export function periodKeys(type: Exclude<DashboardPeriodType, 'custom'>, now: Date): string[] {
  const count = { month: 24, quarter: 8, year: 5 }[type];
  const keys: string[] = [];
  const d = new Date(now.getTime());
  d.setUTCDate(1);
  for (let i = 0; keys.length < count && i < 120; i++) {
    const key = periodContaining(type, d).key;
    if (!keys.includes(key)) keys.push(key);
    d.setUTCMonth(d.getUTCMonth() - 1);
  }
  return keys;
}

/** The period type of a key (2026-12, 2026-Q4, 2026, 2026-12-01..2026-12-16). */
export function periodTypeOf(key: string): DashboardPeriodType {
  if (key.includes('..')) return 'custom';
  if (/^\d{4}-Q\d$/.test(key)) return 'quarter';
  if (/^\d{4}$/.test(key)) return 'year';
  return 'month';
}

/** A custom key from two dates the user picked, both included (the key's end is the day after). */
export function customKey(from: string, toIncluded: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(toIncluded)) return null;
  if (toIncluded < from) return null;
  const end = new Date(`${toIncluded}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return `${from}..${end.toISOString().slice(0, 10)}`;
}

/** The included last day of a custom key, for the date input. */
export function customRange(key: string): { from: string; to: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (!m) return null;
  const to = new Date(`${m[2]}T00:00:00Z`);
  to.setUTCDate(to.getUTCDate() - 1);
  return { from: m[1]!, to: to.toISOString().slice(0, 10) };
}

/**
 * A table as CSV (RFC 4180 quoting) with a byte-order mark, which Excel needs to read UTF-8 Chinese. Cells that
 * start like a formula are prefixed with ' so a spreadsheet shows them as text.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
