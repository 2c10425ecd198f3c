import type { Kysely, Transaction } from 'kysely';
import type { GridRole } from '@wangge/shared';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { codeInScope } from '../../core/db/scope-filter';
import type { AreasTable, GridStaffTable } from './areas.tables';

const NODE_COLUMNS = ['id', 'code', 'name', 'level', 'parent_code', 'grid_type'] as const;
// Rows per INSERT: under SQLite's and PostgreSQL's bound-parameter limits with 19 columns.
const BATCH = 500;

/** All SQL of the areas module. Every read takes the caller's scope. */
export function createAreasRepo(db: Kysely<DB>) {
  const current = (scope: AreaScope) =>
    db
      .selectFrom('areas')
      .where('valid_to', 'is', null)
      .where((eb) => codeInScope(eb, 'code', scope));

  return {
    listNodes(
      scope: AreaScope,
      q: { level?: string | undefined; parentCode?: string | undefined } = {},
    ) {
      return current(scope)
        .select(NODE_COLUMNS)
        .$if(!!q.level, (s) => s.where('level', '=', q.level as AreasTable['level']))
        .$if(!!q.parentCode, (s) => s.where('parent_code', '=', q.parentCode!))
        .orderBy('code')
        .execute();
    },

    listWithGeometry(
      scope: AreaScope,
      q: {
        level?: string | undefined;
        parentCode?: string | undefined;
        codePrefix?: string | undefined;
      } = {},
    ) {
      return current(scope)
        .selectAll()
        .$if(!!q.level, (s) => s.where('level', '=', q.level as AreasTable['level']))
        .$if(!!q.parentCode, (s) => s.where('parent_code', '=', q.parentCode!))
        .$if(!!q.codePrefix, (s) => s.where('code', 'like', `${q.codePrefix}%`))
        .orderBy('code')
        .execute();
    },

    findById: (scope: AreaScope, id: string) =>
      db
        .selectFrom('areas')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => codeInScope(eb, 'code', scope))
        .executeTakeFirst(),

    findCurrentByCode: (scope: AreaScope, code: string) =>
      current(scope).selectAll().where('code', '=', code).executeTakeFirst(),

    /** Names of area rows (any version) by id, within the scope. */
    namesByIds(scope: AreaScope, ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('areas')
        .select(['id', 'name', 'code'])
        .where('id', 'in', ids)
        .where((eb) => codeInScope(eb, 'code', scope))
        .execute();
    },

    /** Current areas whose codes are among `codes` (ancestors are found by their code prefixes). */
    findCurrentByCodes(scope: AreaScope, codes: string[], withGeometry = false) {
      if (codes.length === 0) return Promise.resolve([] as AreasTable[]);
      const q = current(scope).where('code', 'in', codes);
      return (
        withGeometry
          ? q.selectAll()
          : q.select([...NODE_COLUMNS, 'version', 'valid_from', 'valid_to'])
      ).execute() as Promise<AreasTable[]>;
    },

    /**
     * Any part of the code or the name (a worker remembers the end of a grid code, 0103, as often as its start);
     * the exact code, then codes starting with the text, come first.
     */
    search(scope: AreaScope, text: string, limit: number) {
      const like = `%${text}%`;
      return current(scope)
        .select(NODE_COLUMNS)
        .where((eb) => eb.or([eb('code', 'like', like), eb('name', 'like', like)]))
        .orderBy((eb) =>
          eb
            .case()
            .when('code', '=', text)
            .then(0)
            .when('code', 'like', `${text}%`)
            .then(1)
            .else(2)
            .end(),
        )
        .orderBy('level')
        .orderBy('code')
        .limit(limit)
        .execute();
    },

    async childCount(scope: AreaScope, code: string): Promise<number> {
      const r = await current(scope)
        .where('parent_code', '=', code)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Grids for the in-memory locate index: the whole jurisdiction, scope applied per answer. */
    gridsForIndex: (scope: AreaScope) =>
      current(scope)
        .select(['id', 'code', 'name', 'level', 'parent_code', 'grid_type', 'version', 'geometry'])
        .where('level', '=', 'grid')
        .orderBy('code')
        .execute(),

    upperAreasForIndex: (scope: AreaScope) =>
      current(scope)
        .select(['id', 'code', 'name', 'level', 'geometry'])
        .where('level', '!=', 'grid')
        .orderBy('code')
        .execute(),

    async insertMany(tx: Transaction<DB> | Kysely<DB>, rows: AreasTable[]) {
      for (let i = 0; i < rows.length; i += BATCH)
        await tx
          .insertInto('areas')
          .values(rows.slice(i, i + BATCH))
          .execute();
    },

    async closeVersions(tx: Transaction<DB> | Kysely<DB>, ids: string[], at: string) {
      for (let i = 0; i < ids.length; i += BATCH)
        await tx
          .updateTable('areas')
          .set({ valid_to: at })
          .where('id', 'in', ids.slice(i, i + BATCH))
          .execute();
    },

    // Grid staff (网格力量)
    listStaff: (scope: AreaScope, areaCode: string) =>
      db
        .selectFrom('grid_staff')
        .selectAll()
        .where('area_code', '=', areaCode)
        .where('valid_to', 'is', null)
        .where((eb) => codeInScope(eb, 'area_code', scope))
        .orderBy('role')
        .execute(),
    /** Current posts in every grid of a subtree (grid-worker activity). */
    staffUnder: (scope: AreaScope) =>
      db
        .selectFrom('grid_staff')
        .select(['user_id', 'area_code', 'role'])
        .where('valid_to', 'is', null)
        .where((eb) => codeInScope(eb, 'area_code', scope))
        .orderBy('area_code')
        .orderBy('role')
        .execute(),
    /** Every post a user has held in a role, ended ones included (a person's 漏报 by the grids they staffed). */
    staffHistory: (userId: string, roles: readonly GridRole[]) =>
      db
        .selectFrom('grid_staff')
        .select(['area_code', 'valid_from', 'valid_to'])
        .where('user_id', '=', userId)
        .where('role', 'in', [...roles])
        .orderBy('valid_from')
        .execute(),
    findStaff: (scope: AreaScope, id: string) =>
      db
        .selectFrom('grid_staff')
        .selectAll()
        .where('id', '=', id)
        .where('valid_to', 'is', null)
        .where((eb) => codeInScope(eb, 'area_code', scope))
        .executeTakeFirst(),
    insertStaff: (tx: Transaction<DB> | Kysely<DB>, rows: GridStaffTable[]) =>
      rows.length ? tx.insertInto('grid_staff').values(rows).execute() : Promise.resolve([]),
    async insertStaffMany(tx: Transaction<DB> | Kysely<DB>, rows: GridStaffTable[]) {
      for (let i = 0; i < rows.length; i += BATCH)
        await tx
          .insertInto('grid_staff')
          .values(rows.slice(i, i + BATCH))
          .execute();
    },
    endStaff: (id: string, at: string) =>
      db.updateTable('grid_staff').set({ valid_to: at }).where('id', '=', id).execute(),
  };
}
export type AreasRepo = ReturnType<typeof createAreasRepo>;
