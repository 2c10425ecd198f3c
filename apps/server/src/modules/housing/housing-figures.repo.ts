import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import {
  AREA_LEVEL_COLUMNS,
  countBy,
  type CountRow,
  type FigureLevel,
} from '../../core/db/grouped-counts';

/**
 * Counts of 实有房屋 by use, per area of a level, for the registry figures (rentals are the rental uses, counted by
 * the caller from these rows). The scope is the caller's, already narrowed to the area asked about.
 */
export function createHousingFigures(db: Kysely<DB>) {
  return (scope: AreaScope, level: FigureLevel): Promise<CountRow[]> =>
    countBy(
      db.selectFrom('houses').where((eb) => levelCodesInScope(eb, scope, AREA_LEVEL_COLUMNS)),
      level,
      'use',
    );
}
