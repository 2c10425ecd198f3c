/**
 * Per-IP throttle in process memory (failed logins, public reports, failed receipt look-ups): it slows guessing and
 * flooding from one address without a database write. Per-account lockout (in the users table) covers several
 * processes for logins.
 */
export class IpThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 20,
    private readonly windowMs = 10 * 60_000,
  ) {}

  blocked(ip: string, nowMs: number): boolean {
    return this.recent(ip, nowMs).length >= this.maxFailures;
  }

  fail(ip: string, nowMs: number): void {
    const list = this.recent(ip, nowMs);
    list.push(nowMs);
    this.failures.set(ip, list);
    if (this.failures.size > 10_000) this.failures.clear(); // bound memory under a spray
  }

  succeed(ip: string): void {
    this.failures.delete(ip);
  }

  /**
   * Checks and counts an attempt in one synchronous step, before anything is awaited, so parallel requests cannot
   * all pass the check: false when the address is blocked. A correct password then calls `refund`, which takes back
   * this one attempt and leaves the address's other failures standing.
   */
  attempt(ip: string, nowMs: number): boolean {
    if (this.blocked(ip, nowMs)) return false;
    this.fail(ip, nowMs);
    return true;
  }

  refund(ip: string, attemptMs: number): void {
    const list = this.failures.get(ip);
    const i = list?.lastIndexOf(attemptMs) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  private recent(ip: string, nowMs: number): number[] {
    return (this.failures.get(ip) ?? []).filter((t) => nowMs - t < this.windowMs);
  }
}

/**
 * Progressive delay per key (the login uses username + address): after the third failure in a row each next attempt
 * must wait twice as long as the last (1 s, 2 s, 4 s … up to 60 s). Attempts are counted when they start, so parallel
 * requests wait like sequential ones; a success clears the key. Keyed by the typed name, so unknown and existing
 * accounts are slowed alike.
 */
export class ProgressiveDelay {
  private readonly keys = new Map<string, { n: number; last: number }>();

  constructor(
    private readonly freeAttempts = 3,
    private readonly baseMs = 1_000,
    private readonly maxMs = 60_000,
    private readonly forgetMs = 15 * 60_000,
  ) {}

  /** How long the caller still has to wait (0 = go ahead; the attempt is then counted). */
  begin(key: string, nowMs: number): number {
    const k = this.keys.get(key);
    const state = k && nowMs - k.last < this.forgetMs ? k : { n: 0, last: 0 };
    const wait = state.last + this.delayAfter(state.n) - nowMs;
    if (wait > 0) return wait;
    if (this.keys.size > 10_000) this.keys.clear(); // bound memory under a spray
    this.keys.set(key, { n: state.n + 1, last: nowMs });
    return 0;
  }

  succeed(key: string): void {
    this.keys.delete(key);
  }

  delayAfter(failures: number): number {
    if (failures < this.freeAttempts) return 0;
    return Math.min(this.maxMs, this.baseMs * 2 ** (failures - this.freeAttempts));
  }
}
