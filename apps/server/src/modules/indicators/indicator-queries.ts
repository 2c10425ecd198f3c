import {
  periodFromKey,
  previousPeriod,
  resolvePeriod,
  yearAgoPeriod,
  type IndicatorDrill,
  type IndicatorDrillQuery,
  type IndicatorFigures,
  type IndicatorId,
  type IndicatorQuery,
  type Period,
  type PeriodSpec,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { AppError } from '../../core/errors';
import type { IndicatorsDeps, IndicatorsService, Target } from './indicators.service';

/** The route's query as the service's request: the period parsed, the target's ids required for its object. */
export function requestOf(
  q: Pick<
    IndicatorQuery,
    'object' | 'areaCode' | 'departmentId' | 'position' | 'userId' | 'period'
  > & { groupBy?: IndicatorQuery['groupBy'] },
) {
  const r = periodFromKey(q.period);
  if (!r.ok) throw new AppError('validation_failed', r.message, { field: 'period' });
  let target: Target;
  if (q.object === 'department' && !q.departmentId && q.groupBy === 'department') {
    // Every department, one row each: the department ranking.
    target = { object: 'department' };
  } else if (q.object === 'department') {
    if (!q.departmentId)
      throw new AppError('validation_failed', '请指定部门', { field: 'departmentId' });
    target = { object: 'department', id: q.departmentId };
  } else if (q.object === 'position') {
    if (!q.position) throw new AppError('validation_failed', '请指定岗位', { field: 'position' });
    if (!q.userId) throw new AppError('validation_failed', '请指定人员', { field: 'userId' });
    target = { object: 'position', position: q.position, userId: q.userId };
  } else target = { object: 'area', ...(q.areaCode ? { code: q.areaCode } : {}) };
  return { period: r.period, target };
}

const resolved = (spec: PeriodSpec | null): Period | null => {
  if (!spec) return null;
  const r = resolvePeriod(spec);
  return r.ok ? r.period : null;
};

/** Figures with names, ranks by 综合指标值, and, when asked, the 环比 and 同比 values of each row. */
export async function figuresFor(
  service: IndicatorsService,
  deps: Pick<IndicatorsDeps, 'names'>,
  actor: Actor,
  q: IndicatorQuery,
): Promise<IndicatorFigures> {
  const { period, target } = requestOf(q);
  const base = {
    target,
    groupBy: q.groupBy,
    ...(q.ids ? { ids: q.ids } : {}),
    ...(q.scheme ? { scheme: q.scheme } : {}),
  };
  const now = await service.figures(actor, {
    ...base,
    period,
    ...(q.version !== undefined ? { version: q.version } : {}),
  });
  const previous = q.compare === '1' ? resolved(previousPeriod(period)) : null;
  const yearAgo = q.compare === '1' ? resolved(yearAgoPeriod(period)) : null;
  const [prev, last] = await Promise.all(
    [previous, yearAgo].map((p) =>
      p ? service.figures(actor, { ...base, period: p }) : Promise.resolve(null),
    ),
  );
  const valuesOf = (res: typeof prev, key: string | null) => {
    const row = res?.rows.find((r) => r.key === key);
    if (!res) return undefined;
    const ids = Object.keys(now.rows[0]?.figures ?? {}) as IndicatorId[];
    return Object.fromEntries(ids.map((id) => [id, row?.figures[id]?.value ?? null]));
  };
  const keys = now.rows.flatMap((r) => (r.key ? [r.key] : []));
  const names =
    q.groupBy === 'none'
      ? new Map<string, string>()
      : await deps.names(q.groupBy, keys, actor.scope);
  // Rank by the 综合指标值, highest first; equal values share a rank; rows without one are not ranked.
  const scored = now.rows
    .map((r) => r.score?.value)
    .filter((v): v is number => typeof v === 'number')
    .sort((a, b) => b - a);
  const rows = now.rows
    .map((r) => {
      const v = r.score?.value;
      return {
        key: r.key,
        name: r.key ? (names.get(r.key) ?? null) : null,
        figures: r.figures,
        score: r.score,
        rank: q.groupBy !== 'none' && typeof v === 'number' ? scored.indexOf(v) + 1 : null,
        ...(prev ? { previous: valuesOf(prev, r.key) } : {}),
        ...(last ? { yearAgo: valuesOf(last, r.key) } : {}),
      };
    })
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.key ?? '').localeCompare(b.key ?? ''),
    );
  return {
    period: now.period,
    previousPeriod: previous,
    yearAgoPeriod: yearAgo,
    asOf: now.asOf,
    scheme: now.scheme,
    publication: now.publication
      ? { version: now.publication.version, publishedAt: now.publication.publishedAt }
      : null,
    rows,
  };
}

/** The cases behind one figure; `total` equals the figure (its cohort, or its numerator with part=numerator). */
export async function drillFor(
  service: IndicatorsService,
  deps: Pick<IndicatorsDeps, 'caseBriefs'>,
  actor: Actor,
  q: IndicatorDrillQuery,
): Promise<IndicatorDrill> {
  const { period, target } = requestOf(q);
  const res = await service.drill(actor, {
    target,
    period,
    id: q.id,
    part: q.part,
    limit: q.limit,
    offset: q.offset,
    ...(q.version !== undefined ? { version: q.version } : {}),
    ...(q.scheme ? { scheme: q.scheme } : {}),
  });
  const briefs = new Map(
    (await deps.caseBriefs(actor.scope, [...new Set(res.items.map((i) => i.case_id))])).map((b) => [
      b.id,
      b,
    ]),
  );
  return {
    total: res.total,
    items: res.items.map((i) => {
      const b = briefs.get(i.case_id);
      return {
        caseId: i.case_id,
        caseNo: b?.case_no ?? null,
        seq: i.seq,
        at: i.at,
        state: b?.state ?? null,
        classCode: b?.class_code ?? null,
        address: b?.address ?? null,
      };
    }),
  };
}
