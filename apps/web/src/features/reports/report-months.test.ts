import { describe, expect, it } from 'vitest';
import { endedMonths } from './report-months';

describe('endedMonths', () => {
  it('starts with the month before the current Shanghai month, across the year boundary', () => {
    expect(endedMonths(new Date('2027-01-05T00:00:00Z'), 3)).toEqual([
      '2026-12',
      '2026-11',
      '2026-10',
    ]);
    // 16:00 UTC on 31 October is already 1 November in Shanghai.
    expect(endedMonths(new Date('2026-10-31T16:00:00Z'), 1)).toEqual(['2026-10']);
    expect(endedMonths(new Date('2026-10-31T15:59:00Z'), 1)).toEqual(['2026-09']);
  });
});
