import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock';
import type { HotlineRepo } from './hotline.repo';
import { backoffMs, RETRY } from './hotline-retry';
import { DELIVERY_HEADER, signedHeaders } from './hotline-signature';

export interface CentreConfig {
  url: string | null;
  secret: string | null;
}

export interface DeliveryDeps {
  repo: HotlineRepo;
  clock: Clock;
  random: () => number;
  /** Read at each pass, so a changed configuration applies without a restart. */
  centre: () => CentreConfig;
  /** Defaults to the global fetch; tests may pass their own. */
  fetch?: typeof fetch;
  retry?: Partial<typeof RETRY>;
}

export interface PassOutcome {
  claimed: number;
  delivered: number;
  failed: number;
}

/** Shortened and single-line, for the log column: never the request (it carries no secret anyway), only the answer. */
const brief = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 300);

/**
 * The sender. Each pass claims due rows one by one with a lease token (hotline.repo.ts `claim`), sends each as a
 * signed POST with its delivery id, and records the outcome only while it still holds the lease; a failure waits
 * out an exponential, jittered backoff and becomes `dead` after the last attempt. Any number of processes may run
 * passes at once: a row is sent by the one that claimed it. A process that dies mid-attempt leaves a lease that runs
 * out, and the row is sent again — so the centre may, rarely, see one delivery id twice, and must treat the
 * delivery id as its idempotency key (docs/12345.md §2).
 */
export function createDeliveryWorker(deps: DeliveryDeps) {
  const retry = { ...RETRY, ...deps.retry };
  const send = deps.fetch ?? fetch;

  async function attempt(
    id: string,
    centre: { url: string; secret: string },
  ): Promise<'skipped' | 'delivered' | 'failed'> {
    const now = deps.clock.now();
    const token = randomUUID();
    const leaseUntil = new Date(now.getTime() + retry.leaseMs).toISOString();
    if (!(await deps.repo.claim(id, token, now.toISOString(), leaseUntil))) return 'skipped';
    const row = await deps.repo.byId(id);
    if (!row) return 'skipped';
    const attempts = row.attempts + 1;
    let error: string | null = null;
    let status: number | null = null;
    try {
      const res = await send(centre.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [DELIVERY_HEADER]: row.id,
          ...signedHeaders(centre.secret, row.payload, deps.clock.now()),
        },
        body: row.payload,
        signal: AbortSignal.timeout(retry.timeoutMs),
        redirect: 'error',
      });
      status = res.status;
      const text = await res.text().catch(() => '');
      if (!res.ok) error = `HTTP ${res.status}${text ? `: ${brief(text)}` : ''}`;
    } catch (e) {
      // fetch's own message is vague ("fetch failed"): the cause's code (ECONNREFUSED, a timeout) says more.
      const cause =
        e instanceof Error ? (e.cause as { code?: string } | undefined)?.code : undefined;
      error = brief(
        e instanceof Error ? `${e.name}: ${e.message}${cause ? ` (${cause})` : ''}` : String(e),
      );
    }
    const at = deps.clock.now();
    const ok = error === null;
    const dead = !ok && attempts >= retry.maxAttempts;
    await deps.repo.finish(id, token, {
      status: ok ? 'delivered' : dead ? 'dead' : 'pending',
      attempts,
      next_attempt_at:
        ok || dead
          ? at.toISOString()
          : new Date(at.getTime() + backoffMs(attempts, deps.random, retry)).toISOString(),
      last_error: error,
      last_status_code: status,
      delivered_at: ok ? at.toISOString() : row.delivered_at,
    });
    return ok ? 'delivered' : 'failed';
  }

  /** One pass over the due rows (at most `limit`); returns what it did. */
  async function runOnce(limit = 50): Promise<PassOutcome> {
    const out: PassOutcome = { claimed: 0, delivered: 0, failed: 0 };
    const { url, secret } = deps.centre();
    if (!url || !secret) return out;
    // Rounds: a delivered message lets the next one of its order become due (the repo holds later ones back), so
    // one pass empties an order's queue in sequence. It stops when a round sends nothing or the limit is reached.
    while (out.claimed < limit) {
      const due = await deps.repo.dueIds(deps.clock.now().toISOString(), limit - out.claimed);
      let delivered = 0;
      for (const { id } of due) {
        const r = await attempt(id, { url, secret });
        if (r === 'skipped') continue;
        out.claimed++;
        if (r === 'delivered') {
          out.delivered++;
          delivered++;
        } else out.failed++;
      }
      if (!delivered) break;
    }
    return out;
  }

  return { runOnce };
}
export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
