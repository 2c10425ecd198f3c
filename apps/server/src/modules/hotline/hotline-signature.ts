import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed webhooks, both directions (docs/12345.md §2). The signature is HMAC-SHA256 over `timestamp + "." + body`
 * with the shared secret, sent hex-encoded as `sha256=<hex>`; the timestamp is Unix seconds. The receiver refuses a
 * timestamp more than five minutes from its own clock (a captured request cannot be replayed later) and compares
 * signatures in constant time.
 */
export const SIGNATURE_HEADER = 'x-wangge-signature';
export const TIMESTAMP_HEADER = 'x-wangge-timestamp';
export const DELIVERY_HEADER = 'x-wangge-delivery';
export const MAX_SKEW_SECONDS = 300;

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The headers of one signed request. */
export function signedHeaders(secret: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: sign(secret, timestamp, body),
  };
}

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch'; field: string };

/** Checks a request's timestamp and signature against the raw body as received. */
export function verify(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  now: Date,
): VerifyResult {
  const { timestamp, signature } = headers;
  if (!timestamp) return { ok: false, reason: 'missing', field: TIMESTAMP_HEADER };
  if (!signature) return { ok: false, reason: 'missing', field: SIGNATURE_HEADER };
  if (!/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'malformed', field: TIMESTAMP_HEADER };
  if (!/^sha256=[0-9a-f]{64}$/.test(signature))
    return { ok: false, reason: 'malformed', field: SIGNATURE_HEADER };
  const ts = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - ts) > MAX_SKEW_SECONDS)
    return { ok: false, reason: 'stale', field: TIMESTAMP_HEADER };
  const expected = Buffer.from(sign(secret, ts, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'mismatch', field: SIGNATURE_HEADER };
  return { ok: true };
}

/** The first value of a header Node may hand over as a list. */
export const headerValue = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v[0] : v;
