import {
  SCREEN_LATEST_REPORTS,
  SCREEN_OVERDUE_ROWS,
  SCREEN_RANKED_DEPARTMENTS,
  type AreaRef,
  type ScreenSummary,
  type ScreenSummaryQuery,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { inScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import { AppError } from '../../core/errors';
import type { ScreenFacts, ScreenFactsQuery } from '../cases';
import { rankDepartments, shanghaiDay } from './screen-ranking';

/** What the screen asks of other modules: the cases' facts and the names of areas, classes and departments. */
export interface ScreenDeps {
  clock: Clock;
  screenFacts(actor: Actor, q: ScreenFactsQuery): Promise<ScreenFacts>;
  areaRefs(codes: string[]): Promise<AreaRef[]>;
  classNames(codes: string[]): Promise<Map<string, string>>;
  departmentNames(ids: string[]): Promise<Map<string, string>>;
}

/**
 * 指挥中心大屏 (docs/screen.md): one read that gathers the screen's figures for an area of the caller's scope and
 * names what the cases module gives as codes. The page refetches it when the live case stream says something moved.
 */
export function createScreenService(deps: ScreenDeps) {
  /** The named area inside the caller's scope; unknown and outside-scope codes are the same 404 on the field. */
  async function areaOf(actor: Actor, code: string | undefined) {
    if (code === undefined) {
      const roots = actor.scope.all ? [] : [...actor.scope.prefixes];
      const refs = await deps.areaRefs(roots);
      return { code: null, name: refs.map((r) => r.name).join('、') };
    }
    const ref = inScope(actor.scope, code) ? (await deps.areaRefs([code]))[0] : undefined;
    if (!ref)
      throw new AppError('not_found', '区域不存在或不在您的管辖范围内', { field: 'areaCode' });
    return { code: ref.code, name: ref.name };
  }

  return {
    async summary(actor: Actor, q: ScreenSummaryQuery): Promise<ScreenSummary> {
      const area = await areaOf(actor, q.areaCode);
      const today = shanghaiDay(deps.clock.now());
      const facts = await deps.screenFacts(actor, {
        areaCode: area.code,
        day: today,
        latest: SCREEN_LATEST_REPORTS,
        overdue: SCREEN_OVERDUE_ROWS,
      });
      const places = [
        ...facts.latest.flatMap((r) => [r.streetCode, r.communityCode]),
        ...facts.overdue.items.flatMap((r) => [r.streetCode, r.communityCode]),
      ];
      const classes = [...facts.latest, ...facts.overdue.items].flatMap((r) =>
        r.classCode ? [r.classCode] : [],
      );
      const [areaNames, classNames, deptNames] = await Promise.all([
        deps
          .areaRefs([...new Set(places)])
          .then((refs) => new Map(refs.map((a) => [a.code, a.name]))),
        deps.classNames([...new Set(classes)]),
        deps.departmentNames([...facts.departments.keys()]),
      ]);
      const place = (r: { streetCode: string; communityCode: string }) => ({
        street: areaNames.get(r.streetCode) ?? null,
        community: areaNames.get(r.communityCode) ?? null,
      });
      const category = (code: string | null) => (code ? (classNames.get(code) ?? code) : null);
      return {
        at: facts.at,
        day: today.day,
        area,
        today: facts.today,
        open: facts.open,
        latest: facts.latest.map((r) => ({
          caseNo: r.caseNo,
          category: category(r.classCode),
          state: r.state as ScreenSummary['latest'][number]['state'],
          lng: r.lng,
          lat: r.lat,
          ...place(r),
          reportedAt: r.reportedAt,
        })),
        departments: rankDepartments(
          [...facts.departments].map(([id, d]) => ({ id, name: deptNames.get(id) ?? id, ...d })),
          SCREEN_RANKED_DEPARTMENTS,
        ),
        overdue: {
          total: facts.overdue.total,
          items: facts.overdue.items.map((r) => ({
            caseNo: r.caseNo,
            category: category(r.classCode),
            ...place(r),
            step: r.step,
            dueAt: r.dueAt,
            overdueMs: r.overdueMs,
          })),
        },
      };
    },
  };
}
export type ScreenService = ReturnType<typeof createScreenService>;
