import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir } from './config';

/**
 * Column encryption for personal data (AES-256-GCM) with key rotation, and a keyed hash (HMAC-SHA256) for exact
 * lookup of encrypted values (an ID number, a phone) without decrypting a table.
 *
 * Stored form: "v2:" + key id (8 hex) + ":" + base64url of iv(12) | tag(16) | ciphertext. The key id names the key
 * that wrote the value, so values written under a previous key stay readable while `rotate-data-key` rewrites them.
 * "v1:" values (before key ids) are tried against every key; the GCM tag tells the right one.
 *
 * The lookup key is separate from the data keys and never rotates with them: rotating it would mean rehashing values
 * that only decryption can recover, and the hashes are useless without the key anyway.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** True when the value was written under another key than the current one (rotation has work to do). */
  isStale(stored: string): boolean;
  /** Keyed hash for equality lookup; callers normalise the value first (e.g. upper-case X in an ID number). */
  lookupHash(value: string): string;
  readonly currentKeyId: string;
}

export interface DataKeys {
  current: Buffer;
  previous: Buffer[];
  lookup: Buffer;
}

export interface KeySources {
  /** WANGGE_DATA_KEY: hex of 32 bytes. Without it the key lives in dataDir/data.key. */
  dataKey: string | undefined;
  /** WANGGE_DATA_KEY_PREVIOUS: comma-separated hex keys still accepted for reading. */
  previousDataKeys?: string | undefined;
  /** WANGGE_LOOKUP_KEY: hex of 32 bytes. Without it the key lives in dataDir/lookup.key. */
  lookupKey?: string | undefined;
}

function keyFile(dataDir: string, name: string, create: boolean): Buffer | null {
  const file = join(dataDir, name);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (!create) return null;
  ensureDir(dataDir);
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

function hexList(list: string | undefined): Buffer[] {
  return (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((h) => Buffer.from(h, 'hex'));
}

/** Keys from the environment, else from key files created once under the data directory (mode 0600): losing them loses the data. */
export function loadDataKeys(src: KeySources, dataDir: string): DataKeys {
  const current = src.dataKey
    ? Buffer.from(src.dataKey, 'hex')
    : (keyFile(dataDir, 'data.key', true) as Buffer);
  const previous = [...hexList(src.previousDataKeys)];
  // A key-file rotation keeps the old keys beside the new one (see rotateKeyFile).
  const prevFile = join(dataDir, 'data.key.previous');
  if (!src.dataKey && existsSync(prevFile))
    previous.push(...hexList(readFileSync(prevFile, 'utf8').split('\n').join(',')));
  const lookup = src.lookupKey
    ? Buffer.from(src.lookupKey, 'hex')
    : (keyFile(dataDir, 'lookup.key', true) as Buffer);
  return { current, previous, lookup };
}

/** For the key-file setup: writes a new data.key and keeps the old one in data.key.previous. */
export function rotateKeyFile(dataDir: string): void {
  const old = keyFile(dataDir, 'data.key', false);
  if (!old) throw new Error('No data.key to rotate');
  const prevFile = join(dataDir, 'data.key.previous');
  const prev = existsSync(prevFile) ? readFileSync(prevFile, 'utf8').trim() : '';
  writeFileSync(prevFile, [old.toString('hex'), prev].filter(Boolean).join('\n'), { mode: 0o600 });
  writeFileSync(join(dataDir, 'data.key'), randomBytes(32).toString('hex'), { mode: 0o600 });
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function open(key: Buffer, raw: Buffer): string {
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}

export function createFieldCipher(keys: DataKeys | Buffer): FieldCipher {
  const k: DataKeys = Buffer.isBuffer(keys) ? { current: keys, previous: [], lookup: keys } : keys;
  const byId = new Map<string, Buffer>();
  for (const key of [...k.previous, k.current]) byId.set(keyId(key), key);
  const currentKeyId = keyId(k.current);
  const all = [k.current, ...k.previous];
  return {
    currentKeyId,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', k.current, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v2:${currentKeyId}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(stored) {
      if (stored.startsWith('v2:')) {
        const key = byId.get(stored.slice(3, 11));
        if (!key)
          throw new Error(`Unknown data key ${stored.slice(3, 11)}: set WANGGE_DATA_KEY_PREVIOUS`);
        return open(key, Buffer.from(stored.slice(12), 'base64url'));
      }
      if (!stored.startsWith('v1:')) throw new Error('Unknown cipher version');
      const raw = Buffer.from(stored.slice(3), 'base64url');
      for (const key of all) {
        try {
          return open(key, raw);
        } catch {
          // wrong key: the tag did not verify; try the next one
        }
      }
      throw new Error('No data key opens this value');
    },
    isStale(stored) {
      return !stored.startsWith(`v2:${currentKeyId}:`);
    },
    lookupHash(value) {
      return createHmac('sha256', k.lookup).update(value, 'utf8').digest('base64url');
    },
  };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
