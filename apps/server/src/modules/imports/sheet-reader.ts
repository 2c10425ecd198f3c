import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../core/errors';
import { xlsxRows } from './xlsx-stream-reader';

export { unzippedSize } from './zip-entries';

/** One data row: its spreadsheet row number, text cells by column position, and per-cell problems found while reading. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
  cellProblems: { col: number; value: string; problem: string }[];
}

/**
 * A sheet being read: the header row, then the data rows one at a time. Rows are not all held at once — a
 * 100,000-row file is validated as it is read; blank rows are skipped and the row limit is enforced on the way.
 */
export interface SheetStream {
  headers: string[];
  rows: AsyncIterable<SheetRow>;
  /** Stops reading (releases the inflate stream) when the rows are not read to the end. */
  close(): Promise<void>;
}

export const SHEET_LIMITS = {
  maxRows: 200_000,
  maxColumns: 60,
  maxCellChars: 1_000,
  maxUnzippedBytes: 400 * 1024 * 1024,
} as const;

const invalidFile = (message: string) => new AppError('invalid_file', message, { field: 'file' });
const tooBig = () =>
  invalidFile(`文件解压后超过 ${SHEET_LIMITS.maxUnzippedBytes / 1024 / 1024} MB，请拆分后分批导入`);

function isZip(buf: Buffer): boolean {
  return buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** Opens the first worksheet of an .xlsx file, or a CSV (UTF-8, or GB18030 as Excel writes it on Chinese Windows). */
export async function openSheet(buf: Buffer): Promise<SheetStream> {
  if (buf.length === 0) throw invalidFile('文件为空');
  const raw = isZip(buf) ? xlsxRows(buf, SHEET_LIMITS, tooBig) : csvRows(buf);
  // The header is the first row with any text; what comes before it (title rows left blank) is passed over.
  for (;;) {
    const next = await raw.next();
    if (next.done) throw invalidFile('文件中没有表头行');
    const headers = next.value.values.slice(0, SHEET_LIMITS.maxColumns);
    const texts = Array.from(headers, (v) => cellText(v).text);
    if (texts.some((h) => h !== ''))
      return {
        headers: texts,
        rows: dataRows(raw),
        close: async () => void (await raw.return(undefined)),
      };
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A cell as the text a person typed. Formulas are refused, not evaluated: a sheet's cached result may be stale, and
 * accepting formulas invites injection when the data is exported again. Long digit strings stored as numbers have
 * already lost digits in Excel (15 significant digits), so they are refused too.
 */
function cellText(value: unknown): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) >= 1e15)
      return {
        text: String(value),
        problem: '数字过长已被 Excel 截断，请将该列设为文本格式后重新填写',
      };
    return { text: String(value) };
  }
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date)
    return {
      text: `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`,
    };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v)
      return { text: String(v.result ?? ''), problem: '不接受公式，请复制后“粘贴为数值”' };
    if (Array.isArray(v.richText))
      return {
        text: (v.richText as { text: string }[])
          .map((r) => r.text)
          .join('')
          .trim(),
      };
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return { text: String(v.error), problem: '单元格含错误值' };
  }
  return { text: String(value) };
}

/** Text cells and their problems; null for a blank row, which is skipped as Excel users expect. */
function toSheetRow(rowNumber: number, raw: readonly unknown[]): SheetRow | null {
  const cells: string[] = [];
  const cellProblems: SheetRow['cellProblems'] = [];
  const width = Math.min(raw.length, SHEET_LIMITS.maxColumns);
  for (let c = 0; c < width; c++) {
    const { text, problem } = cellText(raw[c]);
    if (text.length > SHEET_LIMITS.maxCellChars)
      cellProblems.push({
        col: c,
        value: `${text.slice(0, 50)}…`,
        problem: `内容超过 ${SHEET_LIMITS.maxCellChars} 个字符`,
      });
    else if (problem) cellProblems.push({ col: c, value: text, problem });
    cells.push(text.length > SHEET_LIMITS.maxCellChars ? '' : text);
  }
  if (cells.every((c) => c === '') && cellProblems.length === 0) return null;
  return { rowNumber, cells, cellProblems };
}

async function* dataRows(
  raw: AsyncGenerator<{ rowNumber: number; values: readonly unknown[] }>,
): AsyncGenerator<SheetRow> {
  let count = 0;
  try {
    for (let next = await raw.next(); !next.done; next = await raw.next()) {
      const row = toSheetRow(next.value.rowNumber, next.value.values);
      if (!row) continue;
      if (++count > SHEET_LIMITS.maxRows)
        throw invalidFile(`文件超过 ${SHEET_LIMITS.maxRows} 行，请拆分后分批导入`);
      yield row;
    }
  } finally {
    await raw.return(undefined);
  }
}

function decodeText(buf: Buffer): string {
  const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw invalidFile('无法识别文件编码：请上传 .xlsx 或 UTF-8 编码的 CSV');
    }
  }
}

/**
 * RFC 4180 CSV (csv-parse): quoted fields may hold commas, quotes ("") and line breaks; blank lines stay rows (one
 * empty cell) so row numbers count as Excel counts them; a stray quote inside an unquoted field is text.
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, {
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (err) {
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED')
      throw invalidFile('CSV 文件中有未闭合的引号');
    if (err instanceof CsvError) throw invalidFile(`无法解析 CSV 文件第 ${err.lines} 行`);
    throw err;
  }
}

/** CSV lines as rows of values (a CSV is small enough to decode whole; the 30 MB upload limit bounds it). */
async function* csvRows(buf: Buffer): AsyncGenerator<{ rowNumber: number; values: unknown[] }> {
  const text = decodeText(buf);
  // A binary file that is neither a zip nor text: most likely a legacy .xls.
  if (text.includes('\u0000'))
    throw invalidFile('无法读取该文件：请上传 .xlsx 或 CSV（旧版 .xls 请另存为 .xlsx）');
  const lines = parseCsv(text);
  let header = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (header) {
      // The header is read as typed: trimmed text, never a formula.
      header = !line.some((c) => c.trim() !== '');
      yield { rowNumber: i + 1, values: line };
      continue;
    }
    // CSV has no formulas, but a cell starting with = is one as soon as Excel opens the file again.
    yield {
      rowNumber: i + 1,
      values: line.map((c) => (/^[=+@]/.test(c.trim()) ? { formula: c, result: c } : c)),
    };
  }
}
