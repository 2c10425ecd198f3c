import { sql, type Kysely, type Transaction } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { codeInScope } from '../../core/db/scope-filter';
import type { RolesTable, UsersTable } from './users.tables';

type Db = Kysely<DB> | Transaction<DB>;

export function createUsersRepo(db: Kysely<DB>) {
  return {
    findByUsername: (username: string) =>
      db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),

    findByIds: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('users')
            .select(['id', 'display_name', 'phone_enc'])
            .where('id', 'in', ids)
            .execute(),

    /** Display names of the users among `ids` visible in the scope (the audit log names its targets so). */
    namesInScope(ids: string[], scope: AreaScope) {
      if (ids.length === 0) return Promise.resolve([]);
      let q = db
        .selectFrom('users')
        .select(['id', 'display_name', 'username'])
        .where('id', 'in', ids);
      if (!scope.all)
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('user_areas as ua')
              .select('ua.user_id')
              .whereRef('ua.user_id', '=', 'users.id')
              .where((e) => codeInScope(e, 'ua.area_code', scope)),
          ),
        );
      return q.execute();
    },

    findById: (id: string) =>
      db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    /**
     * Active holders of a role whose areas cover `areaCode` (one of their codes prefixes it): the leaders a 督办
     * escalates to. Runs on the caller's transaction (SQLite has one connection).
     */
    holdersCovering: (d: Db, roleCode: string, areaCode: string) =>
      d
        .selectFrom('users')
        .innerJoin('user_roles as ur', 'ur.user_id', 'users.id')
        .innerJoin('roles', 'roles.id', 'ur.role_id')
        .innerJoin('user_areas as ua', 'ua.user_id', 'users.id')
        .select('users.id')
        .distinct()
        .where('roles.code', '=', roleCode)
        .where('users.status', '=', 'active')
        .where(sql<boolean>`${areaCode} like ${sql.ref('ua.area_code')} || '%'`)
        .execute(),

    /** A user is visible when one of their areas lies in the scope (or they have none and the scope is full). */
    async findInScope(id: string, scope: AreaScope) {
      const q = db.selectFrom('users').selectAll().where('id', '=', id);
      if (scope.all) return q.executeTakeFirst();
      return q
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('user_areas as ua')
              .select('ua.user_id')
              .whereRef('ua.user_id', '=', 'users.id')
              .where((e) => codeInScope(e, 'ua.area_code', scope)),
          ),
        )
        .executeTakeFirst();
    },

    async list(
      scope: AreaScope,
      q: { q?: string | undefined; areaCode?: string | undefined; limit: number; offset: number },
    ) {
      let query = db.selectFrom('users');
      if (!scope.all || q.areaCode) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('user_areas as ua')
              .select('ua.user_id')
              .whereRef('ua.user_id', '=', 'users.id')
              .where((e) => codeInScope(e, 'ua.area_code', scope))
              .$if(!!q.areaCode, (s) => s.where('ua.area_code', 'like', `${q.areaCode}%`)),
          ),
        );
      }
      if (q.q)
        query = query.where((eb) =>
          eb.or([eb('username', 'like', `%${q.q}%`), eb('display_name', 'like', `%${q.q}%`)]),
        );
      const total = await query
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await query
        .selectAll()
        .orderBy('username')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      return { rows, total: Number(total.n) };
    },

    rolesOf: (userIds: string[]) =>
      userIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('user_roles as ur')
            .innerJoin('roles as r', 'r.id', 'ur.role_id')
            .select(['ur.user_id', 'r.code', 'r.name', 'r.permissions'])
            .where('ur.user_id', 'in', userIds)
            .execute(),

    areasOf: (userIds: string[]) =>
      userIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('user_areas').selectAll().where('user_id', 'in', userIds).execute(),

    async insert(tx: Db, user: UsersTable, roleIds: string[], areaCodes: string[]) {
      await tx.insertInto('users').values(user).execute();
      if (roleIds.length)
        await tx
          .insertInto('user_roles')
          .values(roleIds.map((role_id) => ({ user_id: user.id, role_id })))
          .execute();
      if (areaCodes.length)
        await tx
          .insertInto('user_areas')
          .values(areaCodes.map((area_code) => ({ user_id: user.id, area_code })))
          .execute();
    },

    async update(tx: Db, id: string, patch: Partial<UsersTable>) {
      await tx.updateTable('users').set(patch).where('id', '=', id).execute();
    },

    async setRoles(tx: Db, userId: string, roleIds: string[]) {
      await tx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
      if (roleIds.length)
        await tx
          .insertInto('user_roles')
          .values(roleIds.map((role_id) => ({ user_id: userId, role_id })))
          .execute();
    },

    async setAreas(tx: Db, userId: string, areaCodes: string[]) {
      await tx.deleteFrom('user_areas').where('user_id', '=', userId).execute();
      if (areaCodes.length)
        await tx
          .insertInto('user_areas')
          .values(areaCodes.map((area_code) => ({ user_id: userId, area_code })))
          .execute();
    },

    /**
     * Counts one password attempt as failed before the password is checked, and sets the lock on the attempt that
     * reaches `lockAfter`, in ONE statement: parallel attempts each get their own count back, so no more than
     * `lockAfter` of them can see an unlocked account. A lock that has run out starts the count again at 1. Every
     * right-hand side reads the row as it was before the update (SQLite and PostgreSQL alike).
     */
    chargeLoginAttempt: (id: string, now: string, lockAfter: number, lockUntil: string) => {
      const expired = sql`(locked_until is not null and locked_until <= ${now})`;
      const next = sql<number>`(case when ${expired} then 1 else failed_logins + 1 end)`;
      return db
        .updateTable('users')
        .set({
          failed_logins: next,
          locked_until: sql<
            string | null
          >`case when locked_until is not null and locked_until > ${now} then locked_until when ${next} >= ${lockAfter} then ${lockUntil} else null end`,
        })
        .where('id', '=', id)
        .returning(['failed_logins', 'locked_until'])
        .executeTakeFirst();
    },

    resetFailedLogins: (id: string) =>
      db
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', id)
        .execute(),

    // Roles
    listRoles: () =>
      db.selectFrom('roles').selectAll().orderBy('builtin', 'desc').orderBy('code').execute(),
    rolesByCodes: (codes: string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : db.selectFrom('roles').selectAll().where('code', 'in', codes).execute(),
    roleById: (id: string) =>
      db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst(),
    insertRole: (row: RolesTable) => db.insertInto('roles').values(row).execute(),
    updateRole: (id: string, patch: Partial<RolesTable>) =>
      db.updateTable('roles').set(patch).where('id', '=', id).execute(),
    countUsers: () =>
      db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
