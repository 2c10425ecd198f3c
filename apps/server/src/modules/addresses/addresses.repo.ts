import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import { scopeOf, type AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import { placeColumns, type Place } from './address-model';
import type { AddressesTable } from './addresses.tables';

type Db = Kysely<DB> | Transaction<DB>;
type Eb = ExpressionBuilder<DB, 'addresses'>;
const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};
// Ids per IN list: well under the bound-parameter limits of both databases.
const BATCH = 500;

type Arm = (eb: Eb) => Expression<SqlBool>;

/**
 * Who sees a node: those whose scope contains it, and those inside the area of a coarse node (a 街巷 filed at its
 * district is seen by every grid worker of the district, so they can browse down to their own door plates).
 * Written as disjoint arms, each an equality on one indexed code column: a UNION ALL of arms merges index walks in
 * full-address order, where one OR over several columns makes both databases sort the whole community per page.
 */
function visibleArms(scope: AreaScope): Arm[] {
  if (scope.all) return [(eb) => eb.lit(true)];
  const roots = scopeOf(scope.prefixes).prefixes;
  const arms: Arm[] = roots.map(
    (p) => (eb) => levelCodesInScope(eb, { all: false, prefixes: [p] }, AREA_COLUMNS),
  );
  // The district, street and community codes above each root, unless another root already covers them.
  const above = new Set(
    roots
      .flatMap((p) => [6, 9, 12].filter((n) => p.length > n).map((n) => p.slice(0, n)))
      .filter((c) => !roots.some((r) => c.startsWith(r))),
  );
  return [
    ...arms,
    ...[...above].map(
      (code): Arm =>
        (eb) =>
          eb('place_code', '=', code),
    ),
  ];
}

const visible = (eb: Eb, scope: AreaScope): Expression<SqlBool> => {
  const arms = visibleArms(scope);
  return arms.length ? eb.or(arms.map((a) => a(eb))) : eb.lit(false);
};

/** Nodes not under a place (the place's own level column differs or is empty). */
function outsidePlace(eb: Eb, p: Place): Expression<SqlBool> {
  const [column, code] = p.grid
    ? (['grid_code', p.grid] as const)
    : p.community
      ? (['community_code', p.community] as const)
      : p.street
        ? (['street_code', p.street] as const)
        : (['admin_code', p.admin] as const);
  return eb.or([eb(column, 'is', null), eb(column, '<>', code)]);
}

/** Every token must appear in the search text. Tokens are already stripped of LIKE wildcards. */
const containsAll = (eb: Eb, tokens: readonly string[]) =>
  eb.and(tokens.map((t) => eb('search_text', 'like', `%${t}%`)));

export interface AddressFilter {
  level?: string | undefined;
  areaCode?: string | undefined;
  tokens?: readonly string[] | undefined;
}

/** All SQL of the addresses module. Reads of nodes take the caller's scope. */
export function createAddressesRepo(db: Kysely<DB>) {
  const scoped = (scope: AreaScope, d: Db = db) =>
    d.selectFrom('addresses').where((eb) => visible(eb, scope));

  /** One query per visibility arm, each with the filter; callers order and page the union. */
  const filteredArms = (scope: AreaScope, f: AddressFilter) =>
    visibleArms(scope).map((arm) => {
      let q = db.selectFrom('addresses').where(arm);
      if (f.level) q = q.where('level', '=', f.level);
      if (f.areaCode)
        q = q.where((eb) =>
          levelCodesInScope(eb, { all: false, prefixes: [f.areaCode!] }, AREA_COLUMNS),
        );
      if (f.tokens?.length) q = q.where((eb) => containsAll(eb, f.tokens!));
      return q;
    });

  /** 街巷 are filed at their district: the roots a scope sees are those of its districts, found by parent_key alone. */
  const rootsOf = (scope: AreaScope) => {
    const q = db.selectFrom('addresses');
    if (scope.all) return q.where('parent_key', '>=', 'root:').where('parent_key', '<', 'root;');
    const keys = [
      ...new Set(scope.prefixes.filter((p) => p.length >= 6).map((p) => `root:${p.slice(0, 6)}`)),
    ];
    return keys.length ? q.where('parent_key', 'in', keys) : q.where((eb) => eb.lit(false));
  };

  /** Ids of the descendants of a node (not the node), by a recursive walk of parent_key. */
  const descendants = (d: Db, rootId: string) =>
    d.withRecursive('sub(id)', (qb) =>
      qb
        .selectFrom('addresses')
        .select('id')
        .where('parent_key', '=', rootId)
        .unionAll((u) =>
          u.selectFrom('addresses as a').innerJoin('sub', 'sub.id', 'a.parent_key').select('a.id'),
        ),
    );

  return {
    findById: (scope: AreaScope, id: string, d: Db = db) =>
      scoped(scope, d).selectAll().where('id', '=', id).executeTakeFirst(),

    findByIds: async (ids: readonly string[]): Promise<AddressesTable[]> => {
      const out: AddressesTable[] = [];
      for (let i = 0; i < ids.length; i += BATCH)
        out.push(
          ...(await db
            .selectFrom('addresses')
            .selectAll()
            .where('id', 'in', ids.slice(i, i + BATCH))
            .execute()),
        );
      return out;
    },

    /** The sibling with this name (search form), whatever the caller's scope: names are unique among siblings. */
    findChild: (d: Db, parentKey: string, nameKey: string) =>
      d
        .selectFrom('addresses')
        .selectAll()
        .where('parent_key', '=', parentKey)
        .where('name_key', '=', nameKey)
        .executeTakeFirst(),

    /** Children in natural order, whatever the scope: callers filter the children of a coarse parent themselves. */
    children: (parentKey: string, page?: { limit: number; offset: number }) => {
      const q = db
        .selectFrom('addresses')
        .selectAll()
        .where('parent_key', '=', parentKey)
        .orderBy('sort_key')
        .orderBy('id');
      return (page ? q.limit(page.limit).offset(page.offset) : q).execute();
    },

    async countChildren(parentKey: string): Promise<number> {
      const r = await db
        .selectFrom('addresses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_key', '=', parentKey)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** How many children each node has, whatever the scope (one grouped query per page). */
    async childCounts(ids: readonly string[]): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('addresses')
        .select(['parent_key', (eb) => eb.fn.countAll<number>().as('n')])
        .where('parent_key', 'in', ids)
        .groupBy('parent_key')
        .execute();
      return new Map(rows.map((r) => [r.parent_key, Number(r.n)]));
    },

    /** Where the children of some (coarse) nodes are filed, for counting those a caller sees. */
    childPlaces: (ids: readonly string[]) =>
      ids.length
        ? db
            .selectFrom('addresses')
            .select(['parent_key', 'admin_code', 'street_code', 'community_code', 'grid_code'])
            .where('parent_key', 'in', ids)
            .execute()
        : Promise.resolve([]),

    roots: (scope: AreaScope, page: { limit: number; offset: number }) =>
      rootsOf(scope)
        .selectAll()
        .orderBy('sort_key')
        .orderBy('parent_key')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async countRoots(scope: AreaScope): Promise<number> {
      const r = await rootsOf(scope)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** 街巷 of this name (search form) the caller sees, in any district. */
    rootsNamed: (scope: AreaScope, nameKey: string) =>
      rootsOf(scope).selectAll().where('name_key', '=', nameKey).limit(2).execute(),

    async list(
      scope: AreaScope,
      f: AddressFilter,
      page: { limit: number; offset: number },
    ): Promise<AddressesTable[]> {
      const arms = filteredArms(scope, f).map((q) => q.selectAll());
      if (arms.length === 0) return [];
      const union = arms.slice(1).reduce((acc, q) => acc.unionAll(q), arms[0]!);
      return union
        .orderBy('full_name')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
    },

    async count(scope: AreaScope, f: AddressFilter): Promise<number> {
      const counts = await Promise.all(
        filteredArms(scope, f).map((q) =>
          q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ),
      );
      return counts.reduce((sum, r) => sum + Number(r.n), 0);
    },

    insert: (d: Db, row: AddressesTable) => d.insertInto('addresses').values(row).execute(),

    /** Writes a change only if nobody else did since `version` was read. */
    async updateIfVersion(
      d: Db,
      id: string,
      version: number,
      patch: Partial<AddressesTable>,
    ): Promise<boolean> {
      const r = await d
        .updateTable('addresses')
        .set(patch)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** After a rename: the descendants' full name and search text get the node's new prefix, in one statement. */
    renameDescendants: (
      d: Db,
      rootId: string,
      full: { from: number; to: string },
      search: { from: number; to: string },
    ) =>
      descendants(d, rootId)
        .updateTable('addresses')
        .set((eb) => ({
          full_name: eb(
            eb.cast(eb.val(full.to), 'text'),
            '||',
            eb.fn<string>('substr', [eb.ref('full_name'), eb.val(full.from + 1)]),
          ).$castTo<string>(),
          search_text: eb(
            eb.cast(eb.val(search.to), 'text'),
            '||',
            eb.fn<string>('substr', [eb.ref('search_text'), eb.val(search.from + 1)]),
          ).$castTo<string>(),
        }))
        .where((eb) => eb('id', 'in', eb.selectFrom('sub').select('sub.id')))
        .execute(),

    /** Descendant ids, optionally only those filed exactly at `place` (they inherited it) or of one level. */
    async descendantIds(
      d: Db,
      rootId: string,
      o: { place?: Place; level?: string } = {},
    ): Promise<string[]> {
      let q = descendants(d, rootId)
        .selectFrom('addresses')
        .select('addresses.id')
        .where((eb) => eb('addresses.id', 'in', eb.selectFrom('sub').select('sub.id')));
      if (o.level) q = q.where('level', '=', o.level);
      if (o.place) {
        const p = o.place;
        q = q.where('admin_code', '=', p.admin);
        q = q.where((eb) =>
          p.street ? eb('street_code', '=', p.street) : eb('street_code', 'is', null),
        );
        q = q.where((eb) =>
          p.community ? eb('community_code', '=', p.community) : eb('community_code', 'is', null),
        );
        q = q.where((eb) => (p.grid ? eb('grid_code', '=', p.grid) : eb('grid_code', 'is', null)));
      }
      return (await q.execute()).map((r) => r.id);
    },

    /** Places of the descendants lying outside `place` (a relocation checks that only its followers do). */
    descendantPlacesOutside: (d: Db, rootId: string, place: Place) =>
      descendants(d, rootId)
        .selectFrom('addresses')
        .select(['admin_code', 'street_code', 'community_code', 'grid_code'])
        .where((eb) => eb('addresses.id', 'in', eb.selectFrom('sub').select('sub.id')))
        .where((eb) => outsidePlace(eb, place))
        .execute(),

    async setPlace(d: Db, ids: readonly string[], place: Place, at: string): Promise<void> {
      for (let i = 0; i < ids.length; i += BATCH)
        await d
          .updateTable('addresses')
          .set({ ...placeColumns(place), updated_at: at })
          .where('id', 'in', ids.slice(i, i + BATCH))
          .execute();
    },
  };
}
export type AddressesRepo = ReturnType<typeof createAddressesRepo>;
