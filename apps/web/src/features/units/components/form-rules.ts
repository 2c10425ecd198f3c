/** The server's phone rule (UnitPhoneSchema), so the form says so before sending. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Trimmed text, or null for an empty field (the server clears the value). */
export const optionalText = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);
