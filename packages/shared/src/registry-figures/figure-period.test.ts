import { describe, expect, it } from 'vitest';
import { periodFromKey } from './figure-period';

describe('periodFromKey', () => {
  it('reads the type from the key’s form', () => {
    const at = (k: string) => {
      const r = periodFromKey(k);
      if (!r.ok) throw new Error(r.message);
      return [r.period.type, r.period.startDate, r.period.endDate];
    };
    expect(at('2026-12-05')).toEqual(['day', '2026-12-05', '2026-12-06']);
    expect(at('2026-W49')).toEqual(['week', '2026-11-30', '2026-12-07']);
    expect(at('2026-12')).toEqual(['month', '2026-12-01', '2027-01-01']);
    expect(at('2026-Q4')).toEqual(['quarter', '2026-10-01', '2027-01-01']);
    expect(at('2026')).toEqual(['year', '2026-01-01', '2027-01-01']);
    expect(at('2026-12-01..2026-12-16')).toEqual(['custom', '2026-12-01', '2026-12-16']);
  });

  it('refuses unknown forms and what resolvePeriod refuses', () => {
    for (const k of [
      '',
      'soon',
      '2026-13',
      '2026-Q5',
      '2026-W54',
      '1999',
      '2026-12-16..2026-12-01',
    ])
      expect(periodFromKey(k).ok, k).toBe(false);
  });
});
