import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLimit, elapsed, LIMIT_TYPES, type LimitType } from './deadline';
import { CN_HOLIDAYS_2026 } from './holidays-2026';
import {
  DEFAULT_WORK_WINDOWS,
  WorkCalendar,
  type CalendarDay,
  type CalendarDayKind,
  type WorkWindow,
} from './work-calendar';

// Fixed seeds keep the suite deterministic; the runs still sweep thousands of starts, values and calendars.
const RUNS = { seed: 20260214, numRuns: 300 };
const H = 3_600_000;
const DAY = 86_400_000;

// ---- A slow, independent model: walks calendar dates one by one, reads Shanghai dates through Intl, and
// ---- decides working days from the raw rows, so it shares no arithmetic with the code under test.
interface Model {
  working: (date: string) => boolean;
  windows: [number, number][]; // ms after midnight
}
const shanghaiFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const shDate = (ms: number) => shanghaiFmt.format(new Date(ms));
const midnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
const hm = (s: string) => Number(s.slice(0, 2)) * H + Number(s.slice(3)) * 60_000;

function model(days: readonly CalendarDay[], windows: readonly WorkWindow[]): Model {
  const kinds = new Map(days.map((d) => [d.date, d.kind]));
  return {
    working: (date) => {
      const k = kinds.get(date);
      if (k) return k === 'workday' || k === 'makeup_workday';
      const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
      return wd >= 1 && wd <= 5;
    },
    windows: windows.map((w) => [hm(w.start), hm(w.end)]),
  };
}

/** Working ms in [a, b]. */
function modelWorkMs(m: Model, a: number, b: number): number {
  let sum = 0;
  for (let date = shDate(a); midnight(date) < b; date = nextDate(date)) {
    if (!m.working(date)) continue;
    for (const [s, e] of m.windows)
      sum += Math.max(0, Math.min(b, midnight(date) + e) - Math.max(a, midnight(date) + s));
  }
  return sum;
}

/** docs/case-workflow.md §3.2 read literally: next opening, then the same time of day N working days later. */
function modelWorkDay(m: Model, start: number, n: number): number {
  let from: number | undefined;
  for (let date = shDate(start); from === undefined; date = nextDate(date)) {
    if (!m.working(date)) continue;
    const w = m.windows.find(([, e]) => start < midnight(date) + e);
    if (w) from = Math.max(start, midnight(date) + w[0]);
  }
  let date = shDate(from);
  const tod = from - midnight(date);
  for (let k = n; k > 0; ) {
    date = nextDate(date);
    if (m.working(date)) k--;
  }
  return midnight(date) + tod;
}

// ---- Arbitraries
const WINDOW_SETS: readonly (readonly WorkWindow[])[] = [
  DEFAULT_WORK_WINDOWS,
  [{ start: '09:00', end: '17:00' }],
  [{ start: '00:00', end: '24:00' }],
  [
    { start: '08:00', end: '10:00' },
    { start: '10:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
  [
    { start: '00:00', end: '02:00' },
    { start: '22:00', end: '24:00' },
  ],
];
const KINDS: CalendarDayKind[] = ['holiday', 'makeup_workday', 'workday', 'weekend'];
const BASE = Date.parse('2025-12-01T00:00:00+08:00');
const LAST = Date.parse('2027-01-31T00:00:00+08:00');

/** Random calendars: the shipped 2026 rows, or up to 120 random rows (long closures, working weekends). */
const calendarArb = fc.oneof(
  fc.constantFrom(...WINDOW_SETS).map((windows) => ({ days: [...CN_HOLIDAYS_2026], windows })),
  fc
    .record({
      rows: fc.uniqueArray(
        fc.record({ offset: fc.integer({ min: 0, max: 900 }), kind: fc.constantFrom(...KINDS) }),
        {
          selector: (r) => r.offset,
          maxLength: 120,
        },
      ),
      windows: fc.constantFrom(...WINDOW_SETS),
    })
    .map(({ rows, windows }) => ({
      days: rows.map((r) => ({
        date: new Date(BASE + r.offset * DAY + 8 * H).toISOString().slice(0, 10),
        kind: r.kind,
      })),
      windows,
    })),
);
const withCal = calendarArb.map((input) => ({
  cal: new WorkCalendar(input),
  m: model(input.days, input.windows),
}));
const instantArb = fc.integer({ min: BASE, max: LAST }).map((ms) => new Date(ms));
const minuteArb = fc
  .integer({ min: BASE / 60_000, max: LAST / 60_000 })
  .map((m) => new Date(m * 60_000));
const typeArb = fc.constantFrom(...LIMIT_TYPES);
const valueArb = (type: LimitType) =>
  type === 'work_day' || type === 'natural_day'
    ? fc.double({ min: 0, max: 200, noNaN: true })
    : fc.double({ min: 0, max: 1500, noNaN: true });
const caseArb = fc
  .tuple(withCal, instantArb, typeArb)
  .chain(([c, start, type]) => valueArb(type).map((value) => ({ ...c, start, type, value })));

describe('addLimit and elapsed agree (every limit type, random calendars)', () => {
  it('elapsed(s, addLimit(s, v)) ≈ v', () => {
    fc.assert(
      fc.property(caseArb, ({ cal, start, type, value }) => {
        const d = addLimit(cal, start, value, type);
        // Deadlines are whole milliseconds: at most half a millisecond off, in the limit's unit.
        expect(Math.abs(elapsed(cal, start, d, type) - value)).toBeLessThanOrEqual(1e-6);
        expect(d.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
      RUNS,
    );
  });

  it('the deadline is the latest such instant: one millisecond later the limit is passed', () => {
    fc.assert(
      fc.property(caseArb, ({ cal, start, type, value }) => {
        const d = addLimit(cal, start, value, type);
        expect(elapsed(cal, d, new Date(d.getTime() + 1), type)).toBeGreaterThan(0);
        if (type === 'work_hour' || type === 'work_day')
          expect(cal.isWorkingTime(d.getTime())).toBe(true);
      }),
      RUNS,
    );
  });

  it('is monotone in the start and in the value', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (c, shift, more) => {
          const d = addLimit(c.cal, c.start, c.value, c.type).getTime();
          expect(
            addLimit(c.cal, new Date(c.start.getTime() + shift), c.value, c.type).getTime(),
          ).toBeGreaterThanOrEqual(d);
          expect(addLimit(c.cal, c.start, c.value + more, c.type).getTime()).toBeGreaterThanOrEqual(
            d,
          );
        },
      ),
      RUNS,
    );
  });

  it('composes: adding a then b equals adding a + b (whole minutes / whole days)', () => {
    fc.assert(
      fc.property(
        withCal,
        instantArb,
        typeArb,
        fc.nat(20_000),
        fc.nat(20_000),
        ({ cal }, start, type, a, b) => {
          const unit =
            type === 'work_day' || type === 'natural_day'
              ? (n: number) => n % 60
              : (n: number) => n / 60;
          const once = addLimit(cal, start, unit(a) + unit(b), type);
          expect(addLimit(cal, addLimit(cal, start, unit(a), type), unit(b), type)).toEqual(once);
        },
      ),
      RUNS,
    );
  });
});

describe('against the date-walking model', () => {
  it('work_hour elapsed counts exactly the working milliseconds', () => {
    fc.assert(
      fc.property(
        withCal,
        instantArb,
        fc.integer({ min: 0, max: 90 * DAY }),
        ({ cal, m }, from, span) => {
          const to = new Date(from.getTime() + span);
          expect(Math.round(elapsed(cal, from, to, 'work_hour') * H)).toBe(
            modelWorkMs(m, from.getTime(), to.getTime()),
          );
        },
      ),
      RUNS,
    );
  });

  it('work_hour deadlines hold exactly the limit of working time and nothing more', () => {
    fc.assert(
      fc.property(
        withCal,
        minuteArb,
        fc.integer({ min: 1, max: 400 * 60 }),
        ({ cal, m }, start, minutes) => {
          const d = addLimit(cal, start, minutes / 60, 'work_hour').getTime();
          expect(modelWorkMs(m, start.getTime(), d)).toBe(minutes * 60_000);
          expect(modelWorkMs(m, start.getTime(), d + 1)).toBe(minutes * 60_000 + 1);
        },
      ),
      RUNS,
    );
  });

  it('work_day is the same time of day on the Nth working day after the next opening', () => {
    fc.assert(
      fc.property(withCal, instantArb, fc.integer({ min: 0, max: 60 }), ({ cal, m }, start, n) => {
        expect(addLimit(cal, start, n, 'work_day').getTime()).toBe(
          modelWorkDay(m, start.getTime(), n),
        );
      }),
      RUNS,
    );
  });

  it('natural_day and urgent_hour are plain clock arithmetic', () => {
    fc.assert(
      fc.property(withCal, instantArb, fc.integer({ min: 0, max: 400 }), ({ cal }, start, n) => {
        expect(addLimit(cal, start, n, 'natural_day').getTime()).toBe(start.getTime() + n * DAY);
        expect(addLimit(cal, start, n, 'urgent_hour').getTime()).toBe(start.getTime() + n * H);
      }),
      RUNS,
    );
  });
});
