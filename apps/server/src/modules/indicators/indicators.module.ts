import type { IndicatorDrillQuery, IndicatorQuery } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { FULL_SCOPE } from '../../core/auth/area-scope';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { drillFor, figuresFor } from './indicator-queries';
import { createPublications } from './indicator-publications';
import { createIndicatorsRepo } from './indicators.repo';
import { createIndicatorsService, type IndicatorsDeps } from './indicators.service';
import { registerIndicatorsRoutes } from './indicators.routes';

type IndicatorsNeeds = 'calendar' | 'areas' | 'departments' | 'users' | 'cases' | 'patrols';

const GRID_POSTS = ['gridAdministrator', 'gridSupervisor'] as const;

/** The service plus the route-shaped calls (names, ranks, comparisons, drill-down briefs). */
export function indicatorsApi(
  needs: Needs<IndicatorsNeeds>,
  p: Pick<Platform, 'db' | 'clock' | 'audit'>,
) {
  const deps: IndicatorsDeps = {
    db: p.db,
    clock: p.clock,
    calendar: () => needs().calendar.current(),
    areaExists: async (code) => (await needs().areas.refs([code])).length > 0,
    departmentExists: (id) => needs().departments.exists(id),
    tenures: (userId) => needs().areas.tenures(userId, GRID_POSTS),
    // 区域覆盖率 counts the same posts as 漏报: the grids the person answers for.
    patrolFigures: async (userId, { start, end }, scope) =>
      needs().patrols.patrolFigures(
        userId,
        { start, end },
        await needs().areas.tenures(userId, GRID_POSTS),
        { scope },
      ),
    async names(groupBy, keys, scope) {
      if (groupBy === 'department')
        return new Map((await needs().departments.byIds(keys)).map((d) => [d.id, d.name]));
      if (groupBy === 'person') return needs().users.namesFor(keys, scope);
      return new Map((await needs().areas.refs(keys)).map((a) => [a.code, a.name]));
    },
    caseBriefs: (scope, ids) => needs().cases.briefs(scope, ids),
  };
  const repo = createIndicatorsRepo(p.db);
  const service = createIndicatorsService(deps, repo);
  return {
    ...service,
    publications: createPublications(
      {
        db: p.db,
        clock: p.clock,
        audit: p.audit,
        userNames: (ids) => needs().users.namesFor(ids, FULL_SCOPE),
      },
      repo,
      service,
    ),
    figures: (actor: Actor, q: IndicatorQuery) => figuresFor(service, deps, actor, q),
    drill: (actor: Actor, q: IndicatorDrillQuery) => drillFor(service, deps, actor, q),
    /**
     * Rewrites every case's facts from its log (`wangge rebuild-indicators`): for a database whose cases predate the
     * facts, or after a change to how facts are derived. A page of cases per transaction; safe to run again. The
     * rollups follow each rewrite and are recounted from the facts at the end.
     */
    async rebuild(pageSize = 500): Promise<number> {
      let after = '';
      let count = 0;
      for (;;) {
        const logs = await needs().cases.logsAfter(after, pageSize);
        if (!logs.length) {
          await p.db.transaction().execute((tx) => repo.rebuildRollups(tx));
          return count;
        }
        await p.db.transaction().execute(async (tx) => {
          await service.project(tx, ...logs);
        });
        after = logs[logs.length - 1]!.row.id;
        count += logs.length;
      }
    },
  };
}
export type IndicatorsApi = ReturnType<typeof indicatorsApi>;

/** 监督考核: figures from the indicator facts the cases module keeps with every event. */
export function indicatorsModule(
  p: Platform,
  needs: Needs<IndicatorsNeeds>,
): WiredModule<IndicatorsApi> {
  const service = indicatorsApi(needs, p);
  return { service, routes: (app) => registerIndicatorsRoutes(app, service) };
}
