/**
 * Phone number patterns, one place for the whole platform. Plain patterns rather than only zod schemas, so web forms
 * check them without loading zod; phone.schemas.ts builds the schemas from them. Spaces are dropped before any check.
 */

/** A mainland mobile: 1, then 3–9, then 9 digits. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** A mainland mobile, or a landline with its area code (0 + 2–3 digits, an optional hyphen, 7–8 digits). */
export const PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * Any number a resident may give, foreign ones included (境外人员): an optional +, then 5–20 digits and hyphens.
 * Looser on purpose: the person registry must take what is written in a passport holder's file.
 */
export const ANY_PHONE_PATTERN = /^\+?\d[\d-]{4,19}$/;

export const MOBILE_MESSAGE = '手机号应为 11 位';
export const PHONE_MESSAGE = '请填写有效的手机号或固定电话（如 13812345678、0371-12345678）';
export const ANY_PHONE_MESSAGE = '电话号码格式不正确';

/** Spaces dropped, as the schemas do before checking: "138 1234 5678" is 13812345678. */
export const withoutSpaces = (value: string): string => value.replace(/\s/g, '');
