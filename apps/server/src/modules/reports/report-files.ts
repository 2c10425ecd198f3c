import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type ReportFormat = 'html' | 'pdf';
const ID = /^[0-9a-f-]{36}$/;

/**
 * Report files under `<dataDir>/reports/<id>.html|.pdf`, beside the attachment blobs. Written to a temporary name
 * and renamed, so a reader never sees half a file; the id (a UUID the server made) is the only part of the path.
 */
export function createReportFiles(root: string) {
  const pathOf = (id: string, format: ReportFormat) => {
    if (!ID.test(id)) throw new Error(`not a report id: ${id.slice(0, 60)}`);
    return join(root, `${id}.${format}`);
  };
  return {
    async write(id: string, format: ReportFormat, bytes: Uint8Array | string): Promise<void> {
      await mkdir(root, { recursive: true });
      const target = pathOf(id, format);
      const tmp = join(root, `.tmp-${randomBytes(8).toString('hex')}`);
      try {
        await writeFile(tmp, bytes);
        await rename(tmp, target);
      } catch (err) {
        await unlink(tmp).catch(() => {});
        throw err;
      }
    },
    /** The file's bytes, or null when it is not there (a PDF that could not be printed). */
    async read(id: string, format: ReportFormat): Promise<Buffer | null> {
      try {
        return await readFile(pathOf(id, format));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
export type ReportFiles = ReturnType<typeof createReportFiles>;
