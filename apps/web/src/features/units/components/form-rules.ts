/** The server's phone rule (UnitPhoneSchema is the shared PhoneSchema), so the form says so before sending. */
export { PHONE_PATTERN, withoutSpaces } from '@wangge/shared';

/** Trimmed text, or null for an empty field (the server clears the value). */
export const optionalText = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);
