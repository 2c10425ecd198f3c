import {
  PERMISSIONS,
  type FigureRowDto,
  type IndicatorGroupBy,
  type IndicatorId,
  type IndicatorQuery,
} from '@wangge/shared';
import { scopeOf } from '../../core/auth/area-scope';
import { systemActor } from '../../core/auth/actor';
import type { ModuleServices } from '../../wiring';
import type { AreaLevel, HeadlineFigure, Ranking, RankingColumn } from './report-figures';

type Column = RankingColumn & { key: IndicatorId };

/**
 * The report's headline figures as indicators of the engine (docs/indicators.md §4.5), under the keys the report
 * has always used (the list and the web page read `reported`, `closed`, `onTimeRate`).
 */
const HEADLINE: (Omit<Column, 'key'> & { key: string; id: IndicatorId })[] = [
  { key: 'reported', id: 'reportCount', label: '上报案件', kind: 'count' },
  { key: 'registered', id: 'registeredCount', label: '立案数', kind: 'count' },
  { key: 'closed', id: 'closedCount', label: '结案数', kind: 'count' },
  { key: 'closeRate', id: 'closeRate', label: '结案率', kind: 'rate' },
  { key: 'onTimeRate', id: 'closeInTimeRate', label: '按期结案率', kind: 'rate' },
  { key: 'handleOnTimeRate', id: 'handleOnTimeRate', label: '按期处置率', kind: 'rate' },
  { key: 'satisfactionRate', id: 'satisfactionRate', label: '满意率', kind: 'rate' },
];
const DEPARTMENT_COLUMNS: Column[] = [
  { key: 'handledCount', label: '处置数', kind: 'count' },
  { key: 'handleOnTimeRate', label: '按期处置率', kind: 'rate' },
  { key: 'closeRate', label: '结案率', kind: 'rate' },
  { key: 'reworkRate', label: '返工率', kind: 'rate' },
];
const AREA_COLUMNS: Column[] = [
  { key: 'reportCount', label: '上报', kind: 'count' },
  { key: 'registeredCount', label: '立案', kind: 'count' },
  { key: 'closeRate', label: '结案率', kind: 'rate' },
  { key: 'closeInTimeRate', label: '按期结案率', kind: 'rate' },
];
/** What the default scheme's 综合指标值 reads (§7.1), asked for with the shown columns. */
const DEPARTMENT_SCORE: IndicatorId[] = ['handleOnTimeRate', 'closeRate', 'reworkRate'];
const AREA_SCORE: IndicatorId[] = ['closeInTimeRate', 'closeRate', 'publicReportRate'];

const GROUP_OF: Record<AreaLevel, IndicatorGroupBy> = {
  district: 'street',
  street: 'community',
  community: 'grid',
  grid: 'grid',
};

const ids = (...lists: IndicatorId[][]) => [...new Set(lists.flat())];

function ranking(
  rows: FigureRowDto[],
  columns: Column[],
  names: Map<string, string>,
  all: boolean,
): Ranking {
  const found = new Map(rows.flatMap((r) => (r.key ? [[r.key, r] as const] : [])));
  // Every named group gets a row (an area without cases included), unranked when nothing scored it.
  const keys = all ? [...new Set([...names.keys(), ...found.keys()])] : [...found.keys()];
  const out = keys.map((code) => {
    const r = found.get(code);
    return {
      code,
      name: names.get(code) ?? r?.name ?? code,
      rank: r?.rank ?? null,
      score: r?.score?.value ?? null,
      grade: r?.score?.grade ?? null,
      values: Object.fromEntries(
        columns.map((c) => [c.key, r?.figures[c.key]?.value ?? (c.kind === 'count' ? 0 : null)]),
      ),
    };
  });
  out.sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      Number(b.values[columns[0]!.key] ?? 0) - Number(a.values[columns[0]!.key] ?? 0) ||
      a.code.localeCompare(b.code),
  );
  return { columns: columns.map(({ key, label, kind }) => ({ key, label, kind })), rows: out };
}

/**
 * The month's headline figures with 环比 and 同比, the area's 综合指标值, the department ranking and the ranking of
 * the level below, all from the indicator engine, counted inside the report's area only (the system acting with the
 * area as its scope: the caller's right to the area was checked before).
 */
export async function indicatorFigures(
  s: Pick<ModuleServices, 'indicators'>,
  area: { code: string; level: AreaLevel },
  key: string,
  childNames: Map<string, string>,
): Promise<{
  headline: HeadlineFigure[];
  score: { value: number | null; grade: string | null };
  departments: Ranking;
  subareas: Ranking;
}> {
  const actor = { ...systemActor(PERMISSIONS), scope: scopeOf([area.code]) };
  const query = (q: Partial<IndicatorQuery>): IndicatorQuery => ({
    object: 'area',
    areaCode: area.code,
    period: key,
    groupBy: 'none',
    compare: '0',
    ...q,
  });
  const [own, departments, below] = await Promise.all([
    s.indicators.figures(
      actor,
      query({
        compare: '1',
        ids: ids(
          HEADLINE.map((h) => h.id),
          AREA_SCORE,
        ),
      }),
    ),
    s.indicators.figures(
      actor,
      query({
        object: 'department',
        areaCode: undefined,
        groupBy: 'department',
        ids: ids(
          DEPARTMENT_COLUMNS.map((c) => c.key),
          DEPARTMENT_SCORE,
        ),
      }),
    ),
    s.indicators.figures(
      actor,
      query({
        groupBy: GROUP_OF[area.level],
        ids: ids(
          AREA_COLUMNS.map((c) => c.key),
          AREA_SCORE,
        ),
      }),
    ),
  ]);
  const row = own.rows[0];
  return {
    headline: HEADLINE.map(({ key: k, id, label, kind }) => ({
      key: k,
      label,
      kind,
      value: row?.figures[id]?.value ?? null,
      previous: row?.previous?.[id] ?? null,
      lastYear: row?.yearAgo?.[id] ?? null,
    })),
    score: { value: row?.score?.value ?? null, grade: row?.score?.grade ?? null },
    departments: ranking(departments.rows, DEPARTMENT_COLUMNS, new Map(), false),
    subareas: ranking(below.rows, AREA_COLUMNS, childNames, true),
  };
}
