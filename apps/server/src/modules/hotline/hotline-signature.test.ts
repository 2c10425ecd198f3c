import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backoffMs, RETRY } from './hotline-retry';
import { sign, signedHeaders, verify } from './hotline-signature';

const SECRET = 'a-secret-of-at-least-thirty-two-chars!!';
const body = '{"type":"accept","orderId":"ZZ12345-1"}';
const at = new Date('2026-12-10T03:00:00Z');
const ts = at.getTime() / 1000;

describe('webhook signatures', () => {
  it('is HMAC-SHA256 over "timestamp.body", hex, prefixed sha256=', () => {
    const expected = createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex');
    expect(sign(SECRET, ts, body)).toBe(`sha256=${expected}`);
    expect(signedHeaders(SECRET, body, at)).toEqual({
      'x-wangge-timestamp': String(ts),
      'x-wangge-signature': `sha256=${expected}`,
    });
  });

  it('accepts its own signature within five minutes either way, and nothing else', () => {
    const h = { timestamp: String(ts), signature: sign(SECRET, ts, body) };
    expect(verify(SECRET, h, body, at)).toEqual({ ok: true });
    expect(verify(SECRET, h, body, new Date(at.getTime() + 300_000)).ok).toBe(true);
    expect(verify(SECRET, h, body, new Date(at.getTime() - 300_000)).ok).toBe(true);
    expect(verify(SECRET, h, body, new Date(at.getTime() + 301_000))).toMatchObject({
      reason: 'stale',
    });
    expect(verify(SECRET, h, body, new Date(at.getTime() - 301_000))).toMatchObject({
      reason: 'stale',
    });
    expect(verify(SECRET, h, `${body} `, at)).toMatchObject({ reason: 'mismatch' });
    expect(verify(`${SECRET}x`, h, body, at)).toMatchObject({ reason: 'mismatch' });
    // The timestamp is inside the signed text: moving it breaks the signature.
    expect(verify(SECRET, { ...h, timestamp: String(ts + 1) }, body, at)).toMatchObject({
      reason: 'mismatch',
    });
    expect(
      verify(SECRET, { timestamp: undefined, signature: h.signature }, body, at),
    ).toMatchObject({
      reason: 'missing',
      field: 'x-wangge-timestamp',
    });
    expect(verify(SECRET, { ...h, signature: undefined }, body, at)).toMatchObject({
      reason: 'missing',
    });
    expect(verify(SECRET, { ...h, timestamp: '1e9' }, body, at)).toMatchObject({
      reason: 'malformed',
    });
    expect(verify(SECRET, { ...h, signature: 'md5=abc' }, body, at)).toMatchObject({
      reason: 'malformed',
    });
  });
});

describe('retry backoff', () => {
  it('doubles per failure, jittered between half and all of the step, capped', () => {
    expect(backoffMs(1, () => 0)).toBe(RETRY.baseMs / 2);
    expect(backoffMs(1, () => 0.999_999)).toBeCloseTo(RETRY.baseMs, -1);
    expect(backoffMs(2, () => 0)).toBe(RETRY.baseMs);
    expect(backoffMs(3, () => 0.5)).toBe(Math.round(RETRY.baseMs * 4 * 0.75));
    expect(backoffMs(40, () => 1)).toBe(RETRY.maxMs);
  });
});
