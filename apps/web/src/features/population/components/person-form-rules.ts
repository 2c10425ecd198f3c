import {
  ANY_PHONE_PATTERN,
  withoutSpaces,
  ID_PROBLEM_MESSAGES,
  parseIdNumber,
  PERSON_DOC_MESSAGE,
  PERSON_DOC_PATTERN,
  type PersonIdType,
} from '@wangge/shared';

/** The server's phone rule (PersonPhoneSchema is the shared AnyPhoneSchema), so the form says so before sending. */
export const PHONE_PATTERN = ANY_PHONE_PATTERN;
export const cleanPhone = withoutSpaces;

/** The same document check the server applies: GB 11643 for resident IDs, 5–20 letters or digits otherwise. */
export function idNumberProblem(idType: PersonIdType, value: string): string | null {
  if (idType === 'resident_id') {
    const r = parseIdNumber(value);
    return r.ok ? null : ID_PROBLEM_MESSAGES[r.problem];
  }
  return PERSON_DOC_PATTERN.test(value.trim().toUpperCase()) ? null : PERSON_DOC_MESSAGE;
}

/** What a valid resident ID says about its holder, shown under the field. */
export function idNumberFacts(
  value: string,
): { birthDate: string; gender: 'male' | 'female'; converted: boolean } | null {
  const r = parseIdNumber(value);
  return r.ok ? { birthDate: r.birthDate, gender: r.gender, converted: r.converted } : null;
}

/** Trimmed text, or null for an empty field (the server clears the value). */
export const optionalText = (v: string | undefined | null): string | null =>
  v?.trim() ? v.trim() : null;
