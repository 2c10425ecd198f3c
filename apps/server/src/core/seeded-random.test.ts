import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });

  it('stays in range and covers it', () => {
    const r = new SeededRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 10000; i++) {
      const f = r.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = r.int(3, 9);
      expect(Number.isInteger(n) && n >= 3 && n <= 9).toBe(true);
      seen.add(n);
    }
    expect(seen.size).toBe(7);
  });

  it('picks and shuffles without losing elements', () => {
    const r = new SeededRandom(2);
    const arr = ['a', 'b', 'c', 'd'];
    expect(arr).toContain(r.pick(arr));
    expect(r.shuffle(arr).sort()).toEqual(arr);
    expect(() => r.pick([])).toThrow();
  });
});
