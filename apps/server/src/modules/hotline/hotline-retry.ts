/**
 * Retry policy of outbound webhooks: exponential backoff with full jitter (a random delay between half and all of
 * the exponential step, so processes retrying after one outage do not arrive together), capped, for a bounded number
 * of attempts; after the last one the row is `dead` and waits for a redelivery by hand.
 */
export const RETRY = {
  baseMs: 5_000,
  maxMs: 30 * 60_000,
  maxAttempts: 12,
  /** How long one attempt owns its row; longer than the request timeout, so a live attempt is never taken over. */
  leaseMs: 60_000,
  timeoutMs: 15_000,
} as const;

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/** Delay before attempt `attempts + 1`, after `attempts` failures (1, 2, …). */
export function backoffMs(attempts: number, random: () => number, p: RetryPolicy = RETRY): number {
  const step = Math.min(p.maxMs, p.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
