import {
  CASE_STATES,
  type CaseOverview,
  type CaseOverviewQuery,
  type CaseState,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Light } from '../calendar';
import { clockViews } from './case-clocks';
import { readStored } from './case-record';
import type { CasesContext } from './cases-context';

type Counts = { green: number; yellow: number; red: number; none: number };
const LIGHT_RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** A case's light: that of its worst running step clock; none while nothing runs (挂账). */
export function worstLight(lights: readonly Light[]): Light | null {
  return lights.reduce<Light | null>(
    (worst, l) => (worst === null || LIGHT_RANK[l] > LIGHT_RANK[worst] ? l : worst),
    null,
  );
}

/**
 * 区域概况 for leaders until the assessment dashboards exist: how many cases of the caller's area (or one area of
 * it) are in each state, and how the open ones stand against their step deadlines. Counts by state are SQL; the
 * lights need each open case's clocks in working time, so those rows are read and measured here.
 */
export function createCaseOverview(ctx: CasesContext) {
  const { deps, repo } = ctx;
  return async function overview(actor: Actor, q: CaseOverviewQuery): Promise<CaseOverview> {
    const now = deps.clock.now();
    const cal = deps.calendar();
    const [byState, open] = await Promise.all([
      repo.countByState(actor.scope, q.areaCode),
      repo.openSnapshots(actor.scope, q.areaCode),
    ]);
    const lights = new Map<CaseState, Counts>();
    const total: Counts = { green: 0, yellow: 0, red: 0, none: 0 };
    for (const row of open) {
      const views = clockViews(cal, readStored(row).clocks, now).filter((c) => !c.paused);
      const key = worstLight(views.map((c) => c.light)) ?? 'none';
      const counts = lights.get(row.state as CaseState) ?? { green: 0, yellow: 0, red: 0, none: 0 };
      counts[key] += 1;
      total[key] += 1;
      lights.set(row.state as CaseState, counts);
    }
    const totals = new Map(byState.map((r) => [r.state, Number(r.n)]));
    return {
      at: now.toISOString(),
      // Every state in workflow order, zeros included, so the page's table keeps its shape.
      states: CASE_STATES.map((state) => ({
        state,
        total: totals.get(state) ?? 0,
        ...(lights.get(state) ?? { green: 0, yellow: 0, red: 0, none: 0 }),
      })),
      open: { total: open.length, ...total },
    };
  };
}
