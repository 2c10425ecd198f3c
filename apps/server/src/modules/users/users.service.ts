import type { Kysely, Transaction } from 'kysely';
import {
  isPermission,
  maskPhone,
  type CreateRoleRequest,
  type CreateUserRequest,
  type Permission,
  type UpdateUserRequest,
  type User,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { inScope, scopeOf, type AreaScope } from '../../core/auth/area-scope';
import { hashPassword } from '../../core/auth/password';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError, invalid, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import { BUILTIN_ROLES } from './builtin-roles';
import { createUsersRepo } from './users.repo';
import type { UsersTable } from './users.tables';

export interface UsersDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditService;
  /** Answers whether current areas exist for these codes (the areas module's lookup). */
  existingAreaCodes(codes: string[]): Promise<Set<string>>;
  /** Whether a department exists (departments module). */
  departmentExists(id: string): Promise<boolean>;
  /**
   * Told after a user's access changed: disabled, roles, areas or department replaced (the auth module revokes
   * sessions, tokens and cached actors, and open live streams end).
   */
  onAccessChanged(userId: string, change: AccessChange): Promise<void>;
}

export type AccessChange = 'disabled' | 'roles' | 'areas' | 'department';

/** What the auth layer needs to build an Actor. */
export interface UserAccess {
  user: UsersTable;
  roles: { code: string; name: string }[];
  permissions: Set<Permission>;
  areaCodes: string[];
  scope: AreaScope;
}

export function createUsersService(deps: UsersDeps) {
  const repo = createUsersRepo(deps.db);
  const now = () => deps.clock.now().toISOString();

  async function present(rows: UsersTable[]): Promise<User[]> {
    const ids = rows.map((r) => r.id);
    const [roles, areas] = await Promise.all([repo.rolesOf(ids), repo.areasOf(ids)]);
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      phone: r.phone_enc ? maskPhone(deps.cipher.decrypt(r.phone_enc)) : null,
      status: r.status,
      roles: roles.filter((x) => x.user_id === r.id).map((x) => x.code),
      departmentId: r.department_id,
      areaCodes: areas.filter((x) => x.user_id === r.id).map((x) => x.area_code),
      createdAt: r.created_at,
    }));
  }

  /** Checks the roles and areas an actor hands out: no more than they hold themselves. */
  async function checkGrant(
    actor: Actor,
    roleCodes: string[] | undefined,
    areaCodes: string[] | undefined,
  ) {
    let roleIds: string[] | undefined;
    if (roleCodes) {
      const roles = await repo.rolesByCodes(roleCodes);
      const missing = roleCodes.filter((c) => !roles.some((r) => r.code === c));
      if (missing.length) throw invalid('roles', `没有这些角色: ${missing.join(', ')}`);
      for (const r of roles) {
        const perms = JSON.parse(r.permissions) as string[];
        const beyond = perms.filter((p) => isPermission(p) && !actor.permissions.has(p));
        if (beyond.length)
          throw new AppError(
            'forbidden',
            `不能授予超出自身权限的角色 ${r.code} (${beyond.join(', ')})`,
          );
      }
      roleIds = roles.map((r) => r.id);
    }
    if (areaCodes) {
      const outside = areaCodes.filter((c) => !inScope(actor.scope, c));
      if (outside.length)
        throw new AppError('forbidden', `区域超出您的管辖范围: ${outside.join(', ')}`);
      const existing = await deps.existingAreaCodes(areaCodes);
      const unknown = areaCodes.filter((c) => !existing.has(c));
      if (unknown.length) throw invalid('areaCodes', `区域不存在: ${unknown.join(', ')}`);
    }
    return roleIds;
  }

  return {
    /** Roles, permissions and scope of a user, for building the request actor. */
    async access(userId: string): Promise<UserAccess | null> {
      const user = await repo.findById(userId);
      if (!user || user.status !== 'active') return null;
      const [roles, areas] = await Promise.all([repo.rolesOf([userId]), repo.areasOf([userId])]);
      const permissions = new Set<Permission>();
      for (const r of roles)
        for (const p of JSON.parse(r.permissions) as string[])
          if (isPermission(p)) permissions.add(p);
      const areaCodes = areas.map((a) => a.area_code);
      // Administrators see everything; everyone else sees the subtrees they are bound to.
      const all = roles.some((r) => r.code === 'admin');
      return {
        user,
        roles: roles.map((r) => ({ code: r.code, name: r.name })),
        permissions,
        areaCodes,
        scope: scopeOf(areaCodes, all),
      };
    },

    async list(
      actor: Actor,
      q: { q?: string | undefined; areaCode?: string | undefined; limit: number; offset: number },
    ) {
      const { rows, total } = await repo.list(actor.scope, q);
      return { items: await present(rows), total };
    },

    async get(actor: Actor, id: string): Promise<User> {
      const row = await repo.findInScope(id, actor.scope);
      if (!row) throw notFound('用户');
      const [user] = await present([row]);
      return user!;
    },

    async create(actor: Actor, input: CreateUserRequest, ip: string | null): Promise<User> {
      const roleIds = (await checkGrant(actor, input.roles, input.areaCodes)) ?? [];
      if (input.departmentId && !(await deps.departmentExists(input.departmentId)))
        throw invalid('departmentId', '部门不存在');
      if (await repo.findByUsername(input.username))
        throw new AppError('duplicate', `用户名 ${input.username} 已存在`, { field: 'username' });
      const t = now();
      const row: UsersTable = {
        id: newId(),
        username: input.username,
        display_name: input.displayName,
        phone_enc: input.phone ? deps.cipher.encrypt(input.phone) : null,
        password_hash: await hashPassword(input.password),
        department_id: input.departmentId ?? null,
        status: 'active',
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: t,
        updated_at: t,
      };
      await deps.db.transaction().execute(async (tx) => {
        await repo.insert(tx, row, roleIds, input.areaCodes);
        await deps.audit.record(
          {
            action: 'user_created',
            actor,
            targetType: 'user',
            targetId: row.id,
            ip,
            detail: { username: row.username, roles: input.roles, areaCodes: input.areaCodes },
          },
          tx,
        );
      });
      return this.get(actor, row.id);
    },

    async update(
      actor: Actor,
      id: string,
      input: UpdateUserRequest,
      ip: string | null,
    ): Promise<User> {
      if (!(await repo.findById(id))) throw notFound('用户');
      if (!(await repo.findInScope(id, actor.scope)))
        throw new AppError('forbidden', '该用户超出您的管辖范围');
      const roleIds = await checkGrant(actor, input.roles, input.areaCodes);
      const patch: Partial<UsersTable> = { updated_at: now() };
      if (input.displayName !== undefined) patch.display_name = input.displayName;
      if (input.phone !== undefined)
        patch.phone_enc = input.phone ? deps.cipher.encrypt(input.phone) : null;
      if (input.status !== undefined) patch.status = input.status;
      if (input.departmentId !== undefined) {
        if (input.departmentId && !(await deps.departmentExists(input.departmentId)))
          throw invalid('departmentId', '部门不存在');
        patch.department_id = input.departmentId;
      }
      await deps.db.transaction().execute(async (tx) => {
        await repo.update(tx, id, patch);
        if (roleIds) await repo.setRoles(tx, id, roleIds);
        if (input.areaCodes) await repo.setAreas(tx, id, input.areaCodes);
        const action = roleIds ? 'role_changed' : 'user_updated';
        await deps.audit.record(
          {
            action,
            actor,
            targetType: 'user',
            targetId: id,
            ip,
            detail: { ...input, phone: input.phone ? maskPhone(input.phone) : input.phone },
          },
          tx,
        );
      });
      // After the commit: what the user could do a moment ago no longer holds.
      const change: AccessChange | null =
        input.status === 'disabled'
          ? 'disabled'
          : roleIds
            ? 'roles'
            : input.areaCodes
              ? 'areas'
              : input.departmentId !== undefined
                ? 'department'
                : null;
      if (change) await deps.onAccessChanged(id, change);
      return this.get(actor, id);
    },

    /** The account a login names (any status: the auth module answers every failure alike). */
    findForLogin: (username: string) => repo.findByUsername(username),
    findById: (id: string) => repo.findById(id),

    /**
     * Counts a password attempt as failed before the password is checked (atomic, see the repo) and answers the new
     * count and lock; a correct password then calls resetFailedLogins.
     */
    async chargeLoginAttempt(
      id: string,
      policy: { lockAfter: number; lockMinutes: number },
    ): Promise<{ count: number; lockedUntil: string | null }> {
      const nowDate = deps.clock.now();
      const until = new Date(nowDate.getTime() + policy.lockMinutes * 60_000).toISOString();
      const row = await repo.chargeLoginAttempt(id, nowDate.toISOString(), policy.lockAfter, until);
      return {
        count: Number(row?.failed_logins ?? Number.MAX_SAFE_INTEGER),
        lockedUntil: row?.locked_until ?? null,
      };
    },

    resetFailedLogins: async (id: string) => {
      await repo.resetFailedLogins(id);
    },

    async changePassword(id: string, passwordHash: string): Promise<void> {
      await repo.update(deps.db, id, {
        password_hash: passwordHash,
        must_change_password: 0,
        updated_at: now(),
      });
    },

    /** Lifts a login lock (an administrator, for a user in their scope), audited. */
    async unlock(actor: Actor, id: string, ip: string | null): Promise<void> {
      if (!(await repo.findById(id))) throw notFound('用户');
      if (!(await repo.findInScope(id, actor.scope)))
        throw new AppError('forbidden', '该用户超出您的管辖范围');
      await repo.resetFailedLogins(id);
      await deps.audit.record({
        action: 'account_unlocked',
        actor,
        targetType: 'user',
        targetId: id,
        ip,
      });
    },

    /** Full phone number of a user, with the reason audited (personal data, docs/domain.md §10). */
    async unmaskPhone(
      actor: Actor,
      id: string,
      reason: string,
      ip: string | null,
    ): Promise<string | null> {
      const row = await repo.findInScope(id, actor.scope);
      if (!row) throw notFound('用户');
      await deps.audit.record({
        action: 'personal_data_viewed',
        actor,
        targetType: 'user',
        targetId: id,
        ip,
        detail: { field: 'phone', reason },
      });
      return row.phone_enc ? deps.cipher.decrypt(row.phone_enc) : null;
    },

    /** Ids of active holders of `roleCode` whose areas cover `areaCode`, read in the caller's transaction. */
    async holdersCovering(tx: Transaction<DB>, roleCode: string, areaCode: string) {
      return (await repo.holdersCovering(tx, roleCode, areaCode)).map((r) => r.id);
    },

    /** "姓名（用户名）" of the users among `ids` visible in the scope; others are left out. */
    async namesFor(ids: string[], scope: AreaScope): Promise<Map<string, string>> {
      const rows = await repo.namesInScope([...new Set(ids)], scope);
      return new Map(rows.map((r) => [r.id, `${r.display_name}（${r.username}）`]));
    },

    /** Names and full phone numbers for other modules, which mask them for their viewers. */
    async contacts(
      ids: string[],
    ): Promise<Map<string, { displayName: string; phone: string | null }>> {
      const rows = await repo.findByIds(ids);
      return new Map(
        rows.map((r) => [
          r.id,
          {
            displayName: r.display_name,
            phone: r.phone_enc ? deps.cipher.decrypt(r.phone_enc) : null,
          },
        ]),
      );
    },

    async listRoles() {
      const rows = await repo.listRoles();
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        nameEn: r.name_en,
        permissions: JSON.parse(r.permissions) as string[],
        builtin: r.builtin === 1,
      }));
    },

    async createRole(actor: Actor, input: CreateRoleRequest, ip: string | null) {
      if ((await repo.rolesByCodes([input.code])).length)
        throw new AppError('duplicate', `角色 ${input.code} 已存在`, { field: 'code' });
      const row = {
        id: newId(),
        code: input.code,
        name: input.name,
        name_en: input.nameEn,
        permissions: JSON.stringify([...new Set(input.permissions)]),
        builtin: 0,
        created_at: now(),
      };
      await repo.insertRole(row);
      await deps.audit.record({
        action: 'role_created',
        actor,
        targetType: 'role',
        targetId: row.id,
        ip,
        detail: { code: input.code, permissions: input.permissions },
      });
      return (await this.listRoles()).find((r) => r.id === row.id)!;
    },

    /** Inserts missing built-in roles and refreshes their permissions (run at start). */
    async syncBuiltinRoles(): Promise<void> {
      const existing = await repo.listRoles();
      for (const b of BUILTIN_ROLES) {
        const perms = JSON.stringify(b.permissions);
        const found = existing.find((r) => r.code === b.code);
        if (!found)
          await repo.insertRole({
            id: newId(),
            code: b.code,
            name: b.name,
            name_en: b.nameEn,
            permissions: perms,
            builtin: 1,
            created_at: now(),
          });
        else if (found.permissions !== perms || found.name !== b.name)
          await repo.updateRole(found.id, {
            permissions: perms,
            name: b.name,
            name_en: b.nameEn,
            builtin: 1,
          });
      }
    },

    /**
     * Creates a user directly (first administrator, demo accounts, tests). `passwordHash` lets
     * bulk seeding reuse one argon2 hash instead of paying ~20 ms per account.
     */
    async createDirect(
      input: {
        username: string;
        displayName: string;
        phone?: string | null;
        passwordHash: string;
        roles: string[];
        areaCodes: string[];
        mustChangePassword?: boolean;
        departmentId?: string | null;
      },
      tx: Kysely<DB> = deps.db,
    ) {
      const txRepo = createUsersRepo(tx);
      const roles = await txRepo.rolesByCodes(input.roles);
      const t = now();
      const row: UsersTable = {
        id: newId(),
        username: input.username,
        display_name: input.displayName,
        phone_enc: input.phone ? deps.cipher.encrypt(input.phone) : null,
        password_hash: input.passwordHash,
        department_id: input.departmentId ?? null,
        status: 'active',
        must_change_password: input.mustChangePassword ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        created_at: t,
        updated_at: t,
      };
      await txRepo.insert(
        tx,
        row,
        roles.map((r) => r.id),
        input.areaCodes,
      );
      return row;
    },

    async userCount(): Promise<number> {
      return Number((await repo.countUsers()).n);
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
