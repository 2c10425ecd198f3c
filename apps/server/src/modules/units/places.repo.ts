import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { areaWhere, containing, type Db } from './units.repo';
import type { PlacesTable } from './units.tables';

export interface PlaceRepoFilter {
  areaCode?: string | undefined;
  placeType?: string | undefined;
  unitId?: string | undefined;
  q?: string | undefined;
}

export interface OverdueFilter {
  targetType?: 'unit' | 'place' | undefined;
  areaCode?: string | undefined;
}

/** SQL of 重点场所, and the overdue list that spans places and units. */
export function createPlacesRepo(db: Kysely<DB>) {
  const filtered = (scope: AreaScope, f: PlaceRepoFilter) => {
    let q = db.selectFrom('places').where((eb) => areaWhere(eb, scope, f.areaCode));
    if (f.placeType) q = q.where('place_type', '=', f.placeType);
    if (f.unitId) q = q.where('unit_id', '=', f.unitId);
    if (f.q) {
      const text = containing(f.q);
      q = q.where((eb) => eb.or([eb('name', 'like', text), eb('address', 'like', text)]));
    }
    return q;
  };

  const overdueUnits = (scope: AreaScope, today: string, areaCode?: string) =>
    db
      .selectFrom('units')
      .where((eb) => areaWhere(eb, scope, areaCode))
      .where('next_inspection_due', '<', today)
      // A closed unit is not visited any more.
      .where('status', '=', 'operating');
  const overduePlaces = (scope: AreaScope, today: string, areaCode?: string) =>
    db
      .selectFrom('places')
      .where((eb) => areaWhere(eb, scope, areaCode))
      .where('next_inspection_due', '<', today);

  return {
    findById: (scope: AreaScope, id: string, d: Db = db) =>
      d
        .selectFrom('places')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => areaWhere(eb, scope))
        .executeTakeFirst(),

    list: (scope: AreaScope, f: PlaceRepoFilter, page: { limit: number; offset: number }) =>
      filtered(scope, f)
        .selectAll()
        .orderBy('name')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async count(scope: AreaScope, f: PlaceRepoFilter): Promise<number> {
      const r = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    insert: (d: Db, row: PlacesTable) => d.insertInto('places').values(row).execute(),

    async updateIfVersion(
      d: Db,
      id: string,
      version: number,
      patch: Partial<PlacesTable>,
    ): Promise<boolean> {
      const r = await d
        .updateTable('places')
        .set(patch)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    setSchedule: (
      d: Db,
      id: string,
      patch: Pick<PlacesTable, 'last_inspected_at' | 'next_inspection_due'>,
    ) => d.updateTable('places').set(patch).where('id', '=', id).execute(),

    /** Places and units past their due date, most overdue first, as one paged list. */
    overdue(
      scope: AreaScope,
      today: string,
      f: OverdueFilter,
      page: { limit: number; offset: number },
    ) {
      // Both sides always take part; a target-type filter empties the other one, so the query keeps one shape.
      const units = overdueUnits(scope, today, f.areaCode)
        .$if(f.targetType === 'place', (q) => q.where((eb) => eb.lit(false)))
        .select((eb) => [
          eb.cast<string>(eb.val('unit'), 'text').as('target_type'),
          'id',
          'name',
          'unit_type as kind',
          'address',
          'grid_code',
          eb.fn.coalesce('next_inspection_due', eb.val('')).as('due'),
          'last_inspected_at',
        ]);
      const places = overduePlaces(scope, today, f.areaCode)
        .$if(f.targetType === 'unit', (q) => q.where((eb) => eb.lit(false)))
        .select((eb) => [
          eb.cast<string>(eb.val('place'), 'text').as('target_type'),
          'id',
          'name',
          'place_type as kind',
          'address',
          'grid_code',
          'next_inspection_due as due',
          'last_inspected_at',
        ]);
      return units
        .unionAll(places)
        .orderBy('due')
        .orderBy('name')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
    },

    async countOverdue(scope: AreaScope, today: string, f: OverdueFilter): Promise<number> {
      const [u, p] = await Promise.all([
        f.targetType === 'place'
          ? { n: 0 }
          : overdueUnits(scope, today, f.areaCode)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow(),
        f.targetType === 'unit'
          ? { n: 0 }
          : overduePlaces(scope, today, f.areaCode)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow(),
      ]);
      return Number(u.n) + Number(p.n);
    },
  };
}
export type PlacesRepo = ReturnType<typeof createPlacesRepo>;
