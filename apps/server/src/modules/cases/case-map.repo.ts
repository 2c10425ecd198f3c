import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';

// The case's area code per level (as in cases.repo.ts), for the scope filter.
const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

/**
 * The SQL of the dashboard's map (docs/dashboard.md): open cases in the caller's scope and, when named, one area of
 * it — their points (newest first, bounded) and how many are open per grid. No personal column is selected.
 */
export function createCaseMapRepo(db: Kysely<DB>) {
  const open = (scope: AreaScope, areaCode: string | undefined) =>
    db
      .selectFrom('cases')
      .where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS))
      .$if(!!areaCode, (q) =>
        q.where((eb) => levelCodesInScope(eb, { all: false, prefixes: [areaCode!] }, AREA_COLUMNS)),
      )
      .where('is_open', '=', 1);
  return {
    points: (scope: AreaScope, areaCode: string | undefined, limit: number) =>
      open(scope, areaCode)
        .select([
          'id',
          'case_no',
          'lng',
          'lat',
          'class_code',
          'grid_code',
          'step',
          'due_at',
          'snapshot',
        ])
        .orderBy('created_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(limit)
        .execute(),

    perGrid: (scope: AreaScope, areaCode: string | undefined) =>
      open(scope, areaCode)
        .select((eb) => ['grid_code', eb.fn.countAll<number | string | bigint>().as('n')])
        .groupBy('grid_code')
        .orderBy('grid_code')
        .execute(),
  };
}
