import {
  ID_PROBLEM_MESSAGES,
  maskIdNumber,
  maskPhone,
  normalizeNameSearch,
  parseIdNumber,
  PERSON_DOC_MESSAGE,
  PERSON_DOC_PATTERN,
  type PersonGender,
  type PersonFilter,
  type PersonIdType,
} from '@wangge/shared';
import { inScope, type AreaScope } from '../../core/auth/area-scope';
import type { FieldCipher } from '../../core/crypto';
import { AppError } from '../../core/errors';
import type { PersonFilterRow } from './population.repo';

/** Where a person is counted: the house's codes, or a community/grid chosen when there is no house. */
export interface PersonPlace {
  adminCode: string;
  streetCode: string;
  communityCode: string;
  gridCode: string | null;
}

/** The house a person can move into, as the housing module describes it. */
export interface HouseRef extends PersonPlace {
  id: string;
  addressId: string;
  fullAddress: string;
}

/** A document number ready to store: ciphertext, lookup hash and mask; plus what a resident ID tells. */
export interface StoredIdentity {
  idType: PersonIdType;
  number: string;
  enc: string;
  hash: string;
  masked: string;
  gender: PersonGender | null;
  birthDate: string | null;
}

/** China has no daylight saving: Shanghai's calendar day is UTC+8's. */
export const shanghaiDate = (d: Date): string =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Resident IDs are hashed bare (18 characters after 15 → 18 conversion); other documents carry their type, so a
 * passport number can never collide with an ID number. Passports of two countries sharing a number would; that
 * has to be entered as type 'other'.
 */
export function identityHashInput(idType: PersonIdType, number: string): string {
  return idType === 'resident_id' ? number : `${idType}:${number}`;
}

/** Validates and normalises a document number (400 on `field`), or throws. */
export function normaliseIdNumber(
  idType: PersonIdType,
  input: string,
  today: Date,
  field = 'idNumber',
): { number: string; gender: PersonGender | null; birthDate: string | null } {
  if (idType === 'resident_id') {
    const r = parseIdNumber(input, today);
    if (!r.ok) throw new AppError('validation_failed', ID_PROBLEM_MESSAGES[r.problem], { field });
    return { number: r.value, gender: r.gender, birthDate: r.birthDate };
  }
  const number = input.trim().toUpperCase();
  if (!PERSON_DOC_PATTERN.test(number))
    throw new AppError('validation_failed', PERSON_DOC_MESSAGE, { field });
  return { number, gender: null, birthDate: null };
}

export function storeIdentity(
  cipher: FieldCipher,
  idType: PersonIdType,
  input: string,
  today: Date,
  field?: string,
): StoredIdentity {
  const n = normaliseIdNumber(idType, input, today, field);
  return {
    idType,
    number: n.number,
    enc: cipher.encrypt(n.number),
    hash: cipher.lookupHash(identityHashInput(idType, n.number)),
    masked: maskIdNumber(n.number),
    gender: n.gender,
    birthDate: n.birthDate,
  };
}

/** Hash of a document number for a lookup (400 when the number cannot be valid). */
export function lookupHashOf(
  cipher: FieldCipher,
  idType: PersonIdType,
  input: string,
  today: Date,
): string {
  const n = normaliseIdNumber(idType, input, today);
  return cipher.lookupHash(identityHashInput(idType, n.number));
}

/**
 * Birth date columns: the year in clear (statistics, age bands), the full date encrypted. With the region known and
 * the mask hiding the other 12 characters, year + gender still leave (days of that year) × 500 candidate numbers.
 */
export function storeBirthDate(
  cipher: FieldCipher,
  date: string | null | undefined,
): { birth_year: number | null; birth_date_enc: string | null } {
  if (!date) return { birth_year: null, birth_date_enc: null };
  return { birth_year: Number(date.slice(0, 4)), birth_date_enc: cipher.encrypt(date) };
}

/** Phone columns: digits kept as entered (spaces already dropped by the schema). */
export function storePhone(
  cipher: FieldCipher,
  phone: string | null | undefined,
): { phone_enc: string | null; phone_hash: string | null; phone_masked: string | null } {
  if (!phone) return { phone_enc: null, phone_hash: null, phone_masked: null };
  return {
    phone_enc: cipher.encrypt(phone),
    phone_hash: phoneLookupHash(cipher, phone),
    phone_masked: maskPhone(phone),
  };
}

/** The keyed hash a phone is stored and looked up by (hyphens dropped, so 0371-1234567 finds 03711234567). */
export const phoneLookupHash = (cipher: FieldCipher, phone: string): string =>
  cipher.lookupHash(phone.replace(/-/g, ''));

/** The most specific code of a record: what scope checks compare with. */
export const placeCode = (r: { grid_code: string | null; community_code: string }): string =>
  r.grid_code ?? r.community_code;

export const visibleTo = (
  scope: AreaScope,
  r: { grid_code: string | null; community_code: string },
): boolean => inScope(scope, placeCode(r));

/** The codes of each level above a community (12 digits) or grid (14/15 digits) code. */
export function placeOfAreaCode(code: string): PersonPlace {
  return {
    adminCode: code.slice(0, 6),
    streetCode: code.slice(0, 9),
    communityCode: code.slice(0, 12),
    gridCode: code.length > 12 ? code : null,
  };
}

/**
 * The scope a list runs in: the caller's scope narrowed to an area filter. A filter inside the scope becomes the one
 * root (one index equality); a filter above it keeps the caller's roots under it; anything else matches nothing.
 */
export function narrowScope(scope: AreaScope, areaCode: string | undefined): AreaScope {
  if (!areaCode) return scope;
  if (inScope(scope, areaCode)) return { all: false, prefixes: [areaCode] };
  return { all: false, prefixes: scope.prefixes.filter((p) => p.startsWith(areaCode)) };
}

export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The list filter as the repository takes it: the name text (any part) normalised like the stored search column. */
export function toRowFilter(f: PersonFilter): PersonFilterRow {
  const nameContains = f.name ? normalizeNameSearch(f.name) : '';
  return {
    populationType: f.populationType,
    dataState: f.dataState,
    status: f.status,
    nameContains: nameContains || undefined,
  };
}
