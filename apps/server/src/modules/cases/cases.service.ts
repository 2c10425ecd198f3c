import type { Transaction } from 'kysely';
import { FULL_SCOPE, type AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { createCaseIntake } from './case-intake';
import { createCaseExport } from './case-export';
import { createCaseFigures } from './case-figures.repo';
import { createCaseQueries } from './case-queries';
import { createCaseOverview } from './case-overview';
import { createCaseMap } from './case-map';
import { createCaseFeed } from './case-feed';
import { createCaseScreen } from './case-screen';
import { createCaseTransitions } from './case-transitions';
import { createSupervisionDigest } from './case-supervision-digest';
import { createCasesContext, type CasesDeps } from './cases-context';

export type { CaseChangedEvent, CasesDeps, GridPlace } from './cases-context';
export type { SupervisionDigest } from './case-supervision-digest';

/**
 * 案件: intake (case-intake.ts), the workflow's moves and the 督办 sweep (case-transitions.ts), reads
 * (case-queries.ts); who sees and reaches a case is cases.policy.ts. This file only assembles them and
 * answers the two questions other modules ask without an actor.
 */
export function createCasesService(deps: CasesDeps) {
  const ctx = createCasesContext(deps);
  const { repo } = ctx;
  const intake = createCaseIntake(ctx);
  const transitions = createCaseTransitions(ctx);
  const queries = createCaseQueries(ctx);
  const exportXlsx = createCaseExport(ctx, queries);
  const overview = createCaseOverview(ctx);

  return {
    /** Whether a case exists at all (components module: a 部件's linked case); no scope, no existence leak outward. */
    caseExists: async (id: string): Promise<boolean> =>
      Boolean(await repo.findById(FULL_SCOPE, id)),

    /** Cases merged into any of `ids`, inside the caller's transaction (notifications: reporters follow the master). */
    mergedInto: (tx: Transaction<DB>, ids: string[]) => repo.mergedInto(tx, ids),

    /** Open cases (every area) in these classes or below them: the category dictionary asks before a class is retired. */
    openInClasses: (codes: readonly string[]): Promise<number> => repo.openInClasses(codes),

    /** Number, state, class and address of the cases among `ids` the scope covers (indicator drill-downs). */
    briefs: (scope: AreaScope, ids: readonly string[]) => repo.briefs(scope, ids),
    /** Every case with its whole log, a page at a time (`wangge indicators rebuild`). */
    logsAfter: (afterId: string, limit: number) => repo.logsAfter(afterId, limit),

    report: intake.report,
    get: queries.get,
    events: queries.events,
    list: queries.list,
    exportXlsx,
    nearby: queries.nearby,
    /** 区域概况: counts by state and light in the caller's area. */
    overview,
    /** 指挥中心大屏: today's counts, lights, latest reports, departments' day, overdue list (codes, no people). */
    screenFacts: createCaseScreen(ctx, overview),
    /** 领导驾驶舱's map: open cases' points (bounded) and open counts per grid. */
    mapPoints: createCaseMap(ctx),
    duplicatesOf: queries.duplicatesOf,
    canViewAttachment: queries.canViewAttachment,
    /** Reports made in a period per reporter and grid (grid-worker activity; scope narrowed by the caller). */
    reportCounts: createCaseFigures(deps.db),
    /** Raises automatic yellow/red 督办 on overdue cases; run every minute by the server. */
    sweep: transitions.sweep,
    transition: transitions.transition,
    /** 工作监督 (supervision module): open cases under 督办 or overdue in a scope, with their 督办 thread and 批示. */
    supervisionDigest: createSupervisionDigest(ctx),
    /** The public feed of reports (Open311 GET requests): public columns only, newest first, no area scope. */
    feed: createCaseFeed(deps.db),
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
