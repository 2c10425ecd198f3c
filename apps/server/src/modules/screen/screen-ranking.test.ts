import { describe, expect, it } from 'vitest';
import { rankDepartments, shanghaiDay } from './screen-ranking';

describe('大屏 department ranking', () => {
  it('ranks by closed today, then fewer overdue, then name, and keeps the top ones', () => {
    const d = (id: string, closedToday: number, overdueOpen: number) => ({
      id,
      name: id,
      closedToday,
      overdueOpen,
    });
    const ranked = rankDepartments([d('c', 1, 0), d('a', 3, 5), d('b', 3, 1), d('d', 1, 0)], 3);
    expect(ranked.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('shanghaiDay', () => {
  it('is the civil day in UTC+8', () => {
    expect(shanghaiDay(new Date('2026-11-30T15:59:59Z'))).toEqual({
      day: '2026-11-30',
      from: '2026-11-29T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
    expect(shanghaiDay(new Date('2026-11-30T16:00:00Z')).day).toBe('2026-12-01');
  });
});
