import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { newId } from '../../core/ids';
import type { AreaScope } from '../../core/auth/area-scope';
import { createAuditReader } from './audit-reader';
import { createAuditRepo } from './audit.repo';
import type { TargetNamers } from './audit-target-names';
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
  | 'dispatch_rule_changed'
  // How long a 督办 may stay unanswered before it escalates (docs/supervision.md).
  | 'supervision_settings_changed'
  // A configuration table (分类字典, 派遣矩阵, 立结案标准) downloaded as a workbook.
  | 'config_exported'
  // An export of the audit log itself, with its reason and filters.
  | 'audit_exported'
  // A monthly report generated (on demand or by the schedule), with its area and month.
  | 'report_generated'
  // 监督考核: a period's figures frozen (published) or recomputed (a new version, with its reason); a scheme changed.
  | 'indicators_published'
  | 'indicators_recomputed'
  | 'assessment_scheme_changed'
  // A 12345 webhook sent again by hand from the delivery log (modules/hotline).
  | 'hotline_redelivered'
  // 民生平台: a 受理员 decided whether a resident's text or photo is shown publicly (modules/public-cases).
  | 'public_content_moderated';

export interface AuditEvent {
  action: AuditAction;
  /** Callers pass the Actor; its scope files the entry when the target's area is not given. */
  actor: { id: string; username: string; scope?: AreaScope } | null;
  targetType?: string;
  targetId?: string;
  /** The area of the target (a person's grid, a house's community); null for city-wide records. */
  areaCode?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * The area an entry is filed under when the writer names none: the actor's own area, or the code prefix shared by
 * their areas (a prefix of several streets is seen by whoever covers them all). Full scope: city-wide (null).
 */
export function areaOfActor(actor: AuditEvent['actor']): string | null {
  const scope = actor?.scope;
  if (!scope || scope.all || scope.prefixes.length === 0) return null;
  let common = scope.prefixes[0]!;
  for (const p of scope.prefixes.slice(1)) {
    let i = 0;
    while (i < common.length && i < p.length && common[i] === p[i]) i++;
    common = common.slice(0, i);
  }
  return common.length > 0 ? common : null;
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
      area_code: e.areaCode !== undefined ? e.areaCode : areaOfActor(e.actor),
      detail: JSON.stringify(e.detail ?? {}),
    });
  }
  // Bound by the composition root once every module is wired (the namers read through other modules' services).
  let namers: TargetNamers = {};
  const reader = createAuditReader({ repo, clock: deps.clock, namers: () => namers, record });
  return {
    /** Appends one entry. Pass a transaction as `db` to make it part of the same write. */
    record,
    /** The one gate of every search by a full personal value (personal-search.ts). */
    personalSearch: createPersonalSearchGuard({
      repo,
      now: () => deps.clock.now(),
      record: (e) => record(e),
    }),
    /** Names the targets of listed entries through these resolvers (app.ts, after wiring). */
    useTargetNamers(n: TargetNamers): void {
      namers = n;
    },
    ...reader,
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
