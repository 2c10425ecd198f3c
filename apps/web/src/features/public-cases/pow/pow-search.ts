import { sha256 } from '@noble/hashes/sha2.js';

/** Leading zero bits of a hash. */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/**
 * The nonce (base 36) whose SHA-256(challenge + ":" + nonce) starts with `difficulty` zero bits: the server's check
 * in public-pow.ts, searched here. Synchronous SHA-256 (noble) works on plain http too, where crypto.subtle is absent.
 */
export function searchPow(challenge: string, difficulty: number): string {
  const enc = new TextEncoder();
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    if (leadingZeroBits(sha256(enc.encode(`${challenge}:${nonce}`))) >= difficulty) return nonce;
  }
}
