import { crc32, createInflateRaw } from 'node:zlib';
import { AppError } from '../../core/errors';

/** One file of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Declared uncompressed size: what inflating may produce at most. */
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const corruptFile = () => new AppError('invalid_file', '无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式（旧版 .xls 请另存为 .xlsx）', { field: 'file' });

/** Start of the central directory and its entry count, or null when the end record is missing or unreadable. */
function directoryOf(buf: Buffer): { offset: number; entries: number } | null {
  const min = Math.max(0, buf.length - 65_557);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) !== EOCD) continue;
    let entries = buf.readUInt16LE(i + 10);
    let offset = buf.readUInt32LE(i + 16);
    // Zip64: the 32-bit fields are saturated and the real ones sit in a record the locator before the end points at.
    if ((entries === 0xffff || offset === 0xffffffff) && i >= 20 && buf.readUInt32LE(i - 20) === EOCD64_LOCATOR) {
      const at = Number(buf.readBigUInt64LE(i - 12));
      if (at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) return null;
      entries = Number(buf.readBigUInt64LE(at + 32));
      offset = Number(buf.readBigUInt64LE(at + 48));
    }
    return { offset, entries };
  }
  return null;
}

/** Sizes and offset that do not fit 32 bits live in the zip64 extra field (id 1), in this order, only when saturated. */
function applyZip64(buf: Buffer, e: ZipEntry, extraStart: number, extraEnd: number): void {
  for (let p = extraStart; p + 4 <= extraEnd; ) {
    const id = buf.readUInt16LE(p);
    const len = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const end = Math.min(q + len, extraEnd);
      const next = () => (q + 8 <= end ? Number(buf.readBigUInt64LE((q += 8) - 8)) : undefined);
      if (e.size === 0xffffffff) e.size = next() ?? e.size;
      if (e.compressedSize === 0xffffffff) e.compressedSize = next() ?? e.compressedSize;
      if (e.localHeaderOffset === 0xffffffff) e.localHeaderOffset = next() ?? e.localHeaderOffset;
      return;
    }
    p += 4 + len;
  }
}

/**
 * The entries of a zip's central directory, read without inflating anything. Returns what could be read: a
 * truncated directory yields the entries before the damage (callers refuse the file when a part they need is absent).
 */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  const dir = directoryOf(buf);
  if (!dir) return [];
  const out: ZipEntry[] = [];
  let p = dir.offset;
  for (let n = 0; n < dir.entries && p + 46 <= buf.length && buf.readUInt32LE(p) === CENTRAL; n++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen > buf.length) break;
    const e: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    applyZip64(buf, e, p + 46 + nameLen, p + 46 + nameLen + extraLen);
    out.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * The sum of the uncompressed sizes a zip's central directory declares, read before anything is inflated, so a
 * small file that would expand to gigabytes (a zip bomb) is refused. An unreadable directory counts as 0 and is left
 * to the reader to refuse.
 */
export function unzippedSize(buf: Buffer): number {
  return listZipEntries(buf).reduce((sum, e) => sum + e.size, 0);
}

/** Entries by name; zip part names are case-insensitive in OOXML, so keys are lower-cased. */
export function zipEntryMap(buf: Buffer): Map<string, ZipEntry> {
  return new Map(listZipEntries(buf).map((e) => [e.name.replace(/^\//, '').toLowerCase(), e]));
}

/** Where an entry's bytes start: after its local header, whose name and extra lengths may differ from the directory's. */
function dataRange(buf: Buffer, e: ZipEntry): { start: number; end: number } {
  const h = e.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL) throw corruptFile();
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw corruptFile();
  return { start, end };
}

/** Counts inflated bytes across the entries of one file, so the sum can be capped whatever the directory declares. */
export interface InflateBudget {
  remaining: number;
}

/**
 * An entry's uncompressed bytes, chunk by chunk (64 KiB), without ever holding the whole part. Stops with
 * invalid_file when the data inflates past its declared size or past the file's budget (a directory that lies about
 * a zip bomb), when the CRC does not match, or when the method or encryption is one xlsx files never use.
 */
export async function* entryChunks(buf: Buffer, e: ZipEntry, budget: InflateBudget, tooBig: () => AppError): AsyncGenerator<Buffer> {
  if (e.flags & 0x1 || (e.method !== 0 && e.method !== 8)) throw corruptFile();
  if (e.size > budget.remaining) throw tooBig();
  const { start, end } = dataRange(buf, e);
  const data = buf.subarray(start, end);
  let produced = 0;
  let crc = 0;
  const take = (chunk: Buffer) => {
    produced += chunk.length;
    budget.remaining -= chunk.length;
    if (budget.remaining < 0) throw tooBig();
    if (produced > e.size) throw corruptFile();
    crc = crc32(chunk, crc);
  };
  if (e.method === 0) {
    for (let p = 0; p < data.length; p += 65_536) {
      const chunk = data.subarray(p, Math.min(p + 65_536, data.length));
      take(chunk);
      yield chunk;
    }
  } else {
    const inflate = createInflateRaw({ chunkSize: 65_536 });
    inflate.end(data);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        take(chunk);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw corruptFile();
    } finally {
      inflate.destroy();
    }
  }
  if (produced !== e.size || crc >>> 0 !== e.crc >>> 0) throw corruptFile();
}
