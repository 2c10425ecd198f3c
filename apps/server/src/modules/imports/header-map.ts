import { AppError } from '../../core/errors';
import type { ImportColumn } from './import-spec';

/** Header text as people retype it: without the * of required columns, spaces, or full-width brackets. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/[*＊\s]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

/**
 * Maps sheet columns to spec columns by header (Chinese, or the English key). Unknown, repeated or missing
 * required headers refuse the file as a whole: a shifted column would otherwise import names as ID numbers.
 */
export function mapHeaders(headers: string[], columns: ImportColumn[]): (ImportColumn | null)[] {
  const byName = new Map<string, ImportColumn>();
  for (const c of columns) {
    byName.set(normaliseHeader(c.header), c);
    byName.set(c.key.toLowerCase(), c);
  }
  const seen = new Set<string>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const mapped = headers.map((h) => {
    if (h.trim() === '') return null;
    const col = byName.get(normaliseHeader(h));
    if (!col) {
      unknown.push(h);
      return null;
    }
    if (seen.has(col.key)) repeated.push(h);
    seen.add(col.key);
    return col;
  });
  const missing = columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  const parts: string[] = [];
  if (missing.length) parts.push(`缺少必填列：${missing.join('、')}`);
  if (unknown.length) parts.push(`无法识别的列：${unknown.slice(0, 10).join('、')}`);
  if (repeated.length) parts.push(`重复的列：${repeated.join('、')}`);
  if (parts.length)
    throw new AppError(
      'invalid_file',
      `表头与模板不符（${parts.join('；')}），请下载模板后按模板填写`,
      { field: 'file', details: { missing, unknown, repeated } },
    );
  return mapped;
}

/**
 * A title line above the header (an export's watermark): one text cell that names no column. Such a row is passed
 * over; a real header of one unknown column is still refused by mapHeaders on the row after it.
 */
export function isTitleRow(headers: string[], columns: ImportColumn[]): boolean {
  const texts = headers.filter((h) => h.trim() !== '');
  if (texts.length !== 1) return false;
  const known = new Set(columns.flatMap((c) => [normaliseHeader(c.header), c.key.toLowerCase()]));
  return !known.has(normaliseHeader(texts[0]!));
}
