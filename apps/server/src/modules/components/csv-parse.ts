import { CsvError, parse } from 'csv-parse/sync';

/** One record of a CSV file with the line it starts on (1-based), for error reports. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; reason: string };

/**
 * RFC 4180 CSV (csv-parse): quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF or CR, mixed.
 * Spreadsheets in China often save tab-separated text under a .csv name, so a header line with tabs and no commas
 * switches the separator. A leading byte-order mark (Excel's UTF-8) is dropped; blank lines are not rows.
 */
export function parseCsv(text: string): CsvResult {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  // Blank lines are parsed as records so that every record's first line is the line after the one before it ends.
  let lastEnd = 0;
  const records: CsvRecord[] = [];
  try {
    parse(src, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (cells: string[], { lines }) => {
        if (!(cells.length === 1 && cells[0] === '')) records.push({ line: lastEnd + 1, cells });
        lastEnd = lines;
        return null;
      },
    });
  } catch (err) {
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED')
      return { ok: false, line: lastEnd + 1, reason: 'unterminated_quote: 引号未闭合' };
    if (err instanceof CsvError)
      return { ok: false, line: lastEnd + 1, reason: `invalid_csv: 无法解析该行 (${err.code})` };
    throw err;
  }
  return { ok: true, records };
}
