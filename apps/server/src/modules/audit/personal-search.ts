import type { Actor } from '../../core/auth/actor';
import { AppError, invalid } from '../../core/errors';
import type { AuditRepo } from './audit.repo';
import type { AuditEvent } from './audit.service';

/**
 * Searching by a full personal value (ID number, phone, guardian phone) is itself an unmasking: a match confirms the
 * value behind a mask, so a loop over candidates rebuilds it. Every filter on an encrypted value goes through here:
 * personal.unmask, a reason, an audit entry per search (never the value: at most its keyed hash, which the table
 * beside it already holds) and a per-user rate limit.
 *
 * The limit counts the user's `personal_data_searched` entries in the database, so it holds across processes; a
 * user's searches are serialised within a process (check → search → record), so a parallel burst from one process
 * cannot overshoot. Several processes together may overshoot by at most one search each per window edge.
 */
export const PERSONAL_SEARCH_LIMIT = { max: 20, windowMs: 10 * 60_000 } as const;

export interface PersonalSearch {
  /** The module and the request field holding the value, e.g. housing / landlordPhone. Both go to the audit. */
  module: string;
  field: string;
  /** Why the caller searches; required for 'search'. */
  reason?: string | undefined;
  /** The keyed lookup hash of the value searched (already stored beside the record); never the value itself. */
  valueHash?: string | undefined;
  /**
   * 'search': a filter or lookup, needs personal.unmask and a reason, every attempt audited.
   * 'duplicate_check': registration refusing a second record for the same document. The registering user holds the
   * document already, so no personal.unmask; only a hit answers anything, so only hits are audited, and a user over
   * the limit may not register until the window passes (refusing only hits would answer the question too).
   */
  purpose?: 'search' | 'duplicate_check';
}

interface Deps {
  repo: Pick<AuditRepo, 'countRecent'>;
  now(): Date;
  record(e: AuditEvent): Promise<void>;
}

export function createPersonalSearchGuard(deps: Deps) {
  // Per user: the tail of the chain of their searches in this process.
  const queues = new Map<string, Promise<unknown>>();

  function serialised<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const prev = queues.get(userId) ?? Promise.resolve();
    const next = prev.then(work, work);
    const tail = next.catch(() => undefined);
    queues.set(userId, tail);
    void tail.then(() => {
      if (queues.get(userId) === tail) queues.delete(userId);
    });
    return next;
  }

  async function assertUnderLimit(actor: Actor): Promise<void> {
    const since = new Date(deps.now().getTime() - PERSONAL_SEARCH_LIMIT.windowMs).toISOString();
    const n = await deps.repo.countRecent(actor.id, 'personal_data_searched', since);
    if (n >= PERSONAL_SEARCH_LIMIT.max) {
      throw new AppError(
        'rate_limited',
        `按完整证件号码或电话查询过于频繁（每 ${PERSONAL_SEARCH_LIMIT.windowMs / 60_000} 分钟最多 ${PERSONAL_SEARCH_LIMIT.max} 次），请稍后再试`,
        {
          details: {
            max: PERSONAL_SEARCH_LIMIT.max,
            windowMinutes: PERSONAL_SEARCH_LIMIT.windowMs / 60_000,
          },
        },
      );
    }
  }

  /**
   * Runs `search` if the caller may, then audits it. `count` says how many records the search answered (0 or 1 for
   * a lookup); the audit keeps the count, not the records.
   */
  return async function personalSearch<T>(
    actor: Actor,
    what: PersonalSearch,
    ip: string | null,
    search: () => Promise<T>,
    count: (result: T) => number,
  ): Promise<T> {
    const purpose = what.purpose ?? 'search';
    if (purpose === 'search') {
      if (!actor.permissions.has('personal.unmask'))
        throw new AppError('forbidden', '按完整证件号码或电话查询需要查看个人信息权限', {
          field: what.field,
        });
      if ((what.reason?.trim().length ?? 0) < 2) throw invalid('reason', '请说明查询原因');
    }
    return serialised(actor.id, async () => {
      await assertUnderLimit(actor);
      const result = await search();
      const n = count(result);
      if (purpose === 'search' || n > 0) {
        await deps.record({
          action: 'personal_data_searched',
          actor,
          targetType: what.module,
          ip,
          detail: {
            module: what.module,
            field: what.field,
            purpose,
            ...(what.reason ? { reason: what.reason.trim() } : {}),
            results: n,
            ...(what.valueHash ? { valueHash: what.valueHash } : {}),
          },
        });
      }
      return result;
    });
  };
}
export type PersonalSearchGuard = ReturnType<typeof createPersonalSearchGuard>;
