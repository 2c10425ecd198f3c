import type { Department, DispatchGapQuery, DispatchGapReport } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { inScope } from '../../core/auth/area-scope';
import { notFound } from '../../core/errors';
import type { CategoriesService } from '../categories';
import { dispatchCoverage } from './dispatch-coverage';
import type { DispatchRulesRepo } from './dispatch-rules.repo';

export interface DispatchGapDeps {
  categories: Pick<CategoriesService, 'list'>;
  departmentsByIds(ids: string[]): Promise<Department[]>;
  streetsInScope(actor: Actor): Promise<{ code: string; name: string }[]>;
}

const CASE_KINDS = ['matter', 'governance'] as const;

/**
 * 未配置主责部门 (docs/case-workflow.md §4, last line): active 小类 × streets in the caller's scope that no active primary
 * rule covers, or covers only in part. Classes, streets and rules are each loaded once and matched in memory.
 * Case classes are 事项 and 综治 (a 部件 problem is filed under its 事项 mirror), as the matrix keys them.
 */
export async function dispatchGapReport(
  deps: DispatchGapDeps,
  repo: DispatchRulesRepo,
  actor: Actor,
  q: DispatchGapQuery,
): Promise<DispatchGapReport> {
  const kinds = q.kind ? [q.kind] : CASE_KINDS;
  const [classLists, scoped, rules] = await Promise.all([
    Promise.all(
      kinds.map((kind) => deps.categories.list({ kind, view: 'flat', activeOnly: 'true' })),
    ),
    deps.streetsInScope(actor),
    repo.activePrimaries(),
  ]);
  // An area filter outside the caller's subtree reads as absent, as elsewhere.
  const area = q.areaCode;
  if (
    area !== undefined &&
    !inScope(actor.scope, area) &&
    !scoped.some((s) => s.code.startsWith(area))
  )
    throw notFound('区域');
  const streets =
    area === undefined
      ? scoped
      : scoped.filter((s) => s.code.startsWith(area) || area.startsWith(s.code));
  const classes = classLists
    .flat()
    .filter((c) => c.level === 'minor' && (c.kind === 'matter' || c.kind === 'governance'))
    .map((c) => ({ code: c.code, name: c.name, kind: c.kind as (typeof CASE_KINDS)[number] }));
  // A rule whose department is gone names nobody: the matrix skips it, so it covers nothing here either.
  const existing = new Set(
    (await deps.departmentsByIds([...new Set(rules.map((r) => r.department_id))])).map((d) => d.id),
  );
  const usable = rules
    .filter((r) => existing.has(r.department_id))
    .map((r) => ({ classCode: r.class_code, areaCode: r.area_code, conditionId: r.condition_id }));
  const result = dispatchCoverage(classes, streets, usable);
  const wanted =
    q.partial === 'true' ? result.gaps : result.gaps.filter((g) => g.coverage === 'none');
  return {
    items: wanted.slice(0, q.limit),
    classCount: classes.length,
    streetCount: streets.length,
    uncovered: result.uncovered,
    partial: result.partial,
    truncated: wanted.length > q.limit,
  };
}
