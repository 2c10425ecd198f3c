import type { Readable } from 'node:stream';
import type { AttachmentVariant } from '@wangge/shared';

/** An inclusive byte range, as in an HTTP `Range: bytes=start-end` request. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface BlobRead {
  stream: Readable;
  /** Size of the whole stored object (not of the range). */
  size: number;
}

/**
 * Content-addressed storage of attachment bytes. The key is the SHA-256 of the original upload, so
 * the same bytes are stored once however often they are uploaded; the derived variants (thumbnail,
 * metadata-stripped copy) live under the same key because they are a pure function of the original.
 *
 * Writes must be idempotent and atomic: two processes may put the same key at once, and a reader must
 * never see a half-written object. Deleting is the caller's business: a blob may be shared by several
 * attachment rows, so only delete once no row references the hash.
 *
 * An S3-compatible store (MinIO, OSS, COS…) can implement this without changing callers:
 * - key `blobs/ab/cd/<sha256>` for the original and `…/<sha256>.thumb`, `…/<sha256>.public` for variants
 *   (the same layout as the disk store, so a bucket can be filled with `aws s3 sync <dataDir>/blobs`);
 * - `put` → PutObject with `If-None-Match: *` (a 412 means another writer already stored it: success);
 *   `putFile` → the same from a file stream; `incomingDir` → a local temporary directory;
 * - `get` → GetObject, passing `Range` through, `size` from Content-Range/Content-Length; NoSuchKey → null;
 * - `has` → HeadObject; `delete` → DeleteObject (deleting a missing key is not an error).
 * Bytes would still be served through the API (not presigned URLs) so visibility stays checked per request.
 */
export interface BlobStore {
  put(sha256: string, bytes: Uint8Array, variant?: AttachmentVariant): Promise<void>;
  /**
   * Stores an original from a file (a spooled upload) without reading it into memory; the file is
   * moved or copied, and the caller removes whatever is left. The caller has hashed it on the way in.
   */
  putFile(sha256: string, path: string): Promise<void>;
  /** A local directory for uploads in flight, on the same disk as the blobs where there is one (so putFile can rename). */
  readonly incomingDir: string;
  /** The stored bytes, or null when that variant was never stored. */
  get(sha256: string, variant?: AttachmentVariant, range?: ByteRange): Promise<BlobRead | null>;
  has(sha256: string, variant?: AttachmentVariant): Promise<boolean>;
  /** Removes the original and every variant of a hash. */
  delete(sha256: string): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
