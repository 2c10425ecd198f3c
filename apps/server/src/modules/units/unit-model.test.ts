import { describe, expect, it } from 'vitest';
import { defaultUnitInspectionDays, isKeyUnit } from '@wangge/shared';
import { addDays, daysBetween, nextDueAfter, shanghaiDate } from './unit-model';

describe('inspection schedule', () => {
  it('counts days in Shanghai, across month and year ends', () => {
    expect(shanghaiDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });

  it('brings the next inspection forward to the earliest rectification deadline', () => {
    expect(nextDueAfter('2026-12-01', 30)).toBe('2026-12-31');
    expect(nextDueAfter('2026-12-01', 30, ['2026-12-20', null, '2026-12-10'])).toBe('2026-12-10');
    expect(nextDueAfter('2026-12-01', 7, ['2026-12-20'])).toBe('2026-12-08');
  });

  it('makes a unit key through safety tags or hazardous chemicals, not through its size', () => {
    expect(isKeyUnit('enterprise', ['above_scale', 'below_scale'])).toBe(false);
    expect(defaultUnitInspectionDays('enterprise', ['above_scale'])).toBeNull();
    expect(defaultUnitInspectionDays('enterprise', ['pollution_source', 'fire_safety'])).toBe(30);
    expect(defaultUnitInspectionDays('hazardous_chemicals', [])).toBe(30);
  });
});
