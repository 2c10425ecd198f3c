import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../core/errors';
import { detach, unescapeX, XmlScanner, type XmlHandler } from './xml-scanner';
import { corruptFile, entryChunks, type ZipArchive, type ZipEntry } from './zip-entries';

// The workbook-level parts of an xlsx file (relationships, workbook, styles, shared strings), read with saxes over
// yauzl. Ours rather than exceljs's because exceljs's streaming reader damages Chinese text (see xlsx-stream-reader.ts).

/** The zip every part of one file is read from. */
export type XlsxSource = ZipArchive;

/**
 * Streams one part through the XML scanner. UTF-8 is decoded by a StringDecoder, which keeps the bytes of a
 * character cut by a chunk boundary for the next chunk — the step exceljs's streaming reader gets wrong. `after`
 * runs after each chunk (the sheet reader hands out the rows finished so far); `stop` ends reading early.
 */
export async function* scanPart(
  src: XlsxSource,
  entry: ZipEntry,
  handler: XmlHandler,
  stop: () => boolean = () => false,
): AsyncGenerator<void> {
  const decoder = new StringDecoder('utf8');
  const scanner = new XmlScanner(handler);
  for await (const chunk of entryChunks(src, entry)) {
    scanner.write(decoder.write(chunk));
    yield;
    if (stop()) return;
  }
  scanner.write(decoder.end());
  scanner.end();
}

/** Reads a whole (small) part through the handler. */
export async function readPart(
  src: XlsxSource,
  entry: ZipEntry,
  handler: XmlHandler,
): Promise<void> {
  for await (const _ of scanPart(src, entry, handler));
}

/** A part path resolved against the folder of the part that refers to it (targets may be absolute or use ../). */
export function resolveTarget(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

const relsOf = (part: string) => resolveTarget(part, `_rels/${part.split('/').pop()}.rels`);

interface Relationship {
  id: string;
  type: string;
  target: string;
}

async function relationships(src: XlsxSource, part: string): Promise<Relationship[]> {
  const entry = src.entries.get(relsOf(part).toLowerCase());
  if (!entry) return [];
  const out: Relationship[] = [];
  await readPart(src, entry, {
    open: (name, a) => {
      if (
        name === 'Relationship' &&
        a.Id !== undefined &&
        a.Target !== undefined &&
        a.TargetMode !== 'External'
      )
        out.push({ id: a.Id, type: a.Type ?? '', target: resolveTarget(part, a.Target.trim()) });
    },
    close: () => undefined,
    text: () => undefined,
  });
  return out;
}

/** Where the parts of the first worksheet are, and how the workbook counts dates. */
export interface WorkbookParts {
  sheet: ZipEntry;
  sharedStrings: ZipEntry | undefined;
  styles: ZipEntry | undefined;
  date1904: boolean;
}

const byType = (rels: Relationship[], suffix: string) => rels.find((r) => r.type.endsWith(suffix));

/**
 * The first worksheet in the workbook's tab order, as exceljs's `worksheets[0]` is: sheets whose relationship does
 * not lead to a worksheet part (chartsheets, dialog sheets) are passed over. Part names come from the
 * relationships, falling back to the names Excel uses.
 */
export async function locateParts(src: XlsxSource): Promise<WorkbookParts> {
  const rootRels = await relationships(src, '');
  const workbookPath = byType(rootRels, '/officeDocument')?.target ?? 'xl/workbook.xml';
  const workbook = src.entries.get(workbookPath.toLowerCase());
  if (!workbook) throw corruptFile();
  const sheets: { rid: string }[] = [];
  let date1904 = false;
  await readPart(src, workbook, {
    open: (name, a) => {
      if (name === 'sheet' && a.id !== undefined) sheets.push({ rid: a.id });
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close: () => undefined,
    text: () => undefined,
  });
  const rels = await relationships(src, workbookPath);
  const relById = new Map(rels.map((r) => [r.id, r]));
  let sheet: ZipEntry | undefined;
  for (const s of sheets) {
    const rel = relById.get(s.rid);
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    sheet = src.entries.get(rel.target.toLowerCase());
    if (sheet) break;
  }
  const part = (suffix: string, fallback: string) =>
    src.entries.get((byType(rels, suffix)?.target ?? fallback).toLowerCase());
  if (!sheet) throw new AppError('invalid_file', '文件中没有工作表', { field: 'file' });
  return {
    sheet,
    sharedStrings: part('/sharedStrings', 'xl/sharedStrings.xml'),
    styles: part('/styles', 'xl/styles.xml'),
    date1904,
  };
}

/** exceljs's isDateFmt: after dropping [..] sections and quoted text, any date or time letter makes a date format. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** The built-in formats exceljs knows without a <numFmt> (the locale-dependent 27–36 and 50–58 it reads as numbers). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index (a cell's s=), whether a number in it is a date. */
export async function dateStyles(
  src: XlsxSource,
  styles: ZipEntry | undefined,
): Promise<boolean[]> {
  if (!styles) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await readPart(src, styles, {
    open: (name, a) => {
      if (name === 'numFmt' && a.numFmtId !== undefined)
        custom.set(parseInt(a.numFmtId, 10), (a.formatCode ?? '').replace(/\\(.)/g, '$1'));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(parseInt(a.numFmtId ?? '0', 10) || 0);
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: () => undefined,
  });
  return xfFormats.map((id) => {
    if (!id) return false;
    const code = custom.get(id);
    return code ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
  });
}

/**
 * The shared string table, held in memory (one string per <si>): rich-text runs are concatenated, phonetic
 * guides (<rPh>, furigana) are left out as exceljs leaves them.
 */
export async function sharedStrings(
  src: XlsxSource,
  entry: ZipEntry | undefined,
): Promise<string[]> {
  if (!entry) return [];
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await readPart(src, entry, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = current !== null && phonetic === 0;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current !== null) {
        out.push(detach(unescapeX(current)));
        current = null;
      }
    },
    text: (t) => {
      if (inText) current += t;
    },
  });
  return out;
}
