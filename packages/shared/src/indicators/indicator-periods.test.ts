import { describe, expect, it } from 'vitest';
import {
  periodContaining,
  periodEnded,
  previousPeriod,
  resolvePeriod,
  yearAgoPeriod,
  type Period,
  type PeriodSpec,
} from './indicator-periods';

const resolved = (spec: PeriodSpec): Period => {
  const r = resolvePeriod(spec);
  if (!r.ok) throw new Error(`${JSON.stringify(spec)}: ${r.message}`);
  return r.period;
};

describe('period bounds in Asia/Shanghai (docs/indicators.md §5)', () => {
  it.each<[PeriodSpec, string, string]>([
    [{ type: 'day', key: '2026-03-05' }, '2026-03-04T16:00:00.000Z', '2026-03-05T16:00:00.000Z'],
    [{ type: 'day', key: '2024-02-29' }, '2024-02-28T16:00:00.000Z', '2024-02-29T16:00:00.000Z'],
    // ISO weeks: 2026-W01 starts Monday 2025-12-29; 2020 has a week 53 that ends in January 2021.
    [{ type: 'week', key: '2026-W01' }, '2025-12-28T16:00:00.000Z', '2026-01-04T16:00:00.000Z'],
    [{ type: 'week', key: '2026-W10' }, '2026-03-01T16:00:00.000Z', '2026-03-08T16:00:00.000Z'],
    [{ type: 'week', key: '2020-W53' }, '2020-12-27T16:00:00.000Z', '2021-01-03T16:00:00.000Z'],
    [{ type: 'month', key: '2026-03' }, '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    [{ type: 'month', key: '2026-12' }, '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    [{ type: 'month', key: '2024-02' }, '2024-01-31T16:00:00.000Z', '2024-02-29T16:00:00.000Z'],
    [{ type: 'quarter', key: '2026-Q1' }, '2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    [{ type: 'quarter', key: '2026-Q4' }, '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    [{ type: 'year', key: '2026' }, '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    [
      { type: 'custom', start: '2026-03-10', end: '2026-03-17' },
      '2026-03-09T16:00:00.000Z',
      '2026-03-16T16:00:00.000Z',
    ],
  ])('%j → [%s, %s)', (spec, start, end) => {
    const p = resolved(spec);
    expect([p.start, p.end]).toEqual([start, end]);
  });

  it('gives the Shanghai dates and the custom key', () => {
    expect(resolved({ type: 'custom', start: '2026-03-10', end: '2026-03-17' })).toMatchObject({
      key: '2026-03-10..2026-03-17',
      startDate: '2026-03-10',
      endDate: '2026-03-17',
    });
    expect(resolved({ type: 'quarter', key: '2026-Q2' })).toMatchObject({
      startDate: '2026-04-01',
      endDate: '2026-07-01',
    });
  });

  it.each<[PeriodSpec, string]>([
    [{ type: 'day', key: '2026-02-30' }, 'key'],
    [{ type: 'day', key: '2026-3-5' }, 'key'],
    [{ type: 'week', key: '2025-W53' }, 'key'], // 2026 has a week 53, 2025 none
    [{ type: 'week', key: '2026-W00' }, 'key'],
    [{ type: 'month', key: '2026-13' }, 'key'],
    [{ type: 'month', key: '2026-00' }, 'key'],
    [{ type: 'quarter', key: '2026-Q5' }, 'key'],
    [{ type: 'quarter', key: '2026-Q0' }, 'key'],
    [{ type: 'year', key: '1999' }, 'key'],
    [{ type: 'year', key: '2100' }, 'key'],
    [{ type: 'year', key: '26' }, 'key'],
    [{ type: 'month', key: '' }, 'key'],
    [{ type: 'custom', start: '2026-03-17', end: '2026-03-10' }, 'end'],
    [{ type: 'custom', start: '2026-03-10', end: '2026-03-10' }, 'end'],
    [{ type: 'custom', start: '2026-02-30', end: '2026-03-10' }, 'start'],
    [{ type: 'custom', start: '2026-03-10', end: 'tomorrow' }, 'end'],
    [{ type: 'custom', start: '1970-01-01', end: '2026-01-01' }, 'start'],
    [{ type: 'custom', start: '2020-01-01', end: '2026-01-01' }, 'end'],
    [{ type: 'bogus', key: '2026' } as unknown as PeriodSpec, 'key'],
  ])('refuses %j on field %s', (spec, field) => {
    const r = resolvePeriod(spec);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe(field);
      expect(r.message).not.toBe('');
    }
  });

  it('allows a custom range of exactly two years and no longer', () => {
    expect(resolvePeriod({ type: 'custom', start: '2024-01-01', end: '2026-01-01' }).ok).toBe(true);
    expect(resolvePeriod({ type: 'custom', start: '2024-01-01', end: '2026-01-02' }).ok).toBe(
      false,
    );
  });
});

describe('the period containing an instant', () => {
  it.each<[Exclude<PeriodSpec['type'], 'custom'>, string, string]>([
    // 2026-03-31T16:30Z is 1 April 00:30 in Shanghai.
    ['day', '2026-03-31T16:30:00Z', '2026-04-01'],
    ['day', '2026-03-31T15:59:59Z', '2026-03-31'],
    ['month', '2026-03-31T16:30:00Z', '2026-04'],
    ['quarter', '2026-03-31T16:30:00Z', '2026-Q2'],
    ['year', '2025-12-31T16:00:00Z', '2026'],
    ['week', '2026-01-01T04:00:00Z', '2026-W01'],
    ['week', '2021-01-02T04:00:00Z', '2020-W53'],
    ['week', '2026-03-08T15:59:59Z', '2026-W10'],
    ['week', '2026-03-08T16:00:00Z', '2026-W11'],
  ])('%s of %s is %s', (type, at, key) => {
    expect(periodContaining(type, new Date(at))).toEqual({ type, key });
  });
});

describe('环比 and 同比', () => {
  it.each<[PeriodSpec, PeriodSpec, PeriodSpec | null]>([
    [
      { type: 'day', key: '2026-03-01' },
      { type: 'day', key: '2026-02-28' },
      { type: 'day', key: '2025-03-01' },
    ],
    [
      { type: 'day', key: '2024-02-29' },
      { type: 'day', key: '2024-02-28' },
      { type: 'day', key: '2023-02-28' },
    ],
    [
      { type: 'week', key: '2026-W01' },
      { type: 'week', key: '2025-W52' },
      { type: 'week', key: '2025-W01' },
    ],
    [
      { type: 'week', key: '2021-W01' },
      { type: 'week', key: '2020-W53' },
      { type: 'week', key: '2020-W01' },
    ],
    [{ type: 'week', key: '2020-W53' }, { type: 'week', key: '2020-W52' }, null],
    [
      { type: 'month', key: '2026-01' },
      { type: 'month', key: '2025-12' },
      { type: 'month', key: '2025-01' },
    ],
    [
      { type: 'quarter', key: '2026-Q1' },
      { type: 'quarter', key: '2025-Q4' },
      { type: 'quarter', key: '2025-Q1' },
    ],
    [
      { type: 'year', key: '2026' },
      { type: 'year', key: '2025' },
      { type: 'year', key: '2025' },
    ],
    [
      { type: 'custom', start: '2026-03-10', end: '2026-03-17' },
      { type: 'custom', start: '2026-03-03', end: '2026-03-10' },
      { type: 'custom', start: '2025-03-10', end: '2025-03-17' },
    ],
  ])('%j: previous %j, a year ago %j', (spec, previous, yearAgo) => {
    const p = resolved(spec);
    expect(previousPeriod(p)).toEqual(previous);
    expect(yearAgoPeriod(p)).toEqual(yearAgo);
  });

  it('a period has ended only once its end has passed', () => {
    const march = resolved({ type: 'month', key: '2026-03' });
    expect(periodEnded(march, new Date('2026-03-31T15:59:59.999Z'))).toBe(false);
    expect(periodEnded(march, new Date('2026-03-31T16:00:00.000Z'))).toBe(true);
  });
});
