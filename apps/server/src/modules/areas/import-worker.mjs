// Worker thread for area imports (see import-off-thread.ts). Plain ESM, because a worker does not
// inherit the tsx loader of the main thread: it registers its own and then loads the TypeScript tasks.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runImportTask } = await import('./import-worker-tasks.ts');

parentPort.on('message', ({ id, task }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: runImportTask(task) });
  } catch (err) {
    parentPort.postMessage({
      id,
      ok: false,
      message: err instanceof Error ? err.message : String(err),
    });
  }
});
