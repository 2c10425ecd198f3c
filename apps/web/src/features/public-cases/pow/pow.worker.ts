/// <reference lib="webworker" />
import { searchPow } from './pow-search';

// The proof-of-work search off the main thread, so the page stays responsive while a phone hashes for a second.
self.onmessage = (e: MessageEvent<{ challenge: string; difficulty: number }>) => {
  const { challenge, difficulty } = e.data;
  self.postMessage({ nonce: searchPow(challenge, difficulty) });
};
