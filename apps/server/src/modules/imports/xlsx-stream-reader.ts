import type { AppError } from '../../core/errors';
import { XmlError } from './xml-scanner';
import { MergeFiller, mergeScanner } from './xlsx-merges';
import { dateStyles, locateParts, scanPart, sharedStrings, type XlsxSource } from './xlsx-parts';
import { SheetFormatError, SheetRowCollector, type RawRow } from './xlsx-sheet';
import { corruptFile, entryChunks, unzippedSize, zipEntryMap } from './zip-entries';

export interface XlsxLimits {
  maxColumns: number;
  maxUnzippedBytes: number;
}

/**
 * The rows of an .xlsx file's first worksheet, streamed: the zip's central directory locates the parts, each part
 * is inflated 64 KiB at a time, decoded as UTF-8 across chunk boundaries and tokenized incrementally. Only the shared
 * string table (one string per entry) and the rows not yet taken are held in memory, never the workbook.
 * Any malformed part is invalid_file; more data than `maxUnzippedBytes` (declared or actual) is `tooBig`.
 */
export async function* xlsxRows(buf: Buffer, limits: XlsxLimits, tooBig: () => AppError): AsyncGenerator<RawRow> {
  if (unzippedSize(buf) > limits.maxUnzippedBytes) throw tooBig();
  const entries = zipEntryMap(buf);
  if (entries.size === 0) throw corruptFile();
  const src: XlsxSource = { buf, entries, budget: { remaining: limits.maxUnzippedBytes }, tooBig };
  try {
    const parts = await locateParts(src);
    const strings = await sharedStrings(src, parts.sharedStrings);
    const dates = await dateStyles(src, parts.styles);
    // Merged ranges are listed after the rows; a first pass over the sheet finds them (inflating, nothing kept).
    const merges = mergeScanner();
    for await (const chunk of entryChunks(buf, parts.sheet, { remaining: limits.maxUnzippedBytes }, tooBig)) merges.push(chunk);
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
