import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors';

/** One data row: its spreadsheet row number, text cells by column position, and per-cell problems found while reading. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
  cellProblems: { col: number; value: string; problem: string }[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

export const SHEET_LIMITS = { maxRows: 200_000, maxColumns: 60, maxCellChars: 1_000, maxUnzippedBytes: 400 * 1024 * 1024 } as const;

/**
 * The sum of the uncompressed sizes a zip's central directory declares, read before anything is inflated, so a
 * small file that would expand to gigabytes (a zip bomb) is refused. An unreadable directory counts as 0 and is left
 * to the workbook loader to refuse.
 */
export function unzippedSize(buf: Buffer): number {
  const min = Math.max(0, buf.length - 65_557);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    let total = 0;
    for (let e = 0; e < entries && p + 46 <= buf.length && buf.readUInt32LE(p) === 0x02014b50; e++) {
      total += buf.readUInt32LE(p + 24);
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return total;
  }
  return 0;
}

const invalidFile = (message: string) => new AppError('invalid_file', message, { field: 'file' });

function isZip(buf: Buffer): boolean {
  return buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** Reads the first worksheet of an .xlsx file, or a CSV (UTF-8, or GB18030 as Excel writes it on Chinese Windows). */
export async function readSheet(buf: Buffer): Promise<Sheet> {
  if (buf.length === 0) throw invalidFile('文件为空');
  return isZip(buf) ? readXlsx(buf) : readCsv(buf);
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
    if (Number.isInteger(value) && Math.abs(value) >= 1e15) return { text: String(value), problem: '数字过长已被 Excel 截断，请将该列设为文本格式后重新填写' };
    return { text: String(value) };
  }
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date) return { text: `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}` };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return { text: String(v.result ?? ''), problem: '不接受公式，请复制后“粘贴为数值”' };
    if (Array.isArray(v.richText)) return { text: (v.richText as { text: string }[]).map((r) => r.text).join('').trim() };
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return { text: String(v.error), problem: '单元格含错误值' };
  }
  return { text: String(value) };
}

function pushRow(sheet: Sheet, rowNumber: number, raw: unknown[]): void {
  const cells: string[] = [];
  const cellProblems: SheetRow['cellProblems'] = [];
  const width = Math.min(raw.length, SHEET_LIMITS.maxColumns);
  for (let c = 0; c < width; c++) {
    const { text, problem } = cellText(raw[c]);
    if (text.length > SHEET_LIMITS.maxCellChars) cellProblems.push({ col: c, value: `${text.slice(0, 50)}…`, problem: `内容超过 ${SHEET_LIMITS.maxCellChars} 个字符` });
    else if (problem) cellProblems.push({ col: c, value: text, problem });
    cells.push(text.length > SHEET_LIMITS.maxCellChars ? '' : text);
  }
  if (cells.every((c) => c === '') && cellProblems.length === 0) return; // blank rows are skipped, as Excel users expect
  if (sheet.rows.length >= SHEET_LIMITS.maxRows) throw invalidFile(`文件超过 ${SHEET_LIMITS.maxRows} 行，请拆分后分批导入`);
  sheet.rows.push({ rowNumber, cells, cellProblems });
}

/**
 * The whole workbook is loaded, not streamed: exceljs 4.4's streaming reader decodes each inflated chunk on its own
 * and so breaks Chinese characters that straddle two chunks (exceljs issues #2084, #2316) — a 100,000-row file
 * came back with "户籍��口" in it. Loading holds the first sheet in memory; the benchmark reports its peak.
 */
async function readXlsx(buf: Buffer): Promise<Sheet> {
  if (unzippedSize(buf) > SHEET_LIMITS.maxUnzippedBytes) throw invalidFile(`文件解压后超过 ${SHEET_LIMITS.maxUnzippedBytes / 1024 / 1024} MB，请拆分后分批导入`);
  const sheet: Sheet = { headers: [], rows: [] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'picture'] } as never);
  } catch {
    throw invalidFile('无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式（旧版 .xls 请另存为 .xlsx）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalidFile('文件中没有工作表');
  let seenHeader = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based and sparse.
    const raw = (row.values as unknown[]).slice(1);
    if (!seenHeader) {
      sheet.headers = raw.slice(0, SHEET_LIMITS.maxColumns).map((v) => cellText(v).text);
      seenHeader = sheet.headers.some((h) => h !== '');
      return;
    }
    pushRow(sheet, rowNumber, raw);
  });
  if (!seenHeader) throw invalidFile('文件中没有表头行');
  return sheet;
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

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw invalidFile('CSV 文件中有未闭合的引号');
  if (field !== '' || row.length > 0) {
    row.push(field);
    out.push(row);
  }
  return out;
}

function readCsv(buf: Buffer): Sheet {
  const text = decodeText(buf);
  // A binary file that is neither a zip nor text: most likely a legacy .xls.
  if (text.includes('\u0000')) throw invalidFile('无法读取该文件：请上传 .xlsx 或 CSV（旧版 .xls 请另存为 .xlsx）');
  const lines = parseCsv(text);
  const sheet: Sheet = { headers: [], rows: [] };
  const headerIndex = lines.findIndex((l) => l.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw invalidFile('文件中没有表头行');
  sheet.headers = lines[headerIndex]!.slice(0, SHEET_LIMITS.maxColumns).map((h) => h.trim());
  for (let i = headerIndex + 1; i < lines.length; i++) {
    // CSV has no formulas, but a cell starting with = is one as soon as Excel opens the file again.
    const raw = lines[i]!.map((c) => (/^[=+@]/.test(c.trim()) ? { formula: c, result: c } : c));
    pushRow(sheet, i + 1, raw);
  }
  return sheet;
}
