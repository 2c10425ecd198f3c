import { CREDIT_CODE_PROBLEM_MESSAGES, parseCreditCode } from '@wangge/shared';
import type { FieldCipher } from '../../core/crypto';
import { AppError } from '../../core/errors';

// Pure rules of the registry: dates of the inspection schedule, identifiers, sealed phones.

const DAY_MS = 86_400_000;
// Inspection days are calendar days where the grid works; China has one time zone and no daylight saving.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar day (YYYY-MM-DD) in Shanghai of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * When the next inspection is due after one on `day`: the regular interval, or earlier when a hazard's 整改期限
 * comes first, since the rectification is checked on site (复查).
 */
export function nextDueAfter(
  day: string,
  intervalDays: number,
  rectifyBy: readonly (string | null | undefined)[] = [],
): string {
  const dates = [addDays(day, intervalDays), ...rectifyBy.filter((d): d is string => Boolean(d))];
  return dates.sort()[0]!;
}

/** A valid, normalised credit code, or an `invalid_code` error naming the field and the problem. */
export function checkCreditCode(code: string, field = 'creditCode'): string {
  const r = parseCreditCode(code);
  if (!r.ok)
    throw new AppError('invalid_code', CREDIT_CODE_PROBLEM_MESSAGES[r.problem], {
      field,
      details: { problem: r.problem },
    });
  return r.value;
}

/** Empty strings from forms and imports mean "none". */
export const blankToNull = (v: string | null | undefined): string | null | undefined =>
  v === '' ? null : v;

export interface SealedPhone {
  enc: string | null;
  hash: string | null;
}

/** Ciphertext plus keyed hash of a phone; undefined when the input leaves it unchanged. */
export function sealPhone(
  cipher: FieldCipher,
  phone: string | null | undefined,
): SealedPhone | undefined {
  if (phone === undefined) return undefined;
  if (phone === null || phone === '') return { enc: null, hash: null };
  // The hash is of the digits only, so 0371-12345678 and 037112345678 find each other.
  return { enc: cipher.encrypt(phone), hash: cipher.lookupHash(phone.replace(/\D/g, '')) };
}

/** The hash a phone filter compares with (same normalisation as sealPhone). */
export const phoneHash = (cipher: FieldCipher, phone: string): string =>
  cipher.lookupHash(phone.replace(/\D/g, ''));

export const parseJsonArray = <T>(text: string): T[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};
