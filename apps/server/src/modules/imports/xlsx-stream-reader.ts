import type { AppError } from '../../core/errors';
import { XmlError } from './xml-scanner';
import { MergeFiller, mergeScanner } from './xlsx-merges';
import { dateStyles, locateParts, scanPart, sharedStrings, type XlsxSource } from './xlsx-parts';
import { SheetFormatError, SheetRowCollector, type RawRow } from './xlsx-sheet';
import { corruptFile, declaredSize, entryChunks, openZip } from './zip-entries';

export interface XlsxLimits {
  maxColumns: number;
  maxUnzippedBytes: number;
}

/**
 * The rows of an .xlsx file's first worksheet, streamed: the zip's central directory locates the parts, each part
 * is inflated a chunk at a time (yauzl), decoded as UTF-8 across chunk boundaries and parsed incrementally (saxes).
 * Only the shared string table (one string per entry) and the rows not yet taken are held in memory, never the
 * workbook. Any malformed part is invalid_file; a directory declaring more than `maxUnzippedBytes` is `tooBig` (no
 * entry inflates past its declared size, so nothing larger is ever produced).
 *
 * Why the xlsx-*.ts files stay ours (measured 2026-12, exceljs 4.4.0): exceljs's streaming reader (WorkbookReader)
 * splits a Chinese character cut by an inflate-chunk boundary into two U+FFFD — 155 of 50,000 rows of the
 * sheet-reader test's Chinese file, 45 of the 100,000-row bench persons file came back damaged — and its whole-file
 * reader held ~1.3 GiB at peak for the 100,000-row persons import (~640 MiB with this reader, commit 6a3a286).
 * What is left here is only the spreadsheet meaning exceljs gave: the first worksheet by tab order, shared
 * strings, date styles, merged cells.
 */
export async function* xlsxRows(
  buf: Buffer,
  limits: XlsxLimits,
  tooBig: () => AppError,
): AsyncGenerator<RawRow> {
  const src: XlsxSource = await openZip(buf);
  if (declaredSize(src) > limits.maxUnzippedBytes) throw tooBig();
  if (src.entries.size === 0) throw corruptFile();
  try {
    const parts = await locateParts(src);
    const strings = await sharedStrings(src, parts.sharedStrings);
    const dates = await dateStyles(src, parts.styles);
    // Merged ranges are listed after the rows; a first pass over the sheet finds them (inflating, nothing kept).
    const merges = mergeScanner();
    for await (const chunk of entryChunks(src, parts.sheet)) merges.push(chunk);
    const filler = new MergeFiller(merges.ranges, limits.maxColumns);
    const collector = new SheetRowCollector(strings, dates, parts.date1904, limits.maxColumns);
    for await (const _ of scanPart(src, parts.sheet, collector, () => collector.done)) {
      const rows = collector.rows;
      collector.rows = [];
      for (const row of rows) yield* filler.fill(row);
    }
    for (const row of collector.rows) yield* filler.fill(row);
    yield* filler.fill(null);
  } catch (err) {
    if (err instanceof XmlError || err instanceof SheetFormatError) throw corruptFile();
    throw err;
  }
}
