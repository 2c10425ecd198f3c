import { describe, expect, it } from 'vitest';
import { isoDateTime, isoDay } from './date-format';
import { formatDateTime } from './i18n';

// Issue 11 #8: English showed 05/01/2026 (read as 1 May elsewhere); both languages now show 2026-01-05.
describe('dates', () => {
  const local = new Date(2026, 0, 5, 14, 3).toISOString();

  it('writes a date-time as YYYY-MM-DD HH:mm in local time, in either language', () => {
    expect(isoDateTime(local)).toBe('2026-01-05 14:03');
    expect(formatDateTime(local, 'en')).toBe('2026-01-05 14:03');
    expect(formatDateTime(local, 'zh')).toBe('2026-01-05 14:03');
  });

  it('pads days and months and keeps a broken value as it came', () => {
    expect(isoDay(new Date(2026, 8, 9))).toBe('2026-09-09');
    expect(isoDateTime('not a date')).toBe('not a date');
  });
});
