import type { PowSolution } from '@wangge/shared';
import { api } from '../../../lib/api-client';
import { searchPow } from './pow-search';

/** Runs the search in a Web Worker; where workers are unavailable, on the main thread. */
function search(challenge: string, difficulty: number): Promise<string> {
  if (typeof Worker === 'undefined') return Promise.resolve(searchPow(challenge, difficulty));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ nonce: string }>) => {
      worker.terminate();
      resolve(e.data.nonce);
    };
    worker.onerror = (err) => {
      worker.terminate();
      // A worker blocked by the browser still leaves the page able to submit.
      try {
        resolve(searchPow(challenge, difficulty));
      } catch {
        reject(err);
      }
    };
    worker.postMessage({ challenge, difficulty });
  });
}

/** A fresh challenge from the server, solved: sent with one anonymous write (each is accepted once). */
export async function solvePow(): Promise<PowSolution> {
  const c = await api.get('/api/public/challenge', { credentials: 'same-origin' });
  return { challenge: c.challenge, nonce: await search(c.challenge, c.difficulty) };
}
