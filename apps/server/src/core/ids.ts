import { randomBytes, randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;
// Random bytes drawn 4 KiB at a time: one system call per 256 ids instead of one per id.
const POOL = Buffer.alloc(4096);
let poolAt = POOL.length;
function random16(): Buffer {
  if (poolAt + 16 > POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  const out = Buffer.from(POOL.subarray(poolAt, poolAt + 16));
  poolAt += 16;
  return out;
}

/**
 * UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and index well on both databases.
 * A 12-bit counter keeps ids from one process monotonic within the same millisecond.
 */
export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    seq = 0;
  }
  const b = random16();
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | ((seq >>> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A random opaque secret (session cookies, API tokens, CSRF tokens). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
