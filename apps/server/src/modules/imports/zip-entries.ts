import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../../core/errors';

/**
 * The zip side of the xlsx reader, on yauzl: it reads the central directory (zip64 included) without inflating
 * anything and streams one entry at a time, refusing data that inflates past the entry's declared size
 * (validateEntrySizes). What yauzl leaves to its caller is done here: the CRC check, and one error for every way a
 * file can be broken.
 */
export interface ZipArchive {
  zip: yauzl.ZipFile;
  /** Entries by name; zip part names are case-insensitive in OOXML, so keys are lower-cased. */
  entries: Map<string, yauzl.Entry>;
}

export type ZipEntry = yauzl.Entry;

export const corruptFile = () =>
  new AppError(
    'invalid_file',
    '无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式（旧版 .xls 请另存为 .xlsx）',
    { field: 'file' },
  );

/** The archive's directory; an unreadable one (truncated, not a zip, names yauzl refuses) is invalid_file. */
export async function openZip(buf: Buffer): Promise<ZipArchive> {
  try {
    const zip = await yauzl.fromBufferPromise(buf, { validateEntrySizes: true });
    const entries = new Map<string, yauzl.Entry>();
    for await (const e of zip.eachEntry()) entries.set(e.fileName.toLowerCase(), e);
    return { zip, entries };
  } catch {
    throw corruptFile();
  }
}

/**
 * The sum of the uncompressed sizes a zip's central directory declares, read before anything is inflated, so a
 * small file that would expand to gigabytes (a zip bomb) is refused. An unreadable directory counts as 0 and is left
 * to the reader to refuse.
 */
export function declaredSize(archive: ZipArchive): number {
  let sum = 0;
  for (const e of archive.entries.values()) sum += e.uncompressedSize;
  return sum;
}

export async function unzippedSize(buf: Buffer): Promise<number> {
  return openZip(buf).then(declaredSize, () => 0);
}

/**
 * An entry's uncompressed bytes, chunk by chunk, without ever holding the whole part. Stops with invalid_file when
 * the data inflates past its declared size (a directory that lies about a zip bomb), when the CRC does not match, or
 * when the method or encryption is one xlsx files never use.
 */
export async function* entryChunks(archive: ZipArchive, e: ZipEntry): AsyncGenerator<Buffer> {
  let stream: Readable;
  try {
    stream = await archive.zip.openReadStreamPromise(e);
  } catch {
    throw corruptFile();
  }
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch {
    throw corruptFile();
  } finally {
    stream.destroy();
  }
  if (crc >>> 0 !== e.crc32 >>> 0) throw corruptFile();
}
