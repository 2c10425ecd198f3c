import { idCheckChar } from '@wangge/shared';

/**
 * What an attacker without personal.unmask holds about one document number: what a response or the raw row shows.
 * Counting the numbers consistent with it is the measure of the privacy rule (at least 1,000 candidates).
 */
export interface VisibleIdentity {
  /** The number as shown: '*' hides one character, every other character is taken as seen */
  masked: string;
  /**
   * The GB 11643 structure (公民身份号码, 港澳台居民居住证, 外国人永久居留身份证): 6-character region, birth date,
   * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character. Other documents have no known structure.
   */
  structured: boolean;
  /** The region code, assumed known anyway (the address or 户籍地 gives it) */
  region: string;
  /** Anything shown of the birth date: a full YYYY-MM-DD, or its year (YYYY-**-** counts as the year) */
  birthDate?: string | null | undefined;
  birthYear?: number | null | undefined;
  gender?: string | null | undefined;
  /** The record's creation day: a valid number's birth date is not later */
  notAfter: string;
}

const DAY = 86_400_000;

/** Birth dates (YYYYMMDD) consistent with what is shown; without a year, every day since 1900. */
function birthDates(v: VisibleIdentity): string[] {
  const full = v.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(v.birthDate) ? v.birthDate : null;
  if (full) return [full.replaceAll('-', '')];
  const year =
    v.birthYear ??
    (v.birthDate && /^\d{4}/.test(v.birthDate) ? Number(v.birthDate.slice(0, 4)) : null);
  const from = Date.UTC(year ?? 1900, 0, 1);
  const to = Math.min(
    year === null ? Infinity : Date.UTC(year, 11, 31),
    Date.parse(`${v.notAfter}T00:00:00Z`),
  );
  const out: string[] = [];
  for (let t = from; t <= to; t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10).replaceAll('-', ''));
  return out;
}

const fits = (masked: string, candidate: string) =>
  masked.length === candidate.length &&
  [...masked].every((c, i) => c === '*' || c === candidate[i]);

/**
 * Every number consistent with `v`, counted by enumeration for structured numbers (check character included), or
 * as 10^hidden for other documents (digits only: the smallest alphabet they may use). Stops counting at `cap`.
 */
export function countCandidates(v: VisibleIdentity, cap = 10_000_000): number {
  if (!v.structured) return Math.min(cap, 10 ** [...v.masked].filter((c) => c === '*').length);
  if (v.masked.length !== 18) return 0;
  let n = 0;
  for (const date of birthDates(v)) {
    for (let seq = 0; seq < 1000; seq++) {
      if (v.gender === 'male' && seq % 2 === 0) continue;
      if (v.gender === 'female' && seq % 2 === 1) continue;
      const first17 = `${v.region}${date}${String(seq).padStart(3, '0')}`;
      if (fits(v.masked, first17 + idCheckChar(first17)) && ++n >= cap) return n;
    }
  }
  return n;
}
