/**
 * Dates as people here write them, in both languages: 2026-01-05 14:03 (ISO order, 24-hour clock, local time).
 * Locale formats gave 2026/01/05 in Chinese and 05/01/2026 in English, which an English reader from elsewhere reads
 * as 1 May; one unambiguous form serves both.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function isoDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${isoDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
