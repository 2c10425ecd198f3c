import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/config';
import { CN_HOLIDAYS_2026 } from './holidays-2026';
import { defaultWorkCalendar } from './default-calendar';

// The notice's table as a test fixture (see test/fixtures/SOURCES.md); the product ships the constant it checks.
const CSV = join(ROOT_DIR, 'apps/server/test/fixtures/cn-public-holidays-2026.csv');
const [header, ...rows] = readFileSync(CSV, 'utf8')
  .trim()
  .split(/\r?\n/)
  .map((l) => l.split(','));
const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const weekdayOf = (date: string) => WEEKDAY_ZH[new Date(`${date}T00:00:00Z`).getUTCDay()];

describe('CN_HOLIDAYS_2026', () => {
  it('equals the shared CSV row for row (CSV "workday" = makeup_workday)', () => {
    expect(header).toEqual(['date', 'kind', 'holiday', 'weekday']);
    const fromCsv = rows.map(([date, kind, name]) => ({
      date,
      kind:
        kind === 'holiday'
          ? 'holiday'
          : kind === 'workday'
            ? 'makeup_workday'
            : `unexpected:${kind}`,
      name,
    }));
    expect(CN_HOLIDAYS_2026).toEqual(fromCsv);
  });

  it('has the weekday the CSV states, and every make-up workday is a Saturday or Sunday', () => {
    for (const [date, kind, , weekday] of rows) {
      expect(weekdayOf(date!), date).toBe(weekday);
      if (kind === 'workday') expect(['周六', '周日'], date).toContain(weekday);
    }
  });

  it('holds the documented 春节 and 国庆 arrangements', () => {
    const kindOf = (date: string) => CN_HOLIDAYS_2026.find((d) => d.date === date)?.kind;
    for (let d = 15; d <= 23; d++) expect(kindOf(`2026-02-${d}`)).toBe('holiday');
    expect(kindOf('2026-02-14')).toBe('makeup_workday');
    expect(kindOf('2026-02-28')).toBe('makeup_workday');
    for (let d = 1; d <= 7; d++) expect(kindOf(`2026-10-0${d}`)).toBe('holiday');
    expect(kindOf('2026-09-20')).toBe('makeup_workday');
    expect(kindOf('2026-10-10')).toBe('makeup_workday');
  });

  it('gives 2026 its official number of working days', () => {
    const cal = defaultWorkCalendar();
    let working = 0;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      if (cal.isWorkingDay(new Date(t).toISOString().slice(0, 10))) working++;
    }
    // 261 Monday–Friday days, minus 19 holidays on weekdays, plus 6 make-up weekend days.
    const weekdayHolidays = rows.filter(
      ([, k, , w]) => k === 'holiday' && w !== '周六' && w !== '周日',
    ).length;
    const makeups = rows.filter(([, k]) => k === 'workday').length;
    expect(working).toBe(261 - weekdayHolidays + makeups);
    expect(working).toBe(248);
  });
});
