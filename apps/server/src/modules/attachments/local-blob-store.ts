import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AttachmentVariant } from '@wangge/shared';
import { SHA256_HEX, type BlobStore } from './blob-store';

const VARIANTS: readonly AttachmentVariant[] = ['original', 'thumb', 'public'];

const isMissing = (err: unknown): boolean =>
  (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/**
 * Blobs on the local disk: `<root>/ab/cd/<sha256>` plus `<sha256>.thumb` / `<sha256>.public`.
 * Two directory levels keep any one directory small (65 536 buckets) on every file system.
 */
export function createLocalBlobStore(root: string): BlobStore {
  function pathOf(sha256: string, variant: AttachmentVariant = 'original'): string {
    // The hash becomes a path: refuse anything else so no caller can walk out of the root.
    if (!SHA256_HEX.test(sha256))
      throw new Error(`Not a SHA-256 hex digest: ${sha256.slice(0, 80)}`);
    const name = variant === 'original' ? sha256 : `${sha256}.${variant}`;
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), name);
  }

  async function exists(path: string): Promise<boolean> {
    try {
      return (await stat(path)).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  return {
    // Under the root, so a spooled upload is renamed into place rather than copied.
    incomingDir: join(root, '.incoming'),

    async putFile(sha256, path) {
      const target = pathOf(sha256, 'original');
      if (await exists(target)) return;
      const dir = dirname(target);
      await mkdir(dir, { recursive: true });
      const tmp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
      try {
        // A rename within the disk; a copy when the upload was spooled elsewhere (EXDEV).
        await rename(path, tmp).catch(async (err: NodeJS.ErrnoException) => {
          if (err.code !== 'EXDEV') throw err;
          await copyFile(path, tmp);
        });
        await rename(tmp, target);
      } catch (err) {
        await unlink(tmp).catch(() => {});
        throw err;
      }
    },

    async put(sha256, bytes, variant = 'original') {
      const target = pathOf(sha256, variant);
      // The address must match the content, or dedup would hand one user's file to another.
      if (variant === 'original' && createHash('sha256').update(bytes).digest('hex') !== sha256)
        throw new Error('Blob bytes do not match their SHA-256 address');
      if (await exists(target)) return;
      const dir = dirname(target);
      await mkdir(dir, { recursive: true });
      // Write beside the target, then rename: readers see all of the file or none of it, and two
      // writers of the same content simply replace identical bytes.
      const tmp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
      try {
        await writeFile(tmp, bytes, { flag: 'wx' });
        await rename(tmp, target);
      } catch (err) {
        await unlink(tmp).catch(() => {});
        throw err;
      }
    },

    async get(sha256, variant = 'original', range) {
      const path = pathOf(sha256, variant);
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      const stream = createReadStream(path, range ? { start: range.start, end: range.end } : {});
      return { stream, size };
    },

    has: (sha256, variant = 'original') => exists(pathOf(sha256, variant)),

    async delete(sha256) {
      for (const v of VARIANTS) await rm(pathOf(sha256, v), { force: true });
    },
  };
}
