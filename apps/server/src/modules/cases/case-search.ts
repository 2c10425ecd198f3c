/**
 * What the queue's search box means (GET /api/cases?q=): a whole case number is found on its unique index; anything
 * else is text matched anywhere in the case number, address and description — on the trigram index when it has 3
 * characters or more (cases_search on SQLite, cases_search_trgm on PostgreSQL; migration 2026-12-08T1130), on the
 * scope's queue index otherwise. Pure: the SQL is in cases.repo.ts.
 */
export type CaseSearch = { kind: 'caseNo'; caseNo: string } | { kind: 'text'; text: string };

/** AJ + 8-digit date + 10 digits (cases.presenter caseNumber). */
const WHOLE_CASE_NO = /^AJ\d{18}$/;

/** Which trigram index the database has: the FTS5 table (SQLite) or the pg_trgm expression index (PostgreSQL). */
export type CaseTextIndex = 'fts5' | 'trgm';

/** The shortest text a trigram index can serve. */
export const TRIGRAM_MIN = 3;

export function parseCaseSearch(raw: string | undefined): CaseSearch | undefined {
  // Full-width digits and letters (a number typed with a Chinese input method) become ASCII; spaces collapse.
  const text = (raw ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  // Case numbers are upper case; a typed "aj2026…" is the same number (PostgreSQL's LIKE is case-sensitive).
  const asNumber = /^aj\d*$/i.test(text) ? text.toUpperCase() : text;
  if (WHOLE_CASE_NO.test(asNumber)) return { kind: 'caseNo', caseNo: asNumber };
  return { kind: 'text', text: asNumber };
}

/** A LIKE pattern matching `text` anywhere, with its wildcards and the escape character taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** An FTS5 phrase matching `text` as a substring (trigram tokenizer); quotes doubled. */
export const ftsPhrase = (text: string): string => `"${text.replace(/"/g, '""')}"`;
