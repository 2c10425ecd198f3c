import { CASE_MAP_POINT_LIMIT, type CaseMapPoints, type CaseMapQuery } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { clockViews, NO_DEADLINE } from './case-clocks';
import { worstLight } from './case-overview';
import { createCaseMapRepo } from './case-map.repo';
import { readStored } from './case-record';
import type { CasesContext } from './cases-context';

/**
 * 领导驾驶舱's map: where the open cases of the caller's area are (clustered and as a heat layer on the page) and
 * how many are open per grid (the shaded grids). The per-grid counts cover every open case even when the points are
 * cut at CASE_MAP_POINT_LIMIT, so the shading never under-counts. Lights are measured as 区域概况 measures them.
 */
export function createCaseMap(ctx: CasesContext, limit = CASE_MAP_POINT_LIMIT) {
  const repo = createCaseMapRepo(ctx.deps.db);
  return async function mapPoints(actor: Actor, q: CaseMapQuery): Promise<CaseMapPoints> {
    const now = ctx.deps.clock.now();
    const cal = ctx.deps.calendar();
    const [rows, grids] = await Promise.all([
      repo.points(actor.scope, q.areaCode, limit + 1),
      repo.perGrid(actor.scope, q.areaCode),
    ]);
    const perGrid = grids.map((g) => ({ gridCode: g.grid_code, open: Number(g.n) }));
    return {
      at: now.toISOString(),
      total: perGrid.reduce((sum, g) => sum + g.open, 0),
      truncated: rows.length > limit,
      points: rows.slice(0, limit).map((r) => {
        const views = clockViews(cal, readStored(r).clocks, now).filter((c) => !c.paused);
        return {
          id: r.id,
          caseNo: r.case_no,
          lng: Number(r.lng),
          lat: Number(r.lat),
          classCode: r.class_code,
          gridCode: r.grid_code,
          step: r.step,
          dueAt: r.due_at === NO_DEADLINE ? null : r.due_at,
          light: worstLight(views.map((c) => c.light)),
        };
      }),
      grids: perGrid,
    };
  };
}
