import type { CalendarDayKindName, CalendarDayRow } from '@wangge/shared';

/** Colours of the day kinds: red rest (holidays), orange work on a weekend (调休), as printed calendars do. */
export const KIND_STYLE: Record<
  CalendarDayKindName,
  { background: string; color: string; border: string }
> = {
  holiday: { background: '#fff1f0', color: '#cf1322', border: '#ffa39e' },
  makeup_workday: { background: '#fff7e6', color: '#d46b08', border: '#ffd591' },
  workday: { background: '#f6ffed', color: '#389e0d', border: '#b7eb8f' },
  weekend: { background: '#fafafa', color: '#8c8c8c', border: '#d9d9d9' },
};

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of a civil date. */
export const isoDate = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(day)}`;

/** Monday = 0 … Sunday = 6, of a civil date (UTC arithmetic: no time zone can shift it). */
export function weekdayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The cells of a month grid starting on Monday: nulls before the 1st, then each day. */
export function monthCells(year: number, month: number): (number | null)[] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = weekdayIndex(year, month, 1);
  return [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
}

/** What a date is without a calendar entry: the Monday–Friday rule. */
export function defaultKind(year: number, month: number, day: number): 'workday' | 'weekend' {
  return weekdayIndex(year, month, day) >= 5 ? 'weekend' : 'workday';
}

const KIND_WORDS: Record<string, CalendarDayKindName> = {
  holiday: 'holiday',
  makeup_workday: 'makeup_workday',
  workday: 'workday',
  weekend: 'weekend',
  节假日: 'holiday',
  假日: 'holiday',
  休: 'holiday',
  调休上班: 'makeup_workday',
  调休: 'makeup_workday',
  班: 'makeup_workday',
  上班: 'makeup_workday',
  工作日: 'workday',
  休息日: 'weekend',
};

export type ParsedImport =
  | { ok: true; rows: CalendarDayRow[]; year: number | null }
  | { ok: false; line: number; text: string };

/**
 * Reads what an administrator pastes: the API's JSON ({year, rows} or a bare array of rows), or lines of
 * "date,kind,name" (comma, tab or Chinese comma; a header line and blank lines are skipped). The server checks
 * dates and duplicates again and answers every bad row, so this only has to recognise the shape.
 */
export function parseImport(text: string): ParsedImport {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const data = JSON.parse(trimmed) as unknown;
      const rows = Array.isArray(data) ? data : (data as { rows?: unknown }).rows;
      const year = Array.isArray(data) ? null : Number((data as { year?: unknown }).year) || null;
      if (!Array.isArray(rows)) return { ok: false, line: 1, text: 'rows' };
      return {
        ok: true,
        year,
        rows: rows.map((r: { date?: unknown; kind?: unknown; name?: unknown }) => ({
          date: String(r.date ?? ''),
          kind: KIND_WORDS[String(r.kind ?? '')] ?? (String(r.kind ?? '') as CalendarDayKindName),
          name: String(r.name ?? ''),
        })),
      };
    } catch {
      return { ok: false, line: 1, text: trimmed.slice(0, 40) };
    }
  }
  const rows: CalendarDayRow[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const [rawDate = '', rawKind = '', ...rest] = line.split(/[,\t，]/).map((s) => s.trim());
    const date = rawDate
      .replace(/[/.]/g, '-')
      .replace(/^(\d{4})-(\d)-/, '$1-0$2-')
      .replace(/-(\d)$/, '-0$1');
    const kind = KIND_WORDS[rawKind];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !kind) {
      // A header line (日期,类型,名称 / date,kind,name) is allowed once, at the top.
      if (rows.length === 0 && !/\d/.test(rawDate)) continue;
      return { ok: false, line: i + 1, text: line.slice(0, 40) };
    }
    rows.push({ date, kind, name: rest.join(',').trim() });
  }
  return { ok: true, rows, year: null };
}
