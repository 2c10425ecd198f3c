import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import {
  AREA_LEVEL_COLUMNS,
  countBy,
  type CountRow,
  type FigureLevel,
  type FigurePeriod,
} from '../../core/db/grouped-counts';

export interface UnitFigureCounts {
  /** Operating units by 单位类型 */
  unitType: CountRow[];
  /** Operating units by is_key ('1' = 重点单位) */
  keyUnits: CountRow[];
  placeType: CountRow[];
  /** Targets under periodic inspection whose next inspection falls before the period's end, by target type */
  inspectionsDue: CountRow[];
  /** …and of those, the ones already past due today */
  inspectionsOverdue: CountRow[];
  /** Inspections recorded in the period, by target type */
  inspectionsDone: CountRow[];
}

/**
 * Counts of 实有单位, 重点场所 and 检查记录 for the registry figures and grid-worker activity. A target's next due date
 * moves forward when it is inspected, so "due" is the state now: targets not inspected in time for the period's end.
 */
export function createUnitsFigures(db: Kysely<DB>) {
  const units = (scope: AreaScope) =>
    db
      .selectFrom('units')
      .where((eb) => levelCodesInScope(eb, scope, AREA_LEVEL_COLUMNS))
      .where('status', '=', 'operating');
  const places = (scope: AreaScope) =>
    db.selectFrom('places').where((eb) => levelCodesInScope(eb, scope, AREA_LEVEL_COLUMNS));
  const inspections = (scope: AreaScope, p: FigurePeriod) =>
    db
      .selectFrom('inspections')
      .where((eb) => levelCodesInScope(eb, scope, AREA_LEVEL_COLUMNS))
      .where('at', '>=', p.start)
      .where('at', '<', p.end);
  const withTarget = (rows: CountRow[], target: string): CountRow[] =>
    rows.map((r) => ({ ...r, key: target }));

  async function due(scope: AreaScope, level: FigureLevel, before: string) {
    const [u, pl] = await Promise.all([
      countBy(
        units(scope)
          .where('next_inspection_due', 'is not', null)
          .where('next_inspection_due', '<', before),
        level,
        null,
      ),
      countBy(places(scope).where('next_inspection_due', '<', before), level, null),
    ]);
    return [...withTarget(u, 'unit'), ...withTarget(pl, 'place')];
  }

  async function registry(
    scope: AreaScope,
    level: FigureLevel,
    period: FigurePeriod,
    today: string,
  ): Promise<UnitFigureCounts> {
    const [unitType, keyUnits, placeType, inspectionsDue, inspectionsOverdue, inspectionsDone] =
      await Promise.all([
        countBy(units(scope), level, 'unit_type'),
        countBy(units(scope), level, 'is_key'),
        countBy(places(scope), level, 'place_type'),
        due(scope, level, period.endDate),
        due(scope, level, period.endDate < today ? period.endDate : today),
        countBy(inspections(scope, period), level, 'target_type'),
      ]);
    return { unitType, keyUnits, placeType, inspectionsDue, inspectionsOverdue, inspectionsDone };
  }

  return {
    registry,
    /** Inspections recorded in the period per inspector (key) and grid (area). */
    byInspector: (scope: AreaScope, period: FigurePeriod) =>
      countBy(inspections(scope, period), 'grid', 'inspector_id'),
  };
}
