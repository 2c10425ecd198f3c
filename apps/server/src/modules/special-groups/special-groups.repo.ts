import type { Kysely, Transaction } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { countBy, type FigureLevel } from '../../core/db/grouped-counts';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { SpecialGroupsTable, SpecialMembershipsTable } from './special-groups.tables';

type Db = Kysely<DB> | Transaction<DB>;
const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

export interface MembershipFilter {
  groupHash?: string | undefined;
  attentionLevel?: string | undefined;
  areaCode?: string | undefined;
  personId?: string | undefined;
  active?: boolean | undefined;
}

/** SQL of the group dictionary and of memberships. Reads of memberships take the caller's scope. */
export function createSpecialGroupsRepo(db: Kysely<DB>) {
  const scoped = (scope: AreaScope, d: Db = db) =>
    d.selectFrom('special_memberships').where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS));

  const filtered = (scope: AreaScope, f: MembershipFilter) => {
    let q = scoped(scope);
    if (f.groupHash) q = q.where('group_hash', '=', f.groupHash);
    if (f.attentionLevel) q = q.where('attention_level', '=', f.attentionLevel);
    if (f.personId) q = q.where('person_id', '=', f.personId);
    if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
    if (f.areaCode)
      q = q.where((eb) =>
        levelCodesInScope(eb, { all: false, prefixes: [f.areaCode!] }, AREA_COLUMNS),
      );
    return q;
  };

  return {
    /** Members per area of a level and a column (group_hash or attention_level), for the registry figures. */
    countMembersBy: (scope: AreaScope, f: MembershipFilter, level: FigureLevel, key: string) =>
      countBy(filtered(scope, f), level, key),

    listGroups: () =>
      db.selectFrom('special_groups').selectAll().orderBy('sort_order').orderBy('code').execute(),

    findGroup: (code: string, d: Db = db) =>
      d.selectFrom('special_groups').selectAll().where('code', '=', code).executeTakeFirst(),

    async maxSortOrder(): Promise<number> {
      const r = await db
        .selectFrom('special_groups')
        .select((eb) => eb.fn.max<number | null>('sort_order').as('m'))
        .executeTakeFirst();
      return Number(r?.m ?? 0);
    },

    insertGroup: (row: SpecialGroupsTable) => db.insertInto('special_groups').values(row).execute(),

    async updateGroupIfVersion(
      d: Db,
      code: string,
      version: number,
      patch: Partial<SpecialGroupsTable>,
    ): Promise<boolean> {
      const r = await d
        .updateTable('special_groups')
        .set(patch)
        .where('code', '=', code)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    findMembership: (scope: AreaScope, id: string, d: Db = db) =>
      scoped(scope, d).selectAll().where('id', '=', id).executeTakeFirst(),

    /** The running membership of a person in a group, whatever the caller's scope (a duplicate check). */
    findActive: (personId: string, hash: string, d: Db = db) =>
      d
        .selectFrom('special_memberships')
        .selectAll()
        .where('person_id', '=', personId)
        .where('group_hash', '=', hash)
        .where('active', '=', 1)
        .executeTakeFirst(),

    listMemberships: (
      scope: AreaScope,
      f: MembershipFilter,
      page: { limit: number; offset: number },
    ) =>
      filtered(scope, f)
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async countMemberships(scope: AreaScope, f: MembershipFilter): Promise<number> {
      const r = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    membershipsByIds: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db.selectFrom('special_memberships').selectAll().where('id', 'in', ids).execute(),

    activeOfPerson: (personId: string, d: Db = db) =>
      d
        .selectFrom('special_memberships')
        .selectAll()
        .where('person_id', '=', personId)
        .where('active', '=', 1)
        .execute(),

    insertMembership: (d: Db, row: SpecialMembershipsTable) =>
      d.insertInto('special_memberships').values(row).execute(),

    async updateMembershipIfVersion(
      d: Db,
      id: string,
      version: number,
      patch: Partial<SpecialMembershipsTable>,
    ): Promise<boolean> {
      const r = await d
        .updateTable('special_memberships')
        .set(patch)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Scope codes follow the person (moved house): every running membership of theirs. */
    updateScopeOfPerson: (
      d: Db,
      personId: string,
      codes: Pick<
        SpecialMembershipsTable,
        'admin_code' | 'street_code' | 'community_code' | 'grid_code'
      >,
      at: string,
    ) =>
      d
        .updateTable('special_memberships')
        .set({ ...codes, updated_at: at })
        .where('person_id', '=', personId)
        .where('active', '=', 1)
        .execute(),
  };
}
export type SpecialGroupsRepo = ReturnType<typeof createSpecialGroupsRepo>;
