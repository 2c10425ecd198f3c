/** Masking patterns of docs/domain.md §10: shown wherever personal data is not unmasked. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Characters of a document number that a mask always hides, and the most it shows (at the start). */
export const ID_MASK_HIDDEN = 12;
const ID_MASK_SHOWN = 6;

/**
 * One rule for every document type: at least the last 12 characters are hidden and at most the first 6 shown, so an
 * 18-character 公民身份号码 (and the 港澳台居民居住证 / 外国人永久居留身份证 numbers of the same structure) shows only
 * its region code: 410105************. Nothing of the birth date, sequence or check character is left, so the
 * birth year and gender shown in clear still leave (days of that year) × 500 candidates. A 9-character passport is
 * hidden whole. The old 6 + 4 pattern hid exactly the birth date, which was shown beside it.
 */
export function maskIdNumber(id: string): string {
  const shown = Math.max(0, Math.min(ID_MASK_SHOWN, id.length - ID_MASK_HIDDEN));
  return `${id.slice(0, shown)}${'*'.repeat(id.length - shown)}`;
}

/** A birth date as masked views show it: the year only (1975-**-**); the full date is revealed by unmasking. */
export function maskBirthDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(0, 4)}-**-**` : '*'.repeat(date.length);
}

/** Keeps the surname (first character) and the last character of longer names: 张*明. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
