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

  private recent(ip: string, nowMs: number): number[] {
    return (this.failures.get(ip) ?? []).filter((t) => nowMs - t < this.windowMs);
  }
}
