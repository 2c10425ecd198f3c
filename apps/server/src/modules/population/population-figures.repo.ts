import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import {
  AREA_LEVEL_COLUMNS as AREA_COLUMNS,
  countBy,
  type CountRow,
  type FigureLevel,
} from '../../core/db/grouped-counts';

/** What the registry figures count of 实有人口. */
export interface PopulationFigureCounts {
  populationType: CountRow[];
  householdStatus: CountRow[];
  dataState: CountRow[];
}

/**
 * Counts of persons for the registry figures (modules/registry-figures): people on the register (status active) by
 * 人口类型, 人户状态 and 数据状态, per area of a level. Counts only; the scope is the caller's, already narrowed.
 */
export function createPopulationFigures(db: Kysely<DB>) {
  const active = (scope: AreaScope) =>
    db
      .selectFrom('persons')
      .where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS))
      .where('status', '=', 'active');
  return async (scope: AreaScope, level: FigureLevel): Promise<PopulationFigureCounts> => {
    const [populationType, householdStatus, dataState] = await Promise.all([
      countBy(active(scope), level, 'population_type'),
      countBy(active(scope), level, 'household_status'),
      countBy(active(scope), level, 'data_state'),
    ]);
    return { populationType, householdStatus, dataState };
  };
}
