import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { newId } from '../../core/ids';
import { createAuditRepo } from './audit.repo';
import { createPersonalSearchGuard } from './personal-search';

/** Security-relevant actions. Kept as a closed list so reports can rely on the names. */
export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'account_locked'
  | 'account_unlocked'
  | 'password_changed'
  | 'token_created'
  | 'token_revoked'
  | 'user_created'
  | 'user_updated'
  | 'role_created'
  | 'role_changed'
  | 'areas_imported'
  | 'areas_exported'
  | 'staff_assigned'
  | 'staff_removed'
  | 'department_changed'
  | 'personal_data_viewed'
  // A search by a full ID number or phone (personal-search.ts): who, which field, why, how many results; no value.
  | 'personal_data_searched'
  | 'registry_imported'
  | 'registry_exported'
  | 'registry_changed'
  | 'special_group_defined'
  | 'special_membership_changed'
  | 'data_key_rotated'
  // Case configuration: each moves deadlines or who gets a case, so every change names who made it.
  | 'calendar_changed'
  | 'category_changed'
  | 'condition_changed'
  | 'component_changed'
  | 'dispatch_rule_changed';

export interface AuditEvent {
  action: AuditAction;
  actor: { id: string; username: string } | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export function createAuditService(deps: { db: Kysely<DB>; clock: Clock }) {
  const repo = createAuditRepo(deps.db);
  async function record(e: AuditEvent, db: Kysely<DB> = deps.db): Promise<void> {
    const target = db === deps.db ? repo : createAuditRepo(db);
    await target.insert({
      id: newId(),
      at: deps.clock.now().toISOString(),
      actor_id: e.actor?.id ?? null,
      actor_name: e.actor?.username ?? null,
      action: e.action,
      target_type: e.targetType ?? null,
      target_id: e.targetId ?? null,
      ip: e.ip ?? null,
      detail: JSON.stringify(e.detail ?? {}),
    });
  }
  return {
    /** Appends one entry. Pass a transaction as `db` to make it part of the same write. */
    record,
    /** The one gate of every search by a full personal value (personal-search.ts). */
    personalSearch: createPersonalSearchGuard({
      repo,
      now: () => deps.clock.now(),
      record: (e) => record(e),
    }),
    async list(q: { action?: string | undefined; before?: string | undefined; limit: number }) {
      const rows = await repo.list(q);
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        ip: r.ip,
        detail: JSON.parse(r.detail) as unknown,
      }));
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
