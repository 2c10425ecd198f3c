import { describe, expect, it } from 'vitest';
import type { Fact } from './indicator-facts';
import { monthOf, monthStart, nextMonth, rollupDeltas, rollupPlan } from './indicator-rollups';

const fact = (at: string, f: Partial<Fact> = {}): Fact => ({
  case_id: 'c',
  n: 1,
  seq: 1,
  kind: 'report',
  at,
  end_at: null,
  admin_code: '410105',
  street_code: '410105001',
  community_code: '410105001002',
  grid_code: '41010500100201',
  source: 'patrol',
  department_id: null,
  actor_id: 'u',
  actor_role: null,
  variant: null,
  on_time: null,
  ok: 1,
  flag: null,
  excluded: 0,
  hours: null,
  ...f,
});

describe('months in Shanghai time', () => {
  it('places an instant in its Shanghai month and finds the month start', () => {
    expect(monthOf('2026-11-30T15:59:59.999Z')).toBe('2026-11');
    expect(monthOf('2026-11-30T16:00:00.000Z')).toBe('2026-12');
    expect(monthStart('2026-12')).toBe('2026-11-30T16:00:00.000Z');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });
});

describe('rollupPlan', () => {
  const Q2 = { start: monthStart('2026-04'), end: monthStart('2026-07') };
  it('answers whole months that ended before the cut from the rollups', () => {
    expect(rollupPlan(Q2.start, Q2.end, '2026-12-07T00:00:00.000Z')).toEqual({
      fromMonth: '2026-04',
      toMonth: '2026-07',
      rest: null,
    });
  });
  it('leaves the month still running to the facts', () => {
    expect(rollupPlan(Q2.start, Q2.end, '2026-05-10T00:00:00.000Z')).toEqual({
      fromMonth: '2026-04',
      toMonth: '2026-05',
      rest: { start: monthStart('2026-05'), end: Q2.end },
    });
    expect(rollupPlan(Q2.start, Q2.end, '2026-04-10T00:00:00.000Z')).toBeNull();
  });
  it('does not answer a period that does not start a month', () => {
    expect(rollupPlan('2026-04-05T16:00:00.000Z', Q2.end, '2026-12-07T00:00:00.000Z')).toBeNull();
  });
});

describe('rollupDeltas', () => {
  it('nets a rewrite to the keys that move, nulls as the key stores them', () => {
    const before = [fact('2026-04-02T00:00:00.000Z'), fact('2026-04-03T00:00:00.000Z', { n: 2 })];
    const after = [
      fact('2026-04-02T00:00:00.000Z'),
      fact('2026-05-03T00:00:00.000Z', { n: 2, hours: 2.5 }),
    ];
    const d = rollupDeltas(before, after);
    expect(d.map((r) => [r.month, r.n, r.h, r.hn, r.department_id, r.on_time])).toEqual([
      ['2026-04', -1, 0, 0, '', -1],
      ['2026-05', 1, 2.5, 1, '', -1],
    ]);
    expect(rollupDeltas(after, after)).toEqual([]);
  });
});
