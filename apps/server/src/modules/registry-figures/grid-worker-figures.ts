import type {
  GridWorkerFigures,
  GridWorkerFiguresQuery,
  Period,
  RegistryFiguresReport,
} from '@wangge/shared';
import { can, type Actor } from '../../core/auth/actor';
import type { AreaScope } from '../../core/auth/area-scope';
import type { CountRow } from '../../core/db/grouped-counts';
import type { FigureArea, FigureModules } from './registry-figures.service';

interface GridWorkerDeps {
  modules: FigureModules;
  today(): string;
  areaOf(actor: Actor, areaCode: string | undefined): Promise<FigureArea>;
  periodOf(key: string | undefined): Period;
  periodView(p: Period): RegistryFiguresReport['period'];
  gridsIn(actor: Actor, scope: AreaScope): Promise<Map<string, string>>;
  userNames(ids: string[]): Promise<Map<string, string>>;
  /** Each worker's 监督员 综合指标值 and grade for the period, within the caller's scope (indicators module). */
  scores(
    actor: Actor,
    userIds: string[],
    period: Period,
  ): Promise<Map<string, { value: number | null; grade: string | null }>>;
}

type Activity = 'reports' | 'visitsDone' | 'visitsOverdue' | 'residentFiles' | 'inspections';

/** Rows per (grid, person) summed for one person (key) or one grid (area); null when the caller may not see them. */
const total = (rows: CountRow[] | null, keep: (r: CountRow) => boolean) =>
  rows === null ? null : rows.reduce((t, r) => (keep(r) ? t + r.n : t), 0);

/**
 * 网格员工作量: per grid worker (current grid posts in the area) and per grid, what was done in the period — reports
 * (a case's report event by that user), visits recorded, visit tasks overdue, 民情档案 entries, inspections. A
 * person's counts are their records inside the area asked about; a grid's are the records filed in it, whoever made
 * them. Names only, never contacts. Each worker's assessment score is the indicator engine's: the 监督员 综合指标值 (a
 * grid worker patrols and reports; docs/indicators.md §2) of the scheme in force, counted inside the caller's scope.
 */
export function createGridWorkerFigures(deps: GridWorkerDeps) {
  return async function gridWorkers(
    actor: Actor,
    q: GridWorkerFiguresQuery,
  ): Promise<GridWorkerFigures> {
    const area = await deps.areaOf(actor, q.areaCode);
    const period = deps.periodOf(q.period);
    const s = deps.modules();
    const scope = area.scope;
    const visits = can(actor, 'visits.read');
    const tasks = (state: 'due' | 'overdue', key: 'assignee_user_id' | null) =>
      s.specialGroups.figures.tasks(scope, { state, period }, 'grid', key);
    const [posts, grids, reports, visitsDone, visitsOverdue, visitsDue, files, inspections] =
      await Promise.all([
        s.areas.postsUnder(scope),
        deps.gridsIn(actor, scope),
        can(actor, 'cases.read') ? s.cases.reportCounts(scope, period) : null,
        visits ? s.specialGroups.figures.recorded(scope, period, 'grid', 'visitor_id') : null,
        visits ? tasks('overdue', 'assignee_user_id') : null,
        visits ? tasks('due', null) : null,
        can(actor, 'residentFiles.read')
          ? s.residentFiles.figureCounts(scope, period, 'grid', 'author_id')
          : null,
        can(actor, 'registry.read') ? s.units.figureCounts.byInspector(scope, period) : null,
      ]);
    const rows: Record<Activity, CountRow[] | null> = {
      reports,
      visitsDone,
      visitsOverdue,
      residentFiles: files,
      inspections,
    };
    const activity = (keep: (r: CountRow) => boolean) => ({
      reports: total(rows.reports, keep),
      visitsDone: total(rows.visitsDone, keep),
      visitsOverdue: total(rows.visitsOverdue, keep),
      residentFiles: total(rows.residentFiles, keep),
      inspections: total(rows.inspections, keep),
    });

    const byUser = new Map<string, { gridCode: string; role: string }[]>();
    for (const p of posts) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
    const names = await deps.userNames([...byUser.keys()]);
    const scores = can(actor, 'indicators.read')
      ? await deps.scores(actor, [...byUser.keys()], period)
      : null;
    const workers = [...byUser].map(([userId, ps]) => ({
      userId,
      name: names.get(userId) ?? '?',
      posts: ps.map((p) => ({ ...p, gridName: grids.get(p.gridCode) ?? null })),
      ...activity((r) => r.key === userId),
      score: scores ? (scores.get(userId) ?? { value: null, grade: null }) : null,
    }));
    workers.sort((a, b) => a.name.localeCompare(b.name, 'zh'));

    const dataGrids = Object.values(rows)
      .flatMap((r) => r ?? [])
      .map((r) => r.area)
      .filter((c): c is string => c !== null);
    const gridCodes = [
      ...new Set([...grids.keys(), ...dataGrids, ...posts.map((p) => p.gridCode)]),
    ];
    const missing = gridCodes.filter((c) => !grids.has(c));
    if (missing.length) for (const r of await s.areas.refs(missing)) grids.set(r.code, r.name);
    return {
      areaCode: area.areaCode,
      areaName: area.areaName,
      period: deps.periodView(period),
      today: deps.today(),
      workers,
      grids: gridCodes.sort().map((gridCode) => ({
        gridCode,
        gridName: grids.get(gridCode) ?? null,
        staff: new Set(posts.filter((p) => p.gridCode === gridCode).map((p) => p.userId)).size,
        visitsDue: total(visitsDue, (r) => r.area === gridCode),
        ...activity((r) => r.area === gridCode),
      })),
    };
  };
}
