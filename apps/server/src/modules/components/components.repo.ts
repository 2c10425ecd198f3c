import type { Kysely, Transaction } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { ComponentStatusHistoryTable, ComponentsTable } from './components.tables';

type Db = Kysely<DB> | Transaction<DB>;
const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};
// Rows per statement: 30 columns × 200 rows stays under SQLite's and PostgreSQL's bound-parameter limits.
const BATCH = 200;

export interface ComponentFilter {
  classCode?: string | undefined;
  status?: string | undefined;
  areaCode?: string | undefined;
  bbox?: readonly [number, number, number, number] | undefined;
}

/** All SQL of the components module. Reads of records take the caller's scope. */
export function createComponentsRepo(db: Kysely<DB>) {
  const scoped = (scope: AreaScope, d: Db = db) =>
    d.selectFrom('components').where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS));

  const filtered = (scope: AreaScope, f: ComponentFilter) => {
    let q = scoped(scope);
    // A 2-digit 大类 filter is a code prefix; the class index serves both.
    if (f.classCode)
      q =
        f.classCode.length === 2
          ? q.where('class_code', 'like', `${f.classCode}%`)
          : q.where('class_code', '=', f.classCode);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.areaCode)
      q = q.where((eb) =>
        levelCodesInScope(eb, { all: false, prefixes: [f.areaCode!] }, AREA_COLUMNS),
      );
    if (f.bbox) {
      const [minLng, minLat, maxLng, maxLat] = f.bbox;
      q = q
        .where('lng', '>=', minLng)
        .where('lng', '<=', maxLng)
        .where('lat', '>=', minLat)
        .where('lat', '<=', maxLat);
    }
    return q;
  };

  return {
    findById: (scope: AreaScope, id: string, d: Db = db) =>
      scoped(scope, d).selectAll().where('id', '=', id).executeTakeFirst(),

    findByCode: (code: string) =>
      db.selectFrom('components').selectAll().where('code', '=', code).executeTakeFirst(),

    findByLegacyCode: (code: string) =>
      db.selectFrom('components').selectAll().where('legacy_code', '=', code).executeTakeFirst(),

    /** Which of these codes (or legacy codes) are taken, by any component. */
    async takenCodes(column: 'code' | 'legacy_code', codes: string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (let i = 0; i < codes.length; i += BATCH) {
        const rows = await db
          .selectFrom('components')
          .select(['code', 'legacy_code'])
          .where(column, 'in', codes.slice(i, i + BATCH))
          .execute();
        for (const r of rows) {
          const v = r[column];
          if (v) out.add(v);
        }
      }
      return out;
    },

    list: (scope: AreaScope, f: ComponentFilter, page: { limit: number; offset: number }) =>
      filtered(scope, f)
        .selectAll()
        .orderBy('code')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async count(scope: AreaScope, f: ComponentFilter): Promise<number> {
      const r = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Map points: only the columns a layer shows, one more than `limit` so the caller can tell it was cut. */
    points: (scope: AreaScope, f: ComponentFilter, limit: number) =>
      filtered(scope, f)
        .select(['id', 'code', 'name', 'class_code', 'status', 'lng', 'lat'])
        .orderBy('code')
        .limit(limit + 1)
        .execute(),

    async insertMany(
      d: Db,
      rows: ComponentsTable[],
      history: ComponentStatusHistoryTable[],
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH)
        await d
          .insertInto('components')
          .values(rows.slice(i, i + BATCH))
          .execute();
      for (let i = 0; i < history.length; i += BATCH)
        await d
          .insertInto('component_status_history')
          .values(history.slice(i, i + BATCH))
          .execute();
    },

    /** Writes a change only if nobody else did since `version` was read. */
    async updateIfVersion(
      d: Db,
      id: string,
      version: number,
      patch: Partial<ComponentsTable>,
    ): Promise<boolean> {
      const r = await d
        .updateTable('components')
        .set(patch)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    appendHistory: (d: Db, row: ComponentStatusHistoryTable) =>
      d.insertInto('component_status_history').values(row).execute(),

    history: (componentId: string) =>
      db
        .selectFrom('component_status_history')
        .selectAll()
        .where('component_id', '=', componentId)
        .orderBy('at')
        .orderBy('id')
        .execute(),
  };
}
export type ComponentsRepo = ReturnType<typeof createComponentsRepo>;
