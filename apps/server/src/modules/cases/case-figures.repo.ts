import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { countBy, type CountRow } from '../../core/db/grouped-counts';
import { levelCodesInScope } from '../../core/db/scope-filter';

const CASE_AREA_COLUMNS = {
  admin: 'cases.admin_code',
  street: 'cases.street_code',
  community: 'cases.community_code',
  grid: 'cases.grid_code',
};

/**
 * Reports made in a period (the `report` event of each case), per reporting user (key) and the case's grid (area),
 * for grid-worker activity (modules/registry-figures). The case's grid is the one it was filed in at report time.
 * The scope is the caller's, already narrowed.
 */
export function createCaseFigures(db: Kysely<DB>) {
  return (scope: AreaScope, period: { start: string; end: string }): Promise<CountRow[]> =>
    countBy(
      db
        .selectFrom('case_events')
        .innerJoin('cases', 'cases.id', 'case_events.case_id')
        .where('case_events.action', '=', 'report')
        .where('case_events.actor_id', 'is not', null)
        .where('case_events.at', '>=', period.start)
        .where('case_events.at', '<', period.end)
        .where((eb) => levelCodesInScope(eb, scope, CASE_AREA_COLUMNS)),
      'grid',
      'case_events.actor_id',
      'cases.grid_code',
    );
}
