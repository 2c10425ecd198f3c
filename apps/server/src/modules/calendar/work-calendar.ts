import {
  fromLocal,
  isWeekendDay,
  monthOfDay,
  parseDay,
  parseHm,
  toLocal,
  weekdaysBefore,
  yearOfDay,
  instantMs,
} from './shanghai-time';

/** How a listed date is treated; `weekend` and `workday` rows only restate or override the default. */
export type CalendarDayKind = 'holiday' | 'makeup_workday' | 'workday' | 'weekend';

export interface CalendarDay {
  /** Shanghai calendar date, 'YYYY-MM-DD'. */
  date: string;
  kind: CalendarDayKind;
  /** Festival or reason, e.g. 春节. */
  name?: string;
}

/** A working-hours window of every working day, 'HH:MM' in Shanghai time, end exclusive. */
export interface WorkWindow {
  start: string;
  end: string;
}

export interface WorkCalendarInput {
  days: readonly CalendarDay[];
  /** Defaults to DEFAULT_WORK_WINDOWS. */
  windows?: readonly WorkWindow[];
}

/** 08:30–12:00 and 14:00–17:30: a placeholder until each org sets its own hours. */
export const DEFAULT_WORK_WINDOWS: readonly WorkWindow[] = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '17:30' },
];

const KINDS: ReadonlySet<string> = new Set<CalendarDayKind>([
  'holiday',
  'makeup_workday',
  'workday',
  'weekend',
]);
const isWorkingKind = (kind: CalendarDayKind): boolean =>
  kind === 'workday' || kind === 'makeup_workday';

interface Span {
  /** Milliseconds after midnight. */
  start: number;
  end: number;
  /** Working milliseconds of the day before this window opens. */
  before: number;
}

/**
 * Working days and working hours in Asia/Shanghai.
 *
 * Everything is answered in closed form or by binary search (a day count from the weekday formula plus a
 * prefix sum over the listed exceptions), never by walking days or minutes, so a deadline 200 working days
 * away costs the same few microseconds as one an hour away.
 */
export class WorkCalendar {
  readonly windows: readonly WorkWindow[];
  /** Working milliseconds in one working day (7 h with the default windows). */
  readonly dayWorkMs: number;
  private readonly spans: readonly Span[];
  private readonly kinds = new Map<number, CalendarDayKind>();
  private readonly years = new Set<number>();
  // Listed days whose working status differs from the Monday–Friday default, ascending, and the running sum
  // of their corrections (+1 for a working weekend day, −1 for a closed weekday): prefix[i] covers the first i.
  private readonly exceptionDays: number[] = [];
  private readonly exceptionPrefix: number[] = [0];

  constructor(input: WorkCalendarInput) {
    const windows = [...(input.windows ?? DEFAULT_WORK_WINDOWS)];
    if (windows.length === 0)
      throw new RangeError('a work calendar needs at least one working-hours window');
    const parsed = windows
      .map((w) => ({ w, start: parseHm(w.start), end: parseHm(w.end) }))
      .sort((a, b) => a.start - b.start);
    const spans: Span[] = [];
    let before = 0;
    let lastEnd = 0;
    for (const { w, start, end } of parsed) {
      if (start >= end) throw new RangeError(`window ${w.start}–${w.end} is empty or reversed`);
      if (start < lastEnd)
        throw new RangeError(`window ${w.start}–${w.end} overlaps the previous one`);
      spans.push({ start, end, before });
      before += end - start;
      lastEnd = end;
    }
    this.windows = parsed.map(({ w }) => ({ start: w.start, end: w.end }));
    this.spans = spans;
    this.dayWorkMs = before;

    for (const d of input.days) {
      if (!KINDS.has(d.kind))
        throw new RangeError(`unknown day kind ${JSON.stringify(d.kind)} on ${d.date}`);
      const day = parseDay(d.date);
      if (this.kinds.has(day)) throw new RangeError(`${d.date} is listed twice`);
      this.kinds.set(day, d.kind);
      this.years.add(yearOfDay(day));
    }
    for (const day of [...this.kinds.keys()].sort((a, b) => a - b)) {
      const delta = Number(this.isWorkingDayNumber(day)) - Number(!isWeekendDay(day));
      if (delta === 0) continue;
      this.exceptionDays.push(day);
      this.exceptionPrefix.push((this.exceptionPrefix.at(-1) ?? 0) + delta);
    }
  }

  /**
   * Whether a Shanghai date ('YYYY-MM-DD', or the date an instant falls on) is a working day. A listed entry
   * decides (`holiday`/`weekend` closed, `makeup_workday`/`workday` open); an unlisted date is open Monday to
   * Friday.
   */
  isWorkingDay(date: string | Date): boolean {
    return this.isWorkingDayNumber(
      typeof date === 'string' ? parseDay(date) : toLocal(instantMs(date)).day,
    );
  }

  /** Whether any date of `year` is listed, i.e. whether that year's holiday notice has been entered. */
  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** True in December (Shanghai time) while next year's holidays are still missing: time to enter them. */
  needsNextYearAlert(now: Date): boolean {
    const day = toLocal(instantMs(now)).day;
    return monthOfDay(day) === 12 && !this.hasYear(yearOfDay(day) + 1);
  }

  /**
   * Low level: working milliseconds from a fixed origin to the instant `ms`. Differences of two positions are
   * working time; the position stands still outside working hours.
   */
  position(ms: number): number {
    const { day, tod } = toLocal(ms);
    const base = this.workingDaysBefore(day) * this.dayWorkMs;
    return this.isWorkingDayNumber(day) ? base + this.workBefore(tod) : base;
  }

  /**
   * Low level: the latest instant whose position is `position`. Where several instants share it (a lunch
   * break, a night, a holiday) this is the next opening, so "t is after the result" means exactly "more
   * working time than `position` has passed", which keeps stored deadlines and lights in agreement.
   */
  instantAt(position: number): number {
    const ordinal = Math.floor(position / this.dayWorkMs);
    const rest = position - ordinal * this.dayWorkMs;
    const day = this.dayOfOrdinal(ordinal);
    // rest < dayWorkMs, so some window ends after it; the first such window is the one it opens or runs in.
    const span = this.spans.find((s) => rest < s.before + (s.end - s.start)) ?? this.spans[0]!;
    return fromLocal(day, span.start + (rest - span.before));
  }

  /** Whether the instant lies in a working window of a working day (window ends excluded). */
  isWorkingTime(ms: number): boolean {
    const { day, tod } = toLocal(ms);
    return this.isWorkingDayNumber(day) && this.spans.some((s) => tod >= s.start && tod < s.end);
  }

  private isWorkingDayNumber(day: number): boolean {
    const kind = this.kinds.get(day);
    return kind === undefined ? !isWeekendDay(day) : isWorkingKind(kind);
  }

  /** Working milliseconds of a working day before time of day `tod`. */
  private workBefore(tod: number): number {
    let sum = 0;
    for (const s of this.spans) {
      if (tod <= s.start) break;
      sum += Math.min(tod, s.end) - s.start;
    }
    return sum;
  }

  /** Working days before `day` counted from day 0 (negative before 1970): differences count days in [a, b). */
  private workingDaysBefore(day: number): number {
    // Number of exceptions strictly before `day` (lower bound).
    let lo = 0;
    let hi = this.exceptionDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.exceptionDays[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return weekdaysBefore(day) + this.exceptionPrefix[lo]!;
  }

  /** The working day with `ordinal` working days before it: the first day whose next day counts more. */
  private dayOfOrdinal(ordinal: number): number {
    const reached = (day: number) => this.workingDaysBefore(day + 1) > ordinal;
    // Five working days a week is a close guess; exceptions move it by a few days, so widen by doubling.
    const guess = Math.floor((ordinal * 7) / 5);
    let lo: number;
    let hi: number;
    let step = 8;
    if (reached(guess)) {
      hi = guess;
      lo = guess - step;
      while (reached(lo)) [hi, lo, step] = [lo, lo - step * 2, step * 2];
    } else {
      lo = guess;
      hi = guess + step;
      while (!reached(hi)) [lo, hi, step] = [hi, hi + step * 2, step * 2];
    }
    // Invariant: reached(hi) and not reached(lo).
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (reached(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}
