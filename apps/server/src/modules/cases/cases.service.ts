import type { Transaction } from 'kysely';
import { FULL_SCOPE } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { createCaseIntake } from './case-intake';
import { createCaseExport } from './case-export';
import { createCaseQueries } from './case-queries';
import { createCaseOverview } from './case-overview';
import { createCaseTransitions } from './case-transitions';
import { createCasesContext, type CasesDeps } from './cases-context';

export type { CaseChangedEvent, CasesDeps, GridPlace } from './cases-context';

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

  return {
    /** Whether a case exists at all (components module: a 部件's linked case); no scope, no existence leak outward. */
    caseExists: async (id: string): Promise<boolean> =>
      Boolean(await repo.findById(FULL_SCOPE, id)),

    /** Cases merged into any of `ids`, inside the caller's transaction (notifications: reporters follow the master). */
    mergedInto: (tx: Transaction<DB>, ids: string[]) => repo.mergedInto(tx, ids),

    /** Open cases (every area) in these classes or below them: the category dictionary asks before a class is retired. */
    openInClasses: (codes: readonly string[]): Promise<number> => repo.openInClasses(codes),

    report: intake.report,
    get: queries.get,
    events: queries.events,
    list: queries.list,
    exportXlsx,
    nearby: queries.nearby,
    /** 区域概况: counts by state and light in the caller's area. */
    overview: createCaseOverview(ctx),
    duplicatesOf: queries.duplicatesOf,
    canViewAttachment: queries.canViewAttachment,
    /** Raises automatic yellow/red 督办 on overdue cases; run every minute by the server. */
    sweep: transitions.sweep,
    transition: transitions.transition,
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
