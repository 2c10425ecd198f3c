/**
 * When runs fall due. A schedule names each run by a sortable key and says which keys are due at an instant; the
 * runner compares keys as strings, so keys must sort in time order ('2026-11' < '2026-12').
 */
export interface Schedule {
  /** The newest key due at `now`, or null when none is yet. */
  latestDue(now: Date): string | null;
  /** Keys strictly after `after` up to and including `upTo`, in order. */
  keysBetween(after: string, upTo: string): string[];
  /** When a key falls due (documentation and tests). */
  dueAt(key: string): Date;
}

// Asia/Shanghai has been UTC+8 without daylight saving since 1991: a fixed offset is exact.
const OFFSET_MS = 8 * 3_600_000;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

const keyOf = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
function parseMonth(key: string): { y: number; m: number } {
  const match = MONTH_KEY.exec(key);
  if (!match) throw new Error(`not a month key: ${key}`);
  return { y: Number(match[1]), m: Number(match[2]) };
}
const next = ({ y, m }: { y: number; m: number }) =>
  m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };

/** Monthly, keyed by the month covered ('2026-11'), due on the 1st of the next month at 00:00 Shanghai time. */
export const monthlySchedule: Schedule = {
  latestDue(now) {
    const local = new Date(now.getTime() + OFFSET_MS);
    const y = local.getUTCFullYear();
    const m = local.getUTCMonth() + 1;
    return m === 1 ? keyOf(y - 1, 12) : keyOf(y, m - 1);
  },
  keysBetween(after, upTo) {
    const keys: string[] = [];
    for (let k = next(parseMonth(after)); keyOf(k.y, k.m) <= upTo; k = next(k))
      keys.push(keyOf(k.y, k.m));
    return keys;
  },
  dueAt(key) {
    const n = next(parseMonth(key));
    return new Date(Date.UTC(n.y, n.m - 1, 1) - OFFSET_MS);
  },
};
