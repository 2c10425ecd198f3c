import { DAY_MS, HOUR_MS, instantMs } from './shanghai-time';
import type { WorkCalendar } from './work-calendar';

import type { LimitType } from '@wangge/shared';

// How a limit counts time (docs/case-workflow.md §3.2): one list, in packages/shared.
export { LIMIT_TYPES, type LimitType } from '@wangge/shared';

/** A suspended (挂账) interval; `to: null` means still suspended. */
export interface Pause {
  from: Date;
  to: Date | null;
}

// Every limit type is "a counter that runs at one millisecond per millisecond while it runs": always for the
// clock types, inside working windows of working days for the working types. A deadline is then the latest
// instant at which the counter has advanced by the limit, and elapsed time is a difference of two counter
// readings. Both directions use the same counter, so they cannot drift apart.

/** Counter reading (ms) at `ms`. */
function counter(cal: WorkCalendar, type: LimitType, ms: number): number {
  switch (type) {
    case 'urgent_hour':
    case 'natural_day':
      return ms;
    case 'work_hour':
    case 'work_day':
      return cal.position(ms);
  }
}

/** The latest instant with counter reading `reading`. */
function instantAtCounter(cal: WorkCalendar, type: LimitType, reading: number): number {
  switch (type) {
    case 'urgent_hour':
    case 'natural_day':
      return reading;
    case 'work_hour':
    case 'work_day':
      return cal.instantAt(reading);
  }
}

/** Counter milliseconds in one unit of the limit. A work day is one working day's worth of working hours. */
function unitMs(cal: WorkCalendar, type: LimitType): number {
  switch (type) {
    case 'urgent_hour':
    case 'work_hour':
      return HOUR_MS;
    case 'natural_day':
      return DAY_MS;
    case 'work_day':
      return cal.dayWorkMs;
  }
}

function limitMs(cal: WorkCalendar, value: number, type: LimitType): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`limit must be a finite number ≥ 0, got ${value}`);
  // Deadlines are whole milliseconds; rounding here keeps addLimit and elapsed within half a millisecond.
  return Math.round(value * unitMs(cal, type));
}

/**
 * The deadline of a limit of `value` units of `type` started at `start`: the latest instant at which no more
 * than `value` has elapsed, so `t > deadline` exactly when `elapsed(cal, start, t, type) > value`.
 *
 * - `urgent_hour`: start + value hours, round the clock. `natural_day`: start + value × 24 h.
 * - `work_hour`: counts only working windows of working days; a start outside them counts from the next
 *   opening. A deadline that falls on a window's end moves to the next opening (11:00 + 1 h → 14:00), which is
 *   the same amount of working time and the moment the case actually becomes overdue.
 * - `work_day`: the same time of day on the Nth working day after the start; a start outside working time counts
 *   from the next opening (Friday 18:00 + 1 → Tuesday 08:30). With one set of windows for every working day this
 *   is N × a working day's hours, which is how fractional values (0.5 work day) are counted.
 */
export function addLimit(cal: WorkCalendar, start: Date, value: number, type: LimitType): Date {
  const s = instantMs(start, 'start');
  return new Date(instantAtCounter(cal, type, counter(cal, type, s) + limitMs(cal, value, type)));
}

/**
 * Time counted by `type` between two instants, in the limit's unit (hours for `urgent_hour`/`work_hour`, days
 * for `work_day`/`natural_day`). Negative when `to` is before `from`, so `elapsed(cal, now, deadline, type)`
 * is the time left.
 */
export function elapsed(cal: WorkCalendar, from: Date, to: Date, type: LimitType): number {
  const a = instantMs(from, 'from');
  const b = instantMs(to, 'to');
  return (counter(cal, type, b) - counter(cal, type, a)) / unitMs(cal, type);
}

/** Pauses clipped to [from, to], sorted and merged; an open pause runs to `to`. */
function clipPauses(pauses: readonly Pause[], from: number, to: number): [number, number][] {
  const clipped = pauses
    .map((p): [number, number] => [
      Math.max(from, instantMs(p.from, 'pause.from')),
      Math.min(to, p.to === null ? to : instantMs(p.to, 'pause.to')),
    ])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of clipped) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/**
 * Like `elapsed`, without the time inside `pauses` (挂账 does not count against the limit). Pauses may
 * overlap each other or stick out of [from, to]; only the covered part of [from, to] is left out, counted in
 * the limit's own terms (a weekend inside a pause was not working time anyway). Negative when `to` < `from`.
 */
export function elapsedExcluding(
  cal: WorkCalendar,
  from: Date,
  to: Date,
  type: LimitType,
  pauses: readonly Pause[],
): number {
  const a = instantMs(from, 'from');
  const b = instantMs(to, 'to');
  if (b < a) return -elapsedExcluding(cal, to, from, type, pauses);
  let total = counter(cal, type, b) - counter(cal, type, a);
  for (const [ps, pe] of clipPauses(pauses, a, b))
    total -= counter(cal, type, pe) - counter(cal, type, ps);
  return total / unitMs(cal, type);
}

/**
 * The deadline of a limit whose clock stopped during `pauses`: after each pause it resumes with the time that
 * was left, so the result is pushed out by exactly the counted time inside the pauses that come before it.
 * Like `addLimit`, it is the latest instant at which no more than `value` has elapsed (per
 * `elapsedExcluding`), so a limit that runs out exactly when a pause begins ends at the resumption's next
 * opening. Returns null while the limit is frozen by an open pause (`to: null`) reached before it runs out:
 * a suspended case has no deadline until it is resumed.
 */
export function addLimitAfterPauses(
  cal: WorkCalendar,
  start: Date,
  value: number,
  type: LimitType,
  pauses: readonly Pause[],
): Date | null {
  const s = instantMs(start, 'start');
  let left = limitMs(cal, value, type);
  let cursor = s;
  // An open pause clips to Infinity: the walk below stops at it unless the limit ran out before it.
  for (const [ps, pe] of clipPauses(pauses, s, Infinity)) {
    const running = counter(cal, type, ps) - counter(cal, type, cursor);
    if (running > left) break;
    left -= running;
    if (pe === Infinity) return null;
    cursor = pe;
  }
  return new Date(instantAtCounter(cal, type, counter(cal, type, cursor) + left));
}
