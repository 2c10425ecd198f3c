import { resolvePeriod, type PeriodResult } from '../indicators/indicator-periods';

/**
 * The figures' `period` query value, one string: a day (2026-12-05), ISO week (2026-W49), month (2026-12), quarter
 * (2026-Q4), year (2026) or a custom range `2026-12-01..2026-12-16` (end not included), which is the key
 * indicator-periods gives a custom period. The type is read from the form; the bounds and every refusal are
 * resolvePeriod's.
 */
export function periodFromKey(key: string): PeriodResult {
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (range) return resolvePeriod({ type: 'custom', start: range[1]!, end: range[2]! });
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return resolvePeriod({ type: 'day', key });
  if (/^\d{4}-W\d{2}$/.test(key)) return resolvePeriod({ type: 'week', key });
  if (/^\d{4}-Q\d$/.test(key)) return resolvePeriod({ type: 'quarter', key });
  if (/^\d{4}-\d{2}$/.test(key)) return resolvePeriod({ type: 'month', key });
  if (/^\d{4}$/.test(key)) return resolvePeriod({ type: 'year', key });
  return {
    ok: false,
    field: 'key',
    message: '期间格式应为 YYYY-MM-DD、YYYY-Www、YYYY-MM、YYYY-Qn、YYYY 或 开始..结束',
  };
}
