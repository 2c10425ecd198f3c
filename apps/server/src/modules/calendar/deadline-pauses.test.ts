import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLimit,
  addLimitAfterPauses,
  elapsed,
  elapsedExcluding,
  LIMIT_TYPES,
  type Pause,
} from './deadline';
import { defaultWorkCalendar } from './default-calendar';

const at = (iso: string) => new Date(iso);
const cal = defaultWorkCalendar();
const H = 3_600_000;
// 2026-03-09 is a Monday. The 挂账 runs from Tuesday 10:00 to Thursday 15:00.
const MON_9 = at('2026-03-09T09:00:00+08:00');
const SUSPENSION: Pause = {
  from: at('2026-03-10T10:00:00+08:00'),
  to: at('2026-03-12T15:00:00+08:00'),
};

describe('挂账: a work_hour limit resumes with the time that was left', () => {
  it('pushes the deadline by exactly the working time inside the pause (17 h)', () => {
    const insidePause = elapsed(cal, SUSPENSION.from, SUSPENSION.to!, 'work_hour');
    expect(insidePause).toBe(17); // Tue 2 + 3.5, Wed 7, Thu 3.5 + 1
    const plain = addLimit(cal, MON_9, 24, 'work_hour');
    expect(plain).toEqual(at('2026-03-12T14:00:00+08:00')); // Thu 12:00 = the next opening 14:00
    const paused = addLimitAfterPauses(cal, MON_9, 24, 'work_hour', [SUSPENSION]);
    // 8 h before the pause; 16 h left from Thu 15:00: Thu 2.5, Fri 7, Mon 6.5 → Monday 17:00.
    expect(paused).toEqual(at('2026-03-16T17:00:00+08:00'));
    expect(elapsed(cal, plain, paused!, 'work_hour')).toBe(insidePause);
    expect(elapsedExcluding(cal, MON_9, paused!, 'work_hour', [SUSPENSION])).toBe(24);
  });

  it('leaves a deadline that falls before the pause alone', () => {
    expect(addLimitAfterPauses(cal, MON_9, 5, 'work_hour', [SUSPENSION])).toEqual(
      addLimit(cal, MON_9, 5, 'work_hour'),
    );
  });

  it('a limit that runs out exactly when the pause begins ends when the case resumes', () => {
    // Mon 09:00 + 8 working hours = Tue 10:00, the very moment of the 挂账.
    expect(addLimitAfterPauses(cal, MON_9, 8, 'work_hour', [SUSPENSION])).toEqual(SUSPENSION.to);
    const resumedAtNight: Pause = { from: SUSPENSION.from, to: at('2026-03-12T19:00:00+08:00') };
    expect(addLimitAfterPauses(cal, MON_9, 8, 'work_hour', [resumedAtNight])).toEqual(
      at('2026-03-13T08:30:00+08:00'),
    );
  });

  it('has no deadline while an open pause holds the clock, and stops counting inside it', () => {
    const open: Pause = { from: SUSPENSION.from, to: null };
    expect(addLimitAfterPauses(cal, MON_9, 24, 'work_hour', [open])).toBeNull();
    expect(addLimitAfterPauses(cal, MON_9, 5, 'work_hour', [open])).toEqual(
      addLimit(cal, MON_9, 5, 'work_hour'),
    );
    expect(elapsedExcluding(cal, MON_9, at('2026-03-20T10:00:00+08:00'), 'work_hour', [open])).toBe(
      8,
    );
  });

  it('merges overlapping pauses and clips pauses that stick out of the interval', () => {
    const pauses: Pause[] = [
      { from: at('2026-03-06T10:00:00+08:00'), to: at('2026-03-09T10:00:00+08:00') }, // starts before the case
      { from: at('2026-03-10T09:00:00+08:00'), to: at('2026-03-10T11:00:00+08:00') },
      { from: at('2026-03-10T10:00:00+08:00'), to: at('2026-03-10T15:00:00+08:00') },
    ];
    // Counted: Mon 10:00–12:00, 14:00–17:30 (5.5), Tue 08:30–09:00 (0.5), Tue 15:00–17:30 (2.5).
    expect(elapsedExcluding(cal, MON_9, at('2026-03-10T17:30:00+08:00'), 'work_hour', pauses)).toBe(
      8.5,
    );
    const d = addLimitAfterPauses(cal, MON_9, 8.5, 'work_hour', pauses);
    expect(d).toEqual(at('2026-03-11T08:30:00+08:00'));
    expect(addLimitAfterPauses(cal, MON_9, 8.5, 'work_hour', [...pauses].reverse())).toEqual(d);
    // Empty and reversed pauses count for nothing.
    const junk: Pause[] = [
      { from: at('2026-03-10T12:00:00+08:00'), to: at('2026-03-10T11:00:00+08:00') },
    ];
    expect(elapsedExcluding(cal, MON_9, at('2026-03-10T17:30:00+08:00'), 'work_hour', junk)).toBe(
      13.5,
    );
  });

  it('is negative with to before from, like elapsed', () => {
    const e = elapsedExcluding(cal, at('2026-03-16T17:00:00+08:00'), MON_9, 'work_hour', [
      SUSPENSION,
    ]);
    expect(e).toBe(-24);
  });
});

describe('挂账 for the other limit types', () => {
  it('a weekend pause moves a work_day deadline not at all, and natural_day / urgent_hour by its length', () => {
    const weekend: Pause = {
      from: at('2026-03-07T00:00:00+08:00'),
      to: at('2026-03-09T00:00:00+08:00'),
    };
    const fri = at('2026-03-06T10:00:00+08:00');
    expect(addLimitAfterPauses(cal, fri, 2, 'work_day', [weekend])).toEqual(
      addLimit(cal, fri, 2, 'work_day'),
    );
    expect(addLimitAfterPauses(cal, fri, 3, 'natural_day', [weekend])).toEqual(
      at('2026-03-11T10:00:00+08:00'),
    );
    expect(addLimitAfterPauses(cal, fri, 30, 'urgent_hour', [weekend])).toEqual(
      at('2026-03-09T16:00:00+08:00'),
    );
  });

  it('a work_day limit resumes at the same working offset', () => {
    // Monday 10:00 + 3 work days, suspended for the whole of Tuesday: ends Friday 10:00 instead of Thursday.
    const tue: Pause = {
      from: at('2026-03-10T00:00:00+08:00'),
      to: at('2026-03-11T00:00:00+08:00'),
    };
    expect(addLimitAfterPauses(cal, at('2026-03-09T10:00:00+08:00'), 3, 'work_day', [tue])).toEqual(
      at('2026-03-13T10:00:00+08:00'),
    );
  });
});

describe('pause properties (random pauses, every limit type)', () => {
  const BASE = Date.parse('2026-01-01T00:00:00+08:00');
  const span = 300 * 86_400_000;
  const instant = fc.integer({ min: BASE, max: BASE + span });
  const pauseArb = fc
    .tuple(instant, fc.integer({ min: 0, max: 20 * 86_400_000 }), fc.boolean())
    .map(
      ([from, len, open]): Pause => ({
        from: new Date(from),
        to: open ? null : new Date(from + len),
      }),
    );
  const closedPauseArb = pauseArb.map((p) => ({
    from: p.from,
    to: p.to ?? new Date(p.from.getTime() + 5 * H),
  }));
  const RUNS = { seed: 4711, numRuns: 300 };
  const valueArb = fc.double({ min: 0, max: 120, noNaN: true });

  it('elapsedExcluding up to the paused deadline is the limit, and one millisecond later it is passed', () => {
    fc.assert(
      fc.property(
        instant,
        valueArb,
        fc.constantFrom(...LIMIT_TYPES),
        fc.array(pauseArb, { maxLength: 4 }),
        (s, v, type, pauses) => {
          const start = new Date(s);
          const d = addLimitAfterPauses(cal, start, v, type, pauses);
          if (d === null) {
            // Frozen: some open pause began before the limit ran out, and from then on nothing counts.
            const open = pauses
              .filter((p) => p.to === null)
              .map((p) => Math.max(s, p.from.getTime()));
            const far = new Date(Math.max(s, ...open) + 400 * 86_400_000);
            expect(elapsedExcluding(cal, start, far, type, pauses)).toBeLessThanOrEqual(v + 1e-6);
            return;
          }
          expect(Math.abs(elapsedExcluding(cal, start, d, type, pauses) - v)).toBeLessThanOrEqual(
            1e-6,
          );
          expect(
            elapsedExcluding(cal, start, new Date(d.getTime() + 1), type, pauses),
          ).toBeGreaterThan(elapsedExcluding(cal, start, d, type, pauses));
          expect(d.getTime()).toBeGreaterThanOrEqual(addLimit(cal, start, v, type).getTime());
        },
      ),
      RUNS,
    );
  });

  it('one closed pause shifts the deadline by exactly the counted time inside it, or not at all', () => {
    fc.assert(
      fc.property(
        instant,
        valueArb,
        fc.constantFrom(...LIMIT_TYPES),
        closedPauseArb,
        (s, v, type, pause) => {
          const start = new Date(s);
          const plain = addLimit(cal, start, v, type);
          const paused = addLimitAfterPauses(cal, start, v, type, [pause])!;
          const from = new Date(Math.max(s, pause.from.getTime()));
          const counted = Math.max(
            0,
            elapsed(cal, from, new Date(Math.max(from.getTime(), pause.to.getTime())), type),
          );
          // The pause counts in full if the limit had not run out when it began (deadline at or after its start).
          const pushed = plain.getTime() >= from.getTime();
          expect(elapsed(cal, plain, paused, type)).toBeCloseTo(pushed ? counted : 0, 6);
        },
      ),
      RUNS,
    );
  });
});
