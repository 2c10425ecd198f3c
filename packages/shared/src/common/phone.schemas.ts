import { z } from 'zod';
import {
  ANY_PHONE_MESSAGE,
  ANY_PHONE_PATTERN,
  MOBILE_MESSAGE,
  MOBILE_PATTERN,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  withoutSpaces,
} from './phone';

// One base (spaces dropped, then a pattern of phone.ts) and named variants where the meaning truly differs. What a
// schema outputs is what is stored and what each module's lookup hash is computed from, so a variant's output must
// not change for input it accepted before (phone.schemas.test.ts pins it).
const spacesDropped = z.string().transform(withoutSpaces);

/** A mobile or a landline with area code, hyphen kept as typed (units, places, guardians). */
export const PhoneSchema = spacesDropped.pipe(z.string().regex(PHONE_PATTERN, PHONE_MESSAGE));

/** Staff accounts: a mobile only, the number colleagues call in the field. */
export const MobilePhoneSchema = spacesDropped.pipe(
  z.string().regex(MOBILE_PATTERN, MOBILE_MESSAGE),
);

/**
 * As PhoneSchema, stored as digits only (hyphens dropped too): landlords' phones have always been stored and hashed
 * so, and a search by 0371-12345678 must keep finding 037112345678.
 */
export const PhoneDigitsSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(PHONE_PATTERN, PHONE_MESSAGE));

/** Residents: any number, foreign ones included (ANY_PHONE_PATTERN). */
export const AnyPhoneSchema = spacesDropped.pipe(
  z.string().regex(ANY_PHONE_PATTERN, ANY_PHONE_MESSAGE),
);
