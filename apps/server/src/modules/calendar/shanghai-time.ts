// Civil-time helpers for Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a fixed
// offset is exact for every date this product handles, and it keeps the results independent of the machine's
// time zone (servers and CI often run in UTC).

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year. */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** Milliseconds since the epoch of a valid Date; throws on an invalid one so NaN never reaches the arithmetic. */
export function instantMs(instant: Date, what = 'instant'): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is an invalid Date`);
  return ms;
}

/**
 * Splits an instant into a Shanghai day number (days since 1970-01-01, which is day 0) and the milliseconds
 * since that day's midnight.
 */
export function toLocal(ms: number): { day: number; tod: number } {
  const local = ms + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  return { day, tod: local - day * DAY_MS };
}

/** The instant at `tod` milliseconds after midnight of Shanghai day `day`. */
export const fromLocal = (day: number, tod: number): number =>
  day * DAY_MS + tod - SHANGHAI_OFFSET_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date; rejects impossible dates such as 2026-02-30. */
export function parseDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const utc = Date.UTC(y, mo - 1, d);
    const back = new Date(utc);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d)
      return utc / DAY_MS;
  }
  throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
}

/** 'YYYY-MM-DD' of a day number. */
export const formatDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The Shanghai calendar date ('YYYY-MM-DD') an instant falls on. */
export const shanghaiDate = (instant: Date): string => formatDay(toLocal(instantMs(instant)).day);

/** Gregorian year of a day number. */
export const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

/** Month (1–12) of a day number. */
export const monthOfDay = (day: number): number => new Date(day * DAY_MS).getUTCMonth() + 1;

const HM_RE = /^(\d{2}):(\d{2})$/;

/** Milliseconds after midnight of an 'HH:MM' time; '24:00' is allowed as the end of a day. */
export function parseHm(hm: string): number {
  const m = HM_RE.exec(hm);
  if (m) {
    const [h, min] = [Number(m[1]), Number(m[2])];
    if ((h < 24 && min < 60) || (h === 24 && min === 0)) return h * HOUR_MS + min * MINUTE_MS;
  }
  throw new RangeError(`not an HH:MM time: ${JSON.stringify(hm)}`);
}

// Day 0 (1970-01-01) was a Thursday, so day % 7 gives 0 Thu, 1 Fri, 2 Sat, 3 Sun, 4 Mon, 5 Tue, 6 Wed.
const mod7 = (day: number): number => ((day % 7) + 7) % 7;

/** Saturday or Sunday. */
export const isWeekendDay = (day: number): boolean => {
  const r = mod7(day);
  return r === 2 || r === 3;
};

// Monday–Friday days before each position of the week, counted from a Thursday.
const WEEKDAYS_BEFORE = [0, 1, 2, 2, 2, 3, 4] as const;

/**
 * A counting function for Monday–Friday days: `weekdaysBefore(b) - weekdaysBefore(a)` is the number of
 * Monday–Friday days in [a, b), for any a ≤ b, negative day numbers included. Closed form, so long spans cost
 * nothing.
 */
export function weekdaysBefore(day: number): number {
  const weeks = Math.floor(day / 7);
  return weeks * 5 + (WEEKDAYS_BEFORE[day - weeks * 7] ?? 0);
}
