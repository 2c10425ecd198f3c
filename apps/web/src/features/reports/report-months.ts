/** Months that have ended in Shanghai (UTC+8, no daylight saving), newest first: what a report may be asked for. */
export function endedMonths(now: Date, count = 24): string[] {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  let y = local.getUTCFullYear();
  let m = local.getUTCMonth() + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}
