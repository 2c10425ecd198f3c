import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT_DIR } from '../apps/server/src/core/config';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** Runs bench/load-worker.mjs against a local port and returns its figures. */
export interface LoadOptions {
  port: number;
  paths: string[];
  method?: 'GET' | 'POST';
  /** JSON bodies, used in turn with the paths */
  bodies?: string[];
  okStatus?: number[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  warmupSeconds?: number;
  /** Paced load (requests per second) instead of saturation */
  ratePerSec?: number;
}

export function runLoad(opts: LoadOptions): Promise<LoadResult> {
  // The options (with thousands of paths) travel in a file: argv has a size limit.
  const dir = mkdtempSync(join(tmpdir(), 'wangge-load-'));
  const file = join(dir, 'load.json');
  writeFileSync(file, JSON.stringify(opts));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(ROOT_DIR, 'bench/load-worker.mjs'), file],
      { timeout: (opts.seconds + 30) * 1000, maxBuffer: 1 << 20 },
      (err, stdout) => {
        rmSync(dir, { recursive: true, force: true });
        if (err) return reject(err);
        const r = JSON.parse(stdout) as Omit<LoadResult, 'requestsPerSec'>;
        resolve({
          ...r,
          seconds: round(r.seconds, 2),
          requestsPerSec: round(r.requests / r.seconds),
          p50Ms: round(r.p50Ms, 3),
          p99Ms: round(r.p99Ms, 3),
        });
      },
    );
  });
}

export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
