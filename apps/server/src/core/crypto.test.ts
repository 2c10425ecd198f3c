import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFieldCipher, keyId, loadDataKeys, rotateKeyFile } from './crypto';

const k = (b: number) => Buffer.alloc(32, b);
const dir = mkdtempSync(join(tmpdir(), 'wangge-crypto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The stored form before key ids, as earlier releases wrote it.
function v1(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
}

describe('field cipher', () => {
  it('round-trips, names the key, and never repeats a ciphertext', () => {
    const c = createFieldCipher({ current: k(1), previous: [], lookup: k(9) });
    const a = c.encrypt('11010519491231002X');
    expect(a.startsWith(`v2:${keyId(k(1))}:`)).toBe(true);
    expect(a).not.toContain('11010519491231002X');
    expect(c.encrypt('11010519491231002X')).not.toBe(a);
    expect(c.decrypt(a)).toBe('11010519491231002X');
    expect(c.isStale(a)).toBe(false);
  });

  it('reads values of previous keys and of the v1 form, and marks them stale', () => {
    const old = createFieldCipher({ current: k(1), previous: [], lookup: k(9) });
    const written = old.encrypt('13812345678');
    const legacy = v1(k(1), '13900001111');
    const rotated = createFieldCipher({ current: k(2), previous: [k(1)], lookup: k(9) });
    expect(rotated.decrypt(written)).toBe('13812345678');
    expect(rotated.decrypt(legacy)).toBe('13900001111');
    expect(rotated.isStale(written)).toBe(true);
    expect(rotated.isStale(legacy)).toBe(true);
    // Without the old key the value cannot be read, and the error says which key is missing.
    expect(() =>
      createFieldCipher({ current: k(2), previous: [], lookup: k(9) }).decrypt(written),
    ).toThrow(/WANGGE_DATA_KEY_PREVIOUS/);
  });

  it('detects tampering', () => {
    const c = createFieldCipher({ current: k(1), previous: [], lookup: k(9) });
    const s = c.encrypt('secret');
    const flipped = s.slice(0, -2) + (s.endsWith('A') ? 'B' : 'A') + s.slice(-1);
    expect(() => c.decrypt(flipped)).toThrow();
  });

  it('keeps the lookup hash across a data-key rotation and keys it', () => {
    const before = createFieldCipher({ current: k(1), previous: [], lookup: k(9) });
    const after = createFieldCipher({ current: k(2), previous: [k(1)], lookup: k(9) });
    expect(after.lookupHash('410105199001011234')).toBe(before.lookupHash('410105199001011234'));
    expect(
      createFieldCipher({ current: k(1), previous: [], lookup: k(8) }).lookupHash(
        '410105199001011234',
      ),
    ).not.toBe(before.lookupHash('410105199001011234'));
  });

  it('creates key files once and rotates the data key file keeping the old key readable', () => {
    const first = loadDataKeys({ dataKey: undefined }, dir);
    expect(loadDataKeys({ dataKey: undefined }, dir).current.equals(first.current)).toBe(true);
    const stored = createFieldCipher(first).encrypt('x');
    rotateKeyFile(dir);
    const second = loadDataKeys({ dataKey: undefined }, dir);
    expect(second.current.equals(first.current)).toBe(false);
    expect(second.lookup.equals(first.lookup)).toBe(true);
    expect(createFieldCipher(second).decrypt(stored)).toBe('x');
    expect(readFileSync(join(dir, 'data.key.previous'), 'utf8')).toContain(
      first.current.toString('hex'),
    );
  });
});
