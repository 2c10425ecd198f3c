import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/errors';
import { runImportTask, type ImportTask, type ImportTaskResult } from './import-worker-tasks';

const WORKER_URL = new URL('./import-worker.mjs', import.meta.url);
/** A file within the limits validates in seconds; past this the worker is stopped and the import refused. */
export const IMPORT_TIMEOUT_MS = 120_000;

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };
interface Pending {
  resolve(v: unknown): void;
  reject(err: unknown): void;
  timer: NodeJS.Timeout;
}
interface ImportWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

let current: ImportWorker | null = null;
let nextId = 0;

/**
 * One worker per process, started on the first large import (starting one costs more than a second:
 * it loads the TypeScript sources) and kept, unref'd so it never holds the process open. Tasks queue
 * in it one after another; a crash or a timeout discards it and the next import starts a fresh one.
 */
function importWorker(): ImportWorker {
  if (current) return current;
  const worker = new Worker(WORKER_URL);
  worker.unref();
  const state: ImportWorker = { worker, pending: new Map() };
  const failAll = (err: unknown) => {
    if (current === state) current = null;
    for (const p of state.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    state.pending.clear();
  };
  worker.on('message', (m: Reply) => {
    const p = state.pending.get(m.id);
    if (!p) return;
    state.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(`area import worker: ${m.message}`));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`area import worker exited (${code})`)));
  current = state;
  return state;
}

/**
 * Runs an import step (parse and validate, or plan) in the worker thread, so geometry validation of a
 * large file never blocks the event loop and other requests keep their latency. `inLine` runs small
 * files here instead, where the round trip would cost more than the work.
 */
export function runImportStep<T extends ImportTask>(
  task: T,
  opts: { inLine: boolean; timeoutMs?: number },
): Promise<ImportTaskResult<T>> {
  if (opts.inLine) return Promise.resolve(runImportTask(task) as ImportTaskResult<T>);
  const w = importWorker();
  const id = nextId++;
  const timeoutMs = opts.timeoutMs ?? IMPORT_TIMEOUT_MS;
  return new Promise<ImportTaskResult<T>>((resolve, reject) => {
    const timer = setTimeout(() => {
      w.pending.delete(id);
      reject(
        new AppError(
          'validation_failed',
          `边界校验超过 ${timeoutMs / 1000} 秒，请先抽稀边界或分批导入`,
          { field: 'geojson' },
        ),
      );
      // The worker cannot be interrupted mid-task: stop it (queued imports fail too) and start afresh next time.
      void w.worker.terminate();
    }, timeoutMs);
    w.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
    w.worker.postMessage({ id, task });
  });
}
