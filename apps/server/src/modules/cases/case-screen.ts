import type { Actor } from '../../core/auth/actor';
import { createCaseScreenRepo, type DayRange } from './case-screen.repo';
import type { CasesContext } from './cases-context';
import type { createCaseOverview } from './case-overview';

export interface ScreenFactsQuery {
  /** An area the caller has already resolved inside their scope; null = the whole scope. */
  areaCode: string | null;
  day: DayRange;
  latest: number;
  overdue: number;
}

/**
 * What the 指挥中心大屏 reads of cases, as codes and ids (the screen module names them): today's counts, the
 * open cases' lights (the same measure as 区域概况, so both pages agree), the newest reports with their point,
 * each department's day and the overdue list. Nothing about people: no reporter, assignee, address or text.
 */
export function createCaseScreen(
  ctx: CasesContext,
  overview: ReturnType<typeof createCaseOverview>,
) {
  const repo = createCaseScreenRepo(ctx.deps.db);
  return async function screenFacts(actor: Actor, q: ScreenFactsQuery) {
    const now = ctx.deps.clock.now();
    const at = now.toISOString();
    const area = q.areaCode;
    const [today, lights, latest, departments, overdue] = await Promise.all([
      repo.todayCounts(actor.scope, area, q.day),
      overview(actor, area ? { areaCode: area } : {}),
      repo.latest(actor.scope, area, q.latest),
      repo.departmentDay(actor.scope, area, q.day, at),
      repo.overdue(actor.scope, area, at, q.overdue),
    ]);
    return {
      at,
      today,
      open: lights.open,
      latest: latest.map((r) => ({
        caseNo: r.case_no,
        classCode: r.class_code,
        state: r.state,
        lng: Number(r.lng),
        lat: Number(r.lat),
        streetCode: r.street_code,
        communityCode: r.community_code,
        reportedAt: r.created_at,
      })),
      departments,
      overdue: {
        total: overdue.total,
        items: overdue.rows.map((r) => ({
          caseNo: r.case_no,
          classCode: r.class_code,
          streetCode: r.street_code,
          communityCode: r.community_code,
          step: r.step,
          dueAt: r.due_at,
          overdueMs: Math.max(0, now.getTime() - Date.parse(r.due_at)),
        })),
      },
    };
  };
}
export type ScreenFacts = Awaited<ReturnType<ReturnType<typeof createCaseScreen>>>;
