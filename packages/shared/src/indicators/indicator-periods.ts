/**
 * Evaluation periods (docs/indicators.md §5): day, ISO week, month, quarter, year or a custom range of dates, each
 * the half-open range [start, end) of Asia/Shanghai civil time. China has kept UTC+8 without daylight saving since
 * 1991, so a fixed offset is exact and the results do not depend on the machine's time zone.
 */

export const PERIOD_TYPES = ['day', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_TYPE_LABELS: Record<PeriodType, { zh: string; en: string }> = {
  day: { zh: '日', en: 'Day' },
  week: { zh: '周', en: 'Week' },
  month: { zh: '月', en: 'Month' },
  quarter: { zh: '季度', en: 'Quarter' },
  year: { zh: '年', en: 'Year' },
  custom: { zh: '自定义', en: 'Custom' },
};

/** `key`: 2026-03-05, 2026-W10, 2026-03, 2026-Q1, 2026. Custom: dates, `end` not included. */
export type PeriodSpec =
  | { type: Exclude<PeriodType, 'custom'>; key: string }
  | { type: 'custom'; start: string; end: string };

export interface Period {
  type: PeriodType;
  /** The key; for custom `start..end`. */
  key: string;
  /** First day and the day after the last ('YYYY-MM-DD', Shanghai dates). */
  startDate: string;
  endDate: string;
  /** ISO-8601 UTC instants of [start, end). */
  start: string;
  end: string;
}

export type PeriodResult =
  | { ok: true; period: Period }
  | { ok: false; field: 'key' | 'start' | 'end'; message: string };

export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2099;
/** Longest custom range: two years (trends across years use a series of periods). */
export const MAX_CUSTOM_DAYS = 731;

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 of a civil date, or null for an impossible one. */
function dayOf(y: number, m: number, d: number): number | null {
  const utc = Date.UTC(y, m - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return null;
  return utc / DAY_MS;
}
const ymd = (day: number) => {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const formatDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const instant = (day: number) => new Date(day * DAY_MS - OFFSET_MS).toISOString();
/** Monday = 0 … Sunday = 6 (day 0 was a Thursday). */
const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;
/** Monday of ISO week 1: the week holding 4 January. */
const isoWeekOneMonday = (y: number) => {
  const jan4 = dayOf(y, 1, 4) ?? 0;
  return jan4 - weekday(jan4);
};
const isoWeeks = (y: number) => (isoWeekOneMonday(y + 1) - isoWeekOneMonday(y)) / 7;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const inYears = (y: number) => y >= MIN_PERIOD_YEAR && y <= MAX_PERIOD_YEAR;
const refuse = (field: 'key' | 'start' | 'end', message: string): PeriodResult => ({
  ok: false,
  field,
  message,
});

function make(type: PeriodType, key: string, startDay: number, endDay: number): PeriodResult {
  return {
    ok: true,
    period: {
      type,
      key,
      startDate: formatDay(startDay),
      endDate: formatDay(endDay),
      start: instant(startDay),
      end: instant(endDay),
    },
  };
}

function parseDate(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const FORMS: Record<Exclude<PeriodType, 'custom'>, { re: RegExp; hint: string }> = {
  day: { re: /^(\d{4})-(\d{2})-(\d{2})$/, hint: 'YYYY-MM-DD' },
  week: { re: /^(\d{4})-W(\d{2})$/, hint: 'YYYY-Www' },
  month: { re: /^(\d{4})-(\d{2})$/, hint: 'YYYY-MM' },
  quarter: { re: /^(\d{4})-Q(\d)$/, hint: 'YYYY-Qn' },
  year: { re: /^(\d{4})$/, hint: 'YYYY' },
};

/** Validates a period and gives its bounds; impossible, inverted and absurd periods are refused with the field. */
export function resolvePeriod(spec: PeriodSpec): PeriodResult {
  if (spec.type === 'custom') return resolveCustom(spec.start, spec.end);
  const form = FORMS[spec.type];
  const m = form?.re.exec(spec.key);
  if (!form || !m) return refuse('key', `期间格式应为 ${form?.hint ?? '已知类型'}`);
  const y = Number(m[1]);
  const n = Number(m[2] ?? 0);
  if (!inYears(y)) return refuse('key', `年份须在 ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR} 之间`);
  switch (spec.type) {
    case 'day': {
      const day = dayOf(y, n, Number(m[3]));
      return day === null ? refuse('key', '日期不存在') : make('day', spec.key, day, day + 1);
    }
    case 'week': {
      if (n < 1 || n > isoWeeks(y)) return refuse('key', `${y} 年没有第 ${n} 周`);
      const monday = isoWeekOneMonday(y) + (n - 1) * 7;
      return make('week', spec.key, monday, monday + 7);
    }
    case 'month': {
      if (n < 1 || n > 12) return refuse('key', '月份须在 01–12 之间');
      const next = n === 12 ? dayOf(y + 1, 1, 1) : dayOf(y, n + 1, 1);
      return make('month', spec.key, dayOf(y, n, 1) ?? 0, next ?? 0);
    }
    case 'quarter': {
      if (n < 1 || n > 4) return refuse('key', '季度须在 1–4 之间');
      const next = n === 4 ? dayOf(y + 1, 1, 1) : dayOf(y, n * 3 + 1, 1);
      return make('quarter', spec.key, dayOf(y, n * 3 - 2, 1) ?? 0, next ?? 0);
    }
    case 'year':
      return make('year', spec.key, dayOf(y, 1, 1) ?? 0, dayOf(y + 1, 1, 1) ?? 0);
  }
}

function resolveCustom(start: string, end: string): PeriodResult {
  const s = parseDate(start);
  if (s === null) return refuse('start', '开始日期应为存在的 YYYY-MM-DD');
  const e = parseDate(end);
  if (e === null) return refuse('end', '结束日期应为存在的 YYYY-MM-DD');
  if (!inYears(ymd(s).y))
    return refuse('start', `年份须在 ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR} 之间`);
  if (e <= s) return refuse('end', '结束日期须晚于开始日期（结束日期不含在内）');
  if (e - s > MAX_CUSTOM_DAYS) return refuse('end', `自定义期间最长 ${MAX_CUSTOM_DAYS} 天`);
  return make('custom', `${start}..${end}`, s, e);
}

/** The period of a type containing an instant (the running month, say). */
export function periodContaining(
  type: Exclude<PeriodType, 'custom'>,
  at: Date,
): PeriodSpec & { type: Exclude<PeriodType, 'custom'> } {
  const day = Math.floor((at.getTime() + OFFSET_MS) / DAY_MS);
  const { y, m } = ymd(day);
  switch (type) {
    case 'day':
      return { type, key: formatDay(day) };
    case 'week': {
      const thursday = day - weekday(day) + 3;
      const wy = ymd(thursday).y;
      return { type, key: `${wy}-W${pad((thursday - 3 - isoWeekOneMonday(wy)) / 7 + 1)}` };
    }
    case 'month':
      return { type, key: `${y}-${pad(m)}` };
    case 'quarter':
      return { type, key: `${y}-Q${Math.ceil(m / 3)}` };
    case 'year':
      return { type, key: String(y) };
  }
}

/** 环比: the period just before; for custom, the same number of days ending where it starts. */
export function previousPeriod(p: Period): PeriodSpec {
  const startDay = (Date.parse(p.start) + OFFSET_MS) / DAY_MS;
  if (p.type === 'custom') {
    const len = (Date.parse(p.end) - Date.parse(p.start)) / DAY_MS;
    return { type: 'custom', start: formatDay(startDay - len), end: p.startDate };
  }
  // The day before the start lies in the previous period of every calendar type.
  return periodContaining(p.type, new Date(Date.parse(p.start) - 1));
}

/** 29 February a year earlier or later is read as the 28th. */
function shiftYear(date: string, by: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = dayOf(y + by, m, d) ?? dayOf(y + by, m, d - 1) ?? 0;
  return formatDay(day);
}

/** 同比: the same period a year earlier; null for an ISO week 53 the earlier year does not have. */
export function yearAgoPeriod(p: Period): PeriodSpec | null {
  switch (p.type) {
    case 'custom':
      return { type: 'custom', start: shiftYear(p.startDate, -1), end: shiftYear(p.endDate, -1) };
    case 'day':
      return { type: 'day', key: shiftYear(p.key, -1) };
    case 'week': {
      const [y, w] = p.key.split('-W').map(Number) as [number, number];
      return w > isoWeeks(y - 1) ? null : { type: 'week', key: `${y - 1}-W${pad(w)}` };
    }
    default:
      return { type: p.type, key: `${Number(p.key.slice(0, 4)) - 1}${p.key.slice(4)}` };
  }
}

/** Whether the whole period lies before `now` (only an ended period may be published). */
export function periodEnded(p: Period, now: Date): boolean {
  return now.getTime() >= Date.parse(p.end);
}
