import { describe, expect, it } from 'vitest';
import { addLimit, elapsed, type LimitType } from './deadline';
import { defaultWorkCalendar } from './default-calendar';
import { WorkCalendar } from './work-calendar';

// Every instant is written in Shanghai time (+08:00). 2026-03-06 is a Friday, 2026-03-09 a Monday.
const at = (iso: string) => new Date(iso);
const cal = defaultWorkCalendar();
const add = (start: string, value: number, type: LimitType) =>
  addLimit(cal, at(start), value, type);
const el = (from: string, to: string, type: LimitType) => elapsed(cal, at(from), at(to), type);

describe('work_hour', () => {
  it('skips the weekend', () => {
    expect(add('2026-03-06T16:30:00+08:00', 2, 'work_hour')).toEqual(
      at('2026-03-09T09:30:00+08:00'),
    );
    expect(el('2026-03-06T16:30:00+08:00', '2026-03-09T09:30:00+08:00', 'work_hour')).toBe(2);
  });

  it('skips 春节 and counts the make-up Saturday 02-14', () => {
    expect(add('2026-02-13T16:30:00+08:00', 2, 'work_hour')).toEqual(
      at('2026-02-14T09:30:00+08:00'),
    );
    expect(add('2026-02-14T16:00:00+08:00', 3, 'work_hour')).toEqual(
      at('2026-02-24T10:00:00+08:00'),
    );
    expect(el('2026-02-13T08:30:00+08:00', '2026-02-24T17:30:00+08:00', 'work_hour')).toBe(21);
  });

  it('skips 国庆 and counts the make-up Sunday 09-20', () => {
    expect(add('2026-09-30T16:00:00+08:00', 4, 'work_hour')).toEqual(
      at('2026-10-08T11:00:00+08:00'),
    );
    expect(add('2026-09-18T17:00:00+08:00', 1, 'work_hour')).toEqual(
      at('2026-09-20T09:00:00+08:00'),
    );
  });

  it('counts a start inside the lunch break from 14:00', () => {
    expect(add('2026-03-10T12:30:00+08:00', 1, 'work_hour')).toEqual(
      at('2026-03-10T15:00:00+08:00'),
    );
    expect(el('2026-03-10T12:30:00+08:00', '2026-03-10T14:00:00+08:00', 'work_hour')).toBe(0);
  });

  it('counts a start after hours or before opening from the next opening', () => {
    expect(add('2026-03-10T18:00:00+08:00', 2, 'work_hour')).toEqual(
      at('2026-03-11T10:30:00+08:00'),
    );
    expect(add('2026-03-10T07:00:00+08:00', 1, 'work_hour')).toEqual(
      at('2026-03-10T09:30:00+08:00'),
    );
    expect(add('2026-03-07T10:00:00+08:00', 1, 'work_hour')).toEqual(
      at('2026-03-09T09:30:00+08:00'),
    );
  });

  it('takes fractional hours', () => {
    expect(add('2026-03-10T11:45:00+08:00', 0.5, 'work_hour')).toEqual(
      at('2026-03-10T14:15:00+08:00'),
    );
    expect(add('2026-03-10T10:00:00+08:00', 1.75, 'work_hour')).toEqual(
      at('2026-03-10T11:45:00+08:00'),
    );
    expect(add('2026-03-10T10:00:00+08:00', 0.25, 'work_hour')).toEqual(
      at('2026-03-10T10:15:00+08:00'),
    );
    expect(el('2026-03-10T11:50:00+08:00', '2026-03-10T14:10:00+08:00', 'work_hour')).toBeCloseTo(
      1 / 3,
      12,
    );
  });

  it('moves a deadline that falls on a window end to the next opening (same working time, not yet overdue)', () => {
    expect(add('2026-03-10T11:00:00+08:00', 1, 'work_hour')).toEqual(
      at('2026-03-10T14:00:00+08:00'),
    );
    expect(add('2026-03-09T08:30:00+08:00', 7, 'work_hour')).toEqual(
      at('2026-03-10T08:30:00+08:00'),
    );
    expect(add('2026-03-06T16:30:00+08:00', 1, 'work_hour')).toEqual(
      at('2026-03-09T08:30:00+08:00'),
    );
    // Lights agree: at Friday 18:00 exactly the limit has elapsed, which is yellow, not overdue.
    expect(el('2026-03-06T16:30:00+08:00', '2026-03-06T18:00:00+08:00', 'work_hour')).toBe(1);
  });

  it('returns the start for 0 inside working time and the next opening outside it', () => {
    expect(add('2026-03-10T10:00:00+08:00', 0, 'work_hour')).toEqual(
      at('2026-03-10T10:00:00+08:00'),
    );
    expect(add('2026-03-10T12:10:00+08:00', 0, 'work_hour')).toEqual(
      at('2026-03-10T14:00:00+08:00'),
    );
  });

  it('measures a whole week as 35 hours and runs over year ends', () => {
    expect(el('2026-03-09T00:00:00+08:00', '2026-03-14T00:00:00+08:00', 'work_hour')).toBe(35);
    // 元旦 closes 01-01..01-03 and Sunday 01-04 is a make-up workday.
    expect(add('2025-12-31T17:00:00+08:00', 1, 'work_hour')).toEqual(
      at('2026-01-04T09:00:00+08:00'),
    );
  });
});

describe('work_day', () => {
  it('lands at the same time of day on the Nth working day', () => {
    expect(add('2026-03-09T10:00:00+08:00', 1, 'work_day')).toEqual(
      at('2026-03-10T10:00:00+08:00'),
    );
    expect(add('2026-03-05T10:00:00+08:00', 2, 'work_day')).toEqual(
      at('2026-03-09T10:00:00+08:00'),
    );
    expect(add('2026-03-06T17:29:00+08:00', 1, 'work_day')).toEqual(
      at('2026-03-09T17:29:00+08:00'),
    );
    expect(add('2026-03-09T08:30:00+08:00', 5, 'work_day')).toEqual(
      at('2026-03-16T08:30:00+08:00'),
    );
  });

  it('from a Friday evening counts from Monday 08:30, so 1 work day ends Tuesday 08:30', () => {
    expect(add('2026-03-06T18:00:00+08:00', 1, 'work_day')).toEqual(
      at('2026-03-10T08:30:00+08:00'),
    );
    expect(add('2026-03-06T17:30:00+08:00', 1, 'work_day')).toEqual(
      at('2026-03-10T08:30:00+08:00'),
    );
    expect(add('2026-03-07T11:00:00+08:00', 0, 'work_day')).toEqual(
      at('2026-03-09T08:30:00+08:00'),
    );
    expect(el('2026-03-06T18:00:00+08:00', '2026-03-09T17:45:00+08:00', 'work_day')).toBe(1);
  });

  it('from the lunch break counts from 14:00', () => {
    expect(add('2026-03-10T12:30:00+08:00', 1, 'work_day')).toEqual(
      at('2026-03-11T14:00:00+08:00'),
    );
  });

  it('crosses 春节 2026 using the make-up Saturdays', () => {
    expect(add('2026-02-13T10:00:00+08:00', 1, 'work_day')).toEqual(
      at('2026-02-14T10:00:00+08:00'),
    );
    expect(add('2026-02-13T10:00:00+08:00', 2, 'work_day')).toEqual(
      at('2026-02-24T10:00:00+08:00'),
    );
    // A 13-work-day 12345 complaint: 02-13, 02-14, 02-24..02-28 (7), 03-02..03-06 (12), 03-09.
    expect(add('2026-02-12T09:00:00+08:00', 13, 'work_day')).toEqual(
      at('2026-03-09T09:00:00+08:00'),
    );
    expect(add('2026-02-27T10:00:00+08:00', 1, 'work_day')).toEqual(
      at('2026-02-28T10:00:00+08:00'),
    );
    expect(add('2026-02-27T10:00:00+08:00', 2, 'work_day')).toEqual(
      at('2026-03-02T10:00:00+08:00'),
    );
    expect(el('2026-02-13T17:30:00+08:00', '2026-02-24T08:30:00+08:00', 'work_day')).toBe(1);
  });

  it('crosses 中秋 and 国庆 2026', () => {
    expect(add('2026-09-24T10:00:00+08:00', 1, 'work_day')).toEqual(
      at('2026-09-28T10:00:00+08:00'),
    );
    expect(add('2026-09-30T10:00:00+08:00', 1, 'work_day')).toEqual(
      at('2026-10-08T10:00:00+08:00'),
    );
    expect(add('2026-09-30T10:00:00+08:00', 3, 'work_day')).toEqual(
      at('2026-10-10T10:00:00+08:00'),
    );
    expect(add('2026-09-30T10:00:00+08:00', 4, 'work_day')).toEqual(
      at('2026-10-12T10:00:00+08:00'),
    );
    expect(add('2026-09-18T15:00:00+08:00', 1, 'work_day')).toEqual(
      at('2026-09-20T15:00:00+08:00'),
    );
  });

  it('counts fractions as shares of a working day (7 h by default)', () => {
    expect(add('2026-03-09T08:30:00+08:00', 0.5, 'work_day')).toEqual(
      at('2026-03-09T14:00:00+08:00'),
    );
    expect(add('2026-03-09T10:00:00+08:00', 1.5, 'work_day')).toEqual(
      at('2026-03-10T15:30:00+08:00'),
    );
    expect(el('2026-03-09T08:30:00+08:00', '2026-03-09T12:00:00+08:00', 'work_day')).toBe(0.5);
  });

  it('follows custom windows', () => {
    const c = new WorkCalendar({ days: [], windows: [{ start: '09:00', end: '17:00' }] });
    expect(addLimit(c, at('2026-03-06T20:00:00+08:00'), 1, 'work_day')).toEqual(
      at('2026-03-10T09:00:00+08:00'),
    );
    expect(addLimit(c, at('2026-03-06T16:00:00+08:00'), 2, 'work_hour')).toEqual(
      at('2026-03-09T10:00:00+08:00'),
    );
  });
});

describe('natural_day and urgent_hour ignore the calendar', () => {
  it('natural_day is N × 24 h straight through holidays and weekends', () => {
    expect(add('2026-09-30T10:00:00+08:00', 7, 'natural_day')).toEqual(
      at('2026-10-07T10:00:00+08:00'),
    );
    expect(add('2026-02-13T18:00:00+08:00', 3, 'natural_day')).toEqual(
      at('2026-02-16T18:00:00+08:00'),
    );
    expect(add('2026-03-10T10:00:00+08:00', 0.5, 'natural_day')).toEqual(
      at('2026-03-10T22:00:00+08:00'),
    );
    expect(el('2026-10-01T00:00:00+08:00', '2026-10-08T00:00:00+08:00', 'natural_day')).toBe(7);
  });

  it('urgent_hour is continuous clock time, nights and holidays included', () => {
    expect(add('2026-10-01T22:00:00+08:00', 6, 'urgent_hour')).toEqual(
      at('2026-10-02T04:00:00+08:00'),
    );
    expect(add('2026-02-16T23:00:00+08:00', 2, 'urgent_hour')).toEqual(
      at('2026-02-17T01:00:00+08:00'),
    );
    expect(add('2026-03-07T12:30:00+08:00', 1.5, 'urgent_hour')).toEqual(
      at('2026-03-07T14:00:00+08:00'),
    );
    expect(el('2026-02-14T17:30:00+08:00', '2026-02-24T08:30:00+08:00', 'urgent_hour')).toBe(231);
  });
});

describe('elapsed', () => {
  it('is negative when to is before from (time left before a deadline)', () => {
    expect(el('2026-03-10T10:00:00+08:00', '2026-03-09T10:00:00+08:00', 'work_hour')).toBe(-7);
    expect(el('2026-03-10T10:00:00+08:00', '2026-03-10T09:00:00+08:00', 'urgent_hour')).toBe(-1);
  });

  it('is 0 between two instants of the same closed period', () => {
    expect(el('2026-02-15T09:00:00+08:00', '2026-02-23T16:00:00+08:00', 'work_hour')).toBe(0);
    expect(el('2026-02-15T09:00:00+08:00', '2026-02-23T16:00:00+08:00', 'work_day')).toBe(0);
  });
});

describe('input checks', () => {
  it('rejects negative, NaN and infinite limits and invalid dates', () => {
    for (const v of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => add('2026-03-10T10:00:00+08:00', v, 'work_hour')).toThrow(RangeError);
    }
    expect(() => addLimit(cal, new Date('nonsense'), 1, 'urgent_hour')).toThrow(/invalid Date/);
    expect(() =>
      elapsed(cal, at('2026-03-10T10:00:00+08:00'), new Date(Number.NaN), 'work_day'),
    ).toThrow(RangeError);
  });
});

describe('cost', () => {
  it('stays in microseconds for 13 and 200 work days (no per-minute or per-day walking)', () => {
    const starts = Array.from(
      { length: 50 },
      (_, i) => new Date(Date.parse('2026-01-05T09:00:00+08:00') + i * 7_777_777),
    );
    const t0 = performance.now();
    let sink = 0;
    for (let round = 0; round < 100; round++) {
      for (const s of starts) {
        for (const [v, type] of [
          [13, 'work_day'],
          [200, 'work_day'],
          [1400, 'work_hour'],
          [24, 'urgent_hour'],
        ] as const) {
          const d = addLimit(cal, s, v, type);
          sink += elapsed(cal, s, d, type);
        }
      }
    }
    const perCallUs = ((performance.now() - t0) * 1000) / (100 * 50 * 4);
    expect(sink).toBeGreaterThan(0);
    // Typically about 1 µs; the bound only catches a fall back to walking minutes or days.
    expect(perCallUs).toBeLessThan(50);
  });
});
