import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../core/errors';
import type { BlobStore } from './blob-store';
import { bufferSource, type ByteSource } from './media-container';

/** An upload written to a temporary file as it arrived, with its size and SHA-256 computed on the way. */
export interface SpooledUpload {
  readonly spooled: true;
  path: string;
  size: number;
  sha256: string;
}

export const isSpooled = (v: unknown): v is SpooledUpload =>
  typeof v === 'object' && v !== null && (v as SpooledUpload).spooled === true;

const tooLarge = (limit: number) =>
  new AppError('payload_too_large', `上传内容不能超过 ${Math.floor(limit / 1024 / 1024)} MB`);

/**
 * Streams a request body to a file in `dir`, so a 50 MB video never sits in memory. A declared
 * Content-Length over `limit` is refused before a byte is read; a body without one (chunked) is cut
 * off, and its file removed, as soon as it passes the limit.
 */
export async function spoolToDisk(
  body: Readable,
  dir: string,
  limit: number,
  declaredLength: string | undefined,
): Promise<SpooledUpload> {
  if (declaredLength !== undefined && Number(declaredLength) > limit) throw tooLarge(limit);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `upload-${randomBytes(12).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(tooLarge(limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(path, { flags: 'wx' }));
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
  return { spooled: true, path, size, sha256: hash.digest('hex') };
}

/** Random access to a spooled file; close() when done. */
export async function fileSource(path: string): Promise<ByteSource & { close(): Promise<void> }> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  return {
    size,
    async read(offset, length) {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
      return buf.subarray(0, bytesRead);
    },
    close: () => fh.close(),
  };
}

/** An upload as the service reads it, whether it came as a buffer (in-process callers) or spooled to disk. */
export interface UploadInput {
  size: number;
  sha256: string;
  /** The first bytes, for sniffing. */
  head: Uint8Array;
  source: ByteSource;
  /** The whole file in memory: only for photos, which are decoded anyway and capped far lower. */
  bytes(): Promise<Buffer>;
  storeOriginal(blobs: BlobStore): Promise<void>;
  close(): Promise<void>;
}

const HEAD_BYTES = 512;

/** Opens a body for reading; null for an empty one. Anything but bytes is a caller's mistake (415). */
export async function openUpload(body: unknown): Promise<UploadInput | null> {
  if (Buffer.isBuffer(body)) {
    if (body.length === 0) return null;
    const sha256 = createHash('sha256').update(body).digest('hex');
    return {
      size: body.length,
      sha256,
      head: body.subarray(0, HEAD_BYTES),
      source: bufferSource(body),
      bytes: async () => body,
      storeOriginal: (blobs) => blobs.put(sha256, body, 'original'),
      close: async () => {},
    };
  }
  if (isSpooled(body)) {
    if (body.size === 0) return null;
    const src = await fileSource(body.path);
    const head = await src.read(0, HEAD_BYTES);
    let inMemory: Promise<Buffer> | undefined;
    return {
      size: body.size,
      sha256: body.sha256,
      head,
      source: src,
      // Read once and kept: storeOriginal moves the file away.
      bytes: () => (inMemory ??= readFile(body.path)),
      storeOriginal: (blobs) => blobs.putFile(body.sha256, body.path),
      close: () => src.close(),
    };
  }
  if (body === undefined || body === null) return null;
  throw new AppError(
    'unsupported_media_type',
    '请直接上传文件字节（Content-Type: application/octet-stream、image/* 或 video/*）',
  );
}
