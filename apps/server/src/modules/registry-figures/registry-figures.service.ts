import {
  DEFAULT_SCHEME,
  IndicatorQuerySchema,
  periodContaining,
  periodFromKey,
  type FigureVisitsQuery,
  type Period,
  type RegistryFiguresQuery,
  type RegistryFiguresReport,
  type VisitTask,
} from '@wangge/shared';
import { can, type Actor } from '../../core/auth/actor';
import { FULL_SCOPE, inScope, type AreaScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import { AppError } from '../../core/errors';
import type { Needs } from '../../wiring';
import { shanghaiDate } from '../calendar';
import { areasOf, assembleFigures, type FigureSources } from './figures-assembly';
import { createGridWorkerFigures } from './grid-worker-figures';
import { createRegistryFiguresExport } from './registry-figures-export';

export type FigureModules = Needs<
  | 'indicators'
  | 'areas'
  | 'users'
  | 'cases'
  | 'population'
  | 'housing'
  | 'units'
  | 'specialGroups'
  | 'residentFiles'
>;

/** The area a request asks about, resolved through the caller's scope. */
export interface FigureArea {
  scope: AreaScope;
  areaCode: string | null;
  areaName: string | null;
}

/**
 * 登记与走访 figures: counts from the registers that own them, each asked with the caller's scope narrowed to the
 * area, and each block only when the caller may read that register. No register is read here directly.
 */
export function createRegistryFiguresService(deps: { clock: Clock; modules: FigureModules }) {
  const m = deps.modules;
  const today = () => shanghaiDate(deps.clock.now());

  /** Unknown and out-of-scope areas are the same 404 on `areaCode`: a figure never confirms an area elsewhere. */
  async function areaOf(actor: Actor, areaCode: string | undefined): Promise<FigureArea> {
    const code =
      areaCode ?? (actor.scope.prefixes.length === 1 ? actor.scope.prefixes[0] : undefined);
    if (!code) return { scope: actor.scope, areaCode: null, areaName: null };
    const refused = new AppError('not_found', '区域不存在或不在您的管辖范围内', {
      field: 'areaCode',
    });
    if (!inScope(actor.scope, code)) throw refused;
    const ref = (await m().areas.refs([code])).find((a) => a.code === code);
    if (!ref) throw refused;
    return { scope: { all: false, prefixes: [code] }, areaCode: code, areaName: ref.name };
  }

  function periodOf(key: string | undefined): Period {
    const r = periodFromKey(key ?? periodContaining('month', deps.clock.now()).key);
    if (!r.ok) throw new AppError('validation_failed', r.message, { field: 'period' });
    return r.period;
  }
  const periodView = (p: Period) => ({
    type: p.type,
    key: p.key,
    startDate: p.startDate,
    endDate: p.endDate,
  });

  async function sources(
    actor: Actor,
    scope: AreaScope,
    level: RegistryFiguresQuery['groupBy'],
    period: Period,
  ): Promise<FigureSources> {
    const s = m();
    const day = today();
    const registry = can(actor, 'registry.read');
    const special = can(actor, 'special.read');
    const visits = can(actor, 'visits.read');
    const sel = (state: 'due' | 'done' | 'overdue') =>
      s.specialGroups.figures.tasks(scope, { state, period }, level);
    const [population, houses, units, members, groups, due, done, overdue, recorded, files] =
      await Promise.all([
        registry ? s.population.figureCounts(scope, level) : null,
        registry ? s.housing.figureCounts(scope, level) : null,
        registry ? s.units.figureCounts.registry(scope, level, period, day) : null,
        special ? s.specialGroups.figures.members(scope, level) : null,
        special ? s.specialGroups.groups.list() : null,
        visits ? sel('due') : null,
        visits ? sel('done') : null,
        visits ? sel('overdue') : null,
        visits ? s.specialGroups.figures.recorded(scope, period, level) : null,
        can(actor, 'residentFiles.read')
          ? s.residentFiles.figureCounts(scope, period, level, 'kind')
          : null,
      ]);
    return {
      population,
      houses,
      units,
      special:
        members && groups
          ? { ...members, groupNames: new Map(groups.items.map((g) => [g.code, g.name])) }
          : null,
      visits: due && done && overdue && recorded ? { due, done, overdue, recorded } : null,
      residentFiles: files,
    };
  }

  /** The areas of a level inside the area asked about, named; empty ones are listed too. */
  async function areasAt(actor: Actor, scope: AreaScope, level: 'street' | 'community' | 'grid') {
    const nodes = await m().areas.tree({ ...actor, scope }, { level });
    return new Map(nodes.map((a) => [a.code, a.name]));
  }

  async function registries(actor: Actor, q: RegistryFiguresQuery): Promise<RegistryFiguresReport> {
    const area = await areaOf(actor, q.areaCode);
    const period = periodOf(q.period);
    const src = await sources(actor, area.scope, q.groupBy, period);
    const totals = assembleFigures(src, () => true);
    let rows: RegistryFiguresReport['rows'];
    if (q.groupBy === 'none') {
      rows = [{ areaCode: area.areaCode, areaName: area.areaName, figures: totals }];
    } else {
      const named = await areasAt(actor, area.scope, q.groupBy);
      const codes = [...new Set([...named.keys(), ...areasOf(src)])].sort((a, b) =>
        a === null ? 1 : b === null ? -1 : a.localeCompare(b),
      );
      const missing = codes.filter((c): c is string => c !== null && !named.has(c));
      if (missing.length) for (const r of await m().areas.refs(missing)) named.set(r.code, r.name);
      rows = codes.map((code) => ({
        areaCode: code,
        areaName: code === null ? null : (named.get(code) ?? null),
        figures: assembleFigures(src, (a) => a === code),
      }));
    }
    return {
      areaCode: area.areaCode,
      areaName: area.areaName,
      groupBy: q.groupBy,
      period: periodView(period),
      today: today(),
      totals,
      rows,
    };
  }

  return {
    areaOf,
    periodOf,
    registries,
    exportXlsx: createRegistryFiguresExport({ clock: deps.clock, report: registries }),

    gridWorkers: createGridWorkerFigures({
      modules: m,
      today,
      areaOf,
      periodOf,
      periodView,
      gridsIn: (actor, scope) => areasAt(actor, scope, 'grid'),
      userNames: (ids) => m().users.namesFor(ids, FULL_SCOPE),
      async scores(actor, userIds, period) {
        const indicators = m().indicators;
        const scheme = (await indicators.currentSchemes()).find(
          (x) => x.code === DEFAULT_SCHEME.code,
        );
        const ids = (scheme?.targets.inspector ?? []).map((c) => c.indicator).join(',');
        const out = new Map<string, { value: number | null; grade: string | null }>();
        // One person at a time: a person's 漏报 and coverage count the grids they staffed, which a ranking of
        // people cannot (docs/indicators.md §2).
        for (const userId of userIds) {
          const q = IndicatorQuerySchema.parse({
            object: 'position',
            position: 'inspector',
            userId,
            period: period.key,
            ...(ids ? { ids } : {}),
          });
          const score = (await indicators.figures(actor, q)).rows[0]?.score;
          out.set(userId, { value: score?.value ?? null, grade: score?.grade ?? null });
        }
        return out;
      },
    }),

    /** The visit tasks behind a due/done/overdue figure; the same filter as the count, so total = figure. */
    async visits(
      actor: Actor,
      q: FigureVisitsQuery,
    ): Promise<{ items: VisitTask[]; total: number }> {
      const area = await areaOf(actor, q.areaCode);
      const period = periodOf(q.period);
      return m().specialGroups.figures.taskList(
        area.scope,
        { state: q.state, period, assigneeId: q.assigneeId },
        q,
      );
    },
  };
}
export type RegistryFiguresService = ReturnType<typeof createRegistryFiguresService>;
