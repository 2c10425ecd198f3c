import type { Kysely } from 'kysely';
import { maskPhone, type GridRole, type GridStaff } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import {
  assertActionInScope,
  FULL_SCOPE,
  inScope,
  type AreaScope,
} from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import type { AreasRepo } from './areas.repo';

/** A user's own area scope (users module): null when the account is unknown or not active. */
export interface UserScope {
  areaCodes: string[];
  all: boolean;
}

export interface GridStaffDeps {
  db: Kysely<DB>;
  audit: AuditService;
  repo: AreasRepo;
  nowIso(): string;
  /** Display names and decrypted phones of users (users module). */
  userContacts(ids: string[]): Promise<Map<string, { displayName: string; phone: string | null }>>;
  userScope(id: string): Promise<UserScope | null>;
}

/**
 * The one rule for colleagues' phones: shown in full only to a holder of staff.contact.read who works with the staff
 * member in that grid — the viewer is current staff of the same grid, or the viewer's whole scope lies inside the
 * grid (their scope is that grid or narrower). Everyone else, leaders and administrators included, sees the mask and
 * unmasks one number with a reason, audited. A wide scope is no reason to hold every number of a district.
 */
export function worksWith(actor: Actor, gridCode: string, viewerIsStaffOfGrid: boolean): boolean {
  if (!actor.permissions.has('staff.contact.read')) return false;
  if (viewerIsStaffOfGrid) return true;
  return (
    !actor.scope.all &&
    actor.scope.prefixes.length > 0 &&
    actor.scope.prefixes.every((p) => p.startsWith(gridCode))
  );
}

/**
 * Whether an assigner may enlist a user in a grid: the user's whole scope lies in the assigner's (as users.manage
 * requires to edit a user), and one of the user's areas is the grid or an ancestor of it, so the post matches where the
 * user actually works. Administrators (full scope) are enlisted only by full-scope assigners.
 */
function assignable(
  assigner: Actor,
  user: UserScope,
  gridCode: string,
): 'ok' | 'not_visible' | 'beyond_assigner' | 'not_covering' {
  if (user.all) return assigner.scope.all ? 'ok' : 'not_visible';
  if (!assigner.scope.all && !user.areaCodes.some((c) => inScope(assigner.scope, c)))
    return 'not_visible';
  if (!user.areaCodes.every((c) => inScope(assigner.scope, c))) return 'beyond_assigner';
  return user.areaCodes.some((c) => gridCode.startsWith(c)) ? 'ok' : 'not_covering';
}

/** 网格力量: assignments of users to grid posts, and the phones they show. */
export function createGridStaff(deps: GridStaffDeps) {
  const { repo } = deps;

  async function staff(actor: Actor, areaCode: string): Promise<GridStaff[]> {
    const rows = await repo.listStaff(actor.scope, areaCode);
    const contacts = await deps.userContacts([...new Set(rows.map((r) => r.user_id))]);
    const colleague =
      actor.permissions.has('staff.contact.read') && rows.some((r) => r.user_id === actor.id);
    const full = worksWith(actor, areaCode, colleague);
    return rows.map((r) => {
      const c = contacts.get(r.user_id);
      const phone = c?.phone ?? null;
      return {
        id: r.id,
        userId: r.user_id,
        displayName: c?.displayName ?? '?',
        role: r.role,
        phone: phone && !full ? maskPhone(phone) : phone,
        phoneMasked: !full,
        since: r.valid_from,
      };
    });
  }

  return {
    staff,

    /** Current grid posts in a subtree, without contacts (grid-worker activity; scope narrowed by the caller). */
    async postsUnder(
      scope: AreaScope,
    ): Promise<{ userId: string; gridCode: string; role: GridRole }[]> {
      return (await repo.staffUnder(scope)).map((r) => ({
        userId: r.user_id,
        gridCode: r.area_code,
        role: r.role,
      }));
    },

    /** The grids a user staffed in one of the roles, and when (ended posts included). */
    async tenures(
      userId: string,
      roles: readonly GridRole[],
    ): Promise<{ gridCode: string; from: string; to: string | null }[]> {
      return (await repo.staffHistory(userId, roles)).map((r) => ({
        gridCode: r.area_code,
        from: r.valid_from,
        to: r.valid_to,
      }));
    },

    async assignStaff(
      actor: Actor,
      areaId: string,
      userId: string,
      role: GridRole,
      ip: string | null,
    ): Promise<GridStaff[]> {
      const area = await repo.findById(FULL_SCOPE, areaId);
      if (!area || area.valid_to) throw notFound('区域');
      assertActionInScope(actor.scope, area.code);
      if (area.level !== 'grid')
        throw new AppError('validation_failed', '网格力量只能配置到网格', { field: 'id' });
      const user = await deps.userScope(userId);
      const verdict = user ? assignable(actor, user, area.code) : 'not_visible';
      // Unknown and out-of-scope users answer alike: the assigner learns nothing about accounts beyond their scope.
      if (verdict === 'not_visible') throw notFound('用户');
      if (verdict === 'beyond_assigner')
        throw new AppError('forbidden', '该用户的管辖范围超出您的管辖范围', { field: 'userId' });
      if (verdict === 'not_covering')
        throw new AppError(
          'validation_failed',
          '该用户的管辖区域不包含此网格，请先调整其管辖区域',
          { field: 'userId' },
        );
      const current = await repo.listStaff(actor.scope, area.code);
      if (current.some((s) => s.user_id === userId && s.role === role))
        throw new AppError('duplicate', '该人员已担任此职务', { field: 'role' });
      const id = newId();
      await deps.db.transaction().execute(async (tx) => {
        await repo.insertStaff(tx, [
          {
            id,
            area_code: area.code,
            user_id: userId,
            role,
            valid_from: deps.nowIso(),
            valid_to: null,
          },
        ]);
        await deps.audit.record(
          {
            action: 'staff_assigned',
            actor,
            targetType: 'area',
            targetId: area.id,
            areaCode: area.code,
            ip,
            detail: { userId, role, code: area.code },
          },
          tx,
        );
      });
      return staff(actor, area.code);
    },

    /** Seeding and bulk loads: assignments checked by the caller, written in one transaction. */
    async assignStaffBulk(
      rows: { areaCode: string; userId: string; role: GridRole }[],
    ): Promise<void> {
      const at = deps.nowIso();
      await deps.db.transaction().execute((tx) =>
        repo.insertStaffMany(
          tx,
          rows.map((r) => ({
            id: newId(),
            area_code: r.areaCode,
            user_id: r.userId,
            role: r.role,
            valid_from: at,
            valid_to: null,
          })),
        ),
      );
    },

    async removeStaff(
      actor: Actor,
      areaId: string,
      assignmentId: string,
      ip: string | null,
    ): Promise<void> {
      const area = await repo.findById(FULL_SCOPE, areaId);
      const s = await repo.findStaff(FULL_SCOPE, assignmentId);
      if (!area || !s || s.area_code !== area.code) throw notFound('任职记录');
      assertActionInScope(actor.scope, area.code);
      await repo.endStaff(assignmentId, deps.nowIso());
      await deps.audit.record({
        action: 'staff_removed',
        actor,
        targetType: 'area',
        targetId: area.id,
        areaCode: area.code,
        ip,
        detail: { userId: s.user_id, role: s.role },
      });
    },

    /** One staff member's full phone for a viewer outside their grid: the reason is audited (personal data). */
    async unmaskStaffPhone(
      actor: Actor,
      areaId: string,
      assignmentId: string,
      reason: string,
      ip: string | null,
    ): Promise<string | null> {
      const area = await repo.findById(actor.scope, areaId);
      const s = await repo.findStaff(actor.scope, assignmentId);
      if (!area || !s || s.area_code !== area.code) throw notFound('任职记录');
      const phone = (await deps.userContacts([s.user_id])).get(s.user_id)?.phone ?? null;
      await deps.audit.record({
        action: 'personal_data_viewed',
        actor,
        targetType: 'user',
        targetId: s.user_id,
        areaCode: area.code,
        ip,
        detail: { field: 'phone', reason, areaCode: area.code },
      });
      return phone;
    },
  };
}
