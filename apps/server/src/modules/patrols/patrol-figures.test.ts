import { describe, expect, it } from 'vitest';
import { countGaps, coverage, staffedWindows } from './patrol-figures';

// docs/indicators.md §4.1: 区域覆盖率 and GPS 超时次数, decided without a database.
const period = { start: '2026-10-31T16:00:00.000Z', end: '2026-11-30T16:00:00.000Z' }; // 2026-11 Shanghai
const t = (hhmm: string, day = 10) => `2026-11-${day}T${hhmm}:00.000Z`;

describe('staffedWindows and coverage', () => {
  it('clips posts to the period, drops those outside it and counts a grid once', () => {
    const w = staffedWindows(
      [
        { gridCode: 'A', from: '2026-01-01T00:00:00.000Z', to: null },
        { gridCode: 'B', from: t('08:00'), to: t('09:00', 20) },
        { gridCode: 'B', from: t('10:00', 25), to: null }, // B again later: one grid, two windows
        { gridCode: 'C', from: '2026-01-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' }, // ended before
        { gridCode: 'D', from: '2026-12-05T00:00:00.000Z', to: null }, // begins after
      ],
      period,
    );
    expect(w).toEqual([
      { gridCode: 'A', from: period.start, to: period.end },
      { gridCode: 'B', from: t('08:00'), to: t('09:00', 20) },
      { gridCode: 'B', from: t('10:00', 25), to: period.end },
    ]);
    expect(coverage(w, new Set(['B']))).toEqual({ value: 0.5, n: 2, k: 1 });
    expect(coverage(w, new Set(['A', 'B', 'X']))).toEqual({ value: 1, n: 2, k: 2 });
  });

  it('gives no value without a grid staffed ("—", never 0 %)', () => {
    expect(coverage(staffedWindows([], period), new Set(['A']))).toEqual({
      value: null,
      n: 0,
      k: 0,
    });
  });
});

describe('countGaps', () => {
  const p = (patrolId: string, at: string) => ({ patrolId, at });

  it('counts gaps longer than the limit between points of one patrol', () => {
    const pts = [
      p('a', t('01:00')),
      p('a', t('01:05')), // exactly 5 min: not over the limit
      p('a', t('01:10')),
      p('a', t('01:20')), // 10 min
      p('b', t('03:00')), // a new patrol: the time since 'a' is no gap
      p('b', t('03:06')), // 6 min
    ];
    expect(countGaps(pts, period)).toBe(2);
    expect(countGaps(pts, period, 4 * 60_000)).toBe(4);
    expect(countGaps(pts, period, 15 * 60_000)).toBe(0);
  });

  it('places a gap in the period of the point that ends it', () => {
    const pts = [p('a', '2026-10-31T15:50:00.000Z'), p('a', '2026-10-31T16:10:00.000Z')];
    expect(countGaps(pts, period)).toBe(1);
    const before = { start: '2026-09-30T16:00:00.000Z', end: period.start };
    expect(countGaps(pts, before)).toBe(0);
  });
});
