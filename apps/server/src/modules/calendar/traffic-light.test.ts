import { describe, expect, it } from 'vitest';
import { addLimit, elapsed } from './deadline';
import { defaultWorkCalendar } from './default-calendar';
import { cardLevel, light, limitRatio } from './traffic-light';

describe('light', () => {
  it('is green below 80 %, yellow from 80 % to 100 % inclusive, red above 100 %', () => {
    expect(light(79.9, 100)).toBe('green');
    expect(light(80, 100)).toBe('yellow');
    expect(light(100, 100)).toBe('yellow');
    expect(light(100.1, 100)).toBe('red');
    expect(light(0, 1)).toBe('green');
    expect(light(-3, 7)).toBe('green'); // not started yet (elapsed before the start)
  });

  it('holds at the boundaries in fractional units too', () => {
    expect(light(0.799, 1)).toBe('green');
    expect(light(0.8, 1)).toBe('yellow');
    expect(light(1.001, 1)).toBe('red');
    expect(light(13 * 0.799, 13)).toBe('green');
    expect(light(13 * 1.001, 13)).toBe('red');
  });

  it('is not flipped by floating-point noise: 5.6 h of a 7 h limit is exactly 80 %', () => {
    expect(5.6 / 7).toBeLessThan(0.8); // 0.7999999999999999
    expect(light(5.6, 7)).toBe('yellow');
    expect(light(0.1 + 0.2, 0.3)).toBe('yellow'); // 1.0000000000000002 is still on time
  });

  it('agrees with addLimit on a real work_hour limit', () => {
    const cal = defaultWorkCalendar();
    const start = new Date('2026-03-06T16:30:00+08:00'); // Friday
    const deadline = addLimit(cal, start, 2, 'work_hour');
    const lightAt = (iso: string) => light(elapsed(cal, start, new Date(iso), 'work_hour'), 2);
    expect(lightAt('2026-03-06T17:00:00+08:00')).toBe('green'); // 25 %
    expect(lightAt('2026-03-09T09:05:00+08:00')).toBe('green'); // 1 h on Friday + 35 min
    expect(lightAt('2026-03-09T09:06:00+08:00')).toBe('yellow'); // 1.6 h = 80 %
    expect(lightAt('2026-03-09T09:30:00+08:00')).toBe('yellow'); // 100 %, the deadline itself
    expect(deadline).toEqual(new Date('2026-03-09T09:30:00+08:00'));
    expect(light(elapsed(cal, start, new Date(deadline.getTime() + 1), 'work_hour'), 2)).toBe(
      'red',
    );
  });

  it('rejects a limit that is not positive and a non-finite elapsed', () => {
    expect(() => light(1, 0)).toThrow(RangeError);
    expect(() => light(1, -2)).toThrow(RangeError);
    expect(() => light(Number.NaN, 2)).toThrow(RangeError);
    expect(() => limitRatio(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(limitRatio(3, 4)).toBe(0.75);
  });
});

describe('cardLevel (automatic 督办)', () => {
  it('defaults: a yellow card once past 100 %, a red card once past 200 %', () => {
    expect(cardLevel(0.5)).toBe('none');
    expect(cardLevel(1)).toBe('none'); // finished exactly on time
    expect(cardLevel(1.001)).toBe('yellow');
    expect(cardLevel(2)).toBe('yellow');
    expect(cardLevel(2.001)).toBe('red');
    expect(cardLevel(0.1 + 0.2 + 0.7)).toBe('none'); // 1.0000000000000002
  });

  it('takes thresholds from the 立结案标准 row', () => {
    expect(cardLevel(0.95, { yellowAt: 0.9 })).toBe('yellow');
    expect(cardLevel(1.6, { yellowAt: 0.9, redAt: 1.5 })).toBe('red');
    expect(cardLevel(1.4, { redAt: 1.5 })).toBe('yellow');
    expect(cardLevel(3, { yellowAt: 2, redAt: 2 })).toBe('red');
  });

  it('rejects thresholds out of order or not positive', () => {
    expect(() => cardLevel(1, { yellowAt: 2, redAt: 1.5 })).toThrow(RangeError);
    expect(() => cardLevel(1, { yellowAt: 0 })).toThrow(RangeError);
    expect(() => cardLevel(Number.NaN)).toThrow(RangeError);
  });
});
