import { randomBytes, timingSafeEqual } from 'node:crypto';

// Crockford base32: no I, L, O or U, so a secret read aloud or retyped from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16; // 16 × 5 bits = 80 bits

/** A fresh 查询密码: 80 random bits as XXXX-XXXX-XXXX-XXXX. */
export function newReceiptSecret(): string {
  const bytes = randomBytes(LENGTH);
  // 256 is a multiple of 32, so taking each byte mod 32 keeps every character equally likely.
  const chars = [...bytes].map((b) => ALPHABET[b % 32]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** The secret as typed (dashes, spaces, lower case, O/I/L for 0/1/1) in canonical form, or null if it cannot be one. */
export function normaliseReceiptSecret(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

/** Constant-time comparison of two hashes (strings of any length). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
