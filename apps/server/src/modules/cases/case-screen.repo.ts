import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';

// The case's area code per level (as in cases.repo.ts), for the scope filter.
const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

/** [from, to) as ISO instants: the screen's "today" in Asia/Shanghai. */
export interface DayRange {
  from: string;
  to: string;
}

const n = (v: unknown): number => Number(v ?? 0);

/**
 * The SQL of the 指挥中心大屏 (docs/screen.md): today's counts, the latest reports, the departments' day and the
 * overdue list, each read inside the caller's scope and, when named, one area of it. Every list is bounded.
 */
export function createCaseScreenRepo(db: Kysely<DB>) {
  const inArea = (scope: AreaScope, areaCode: string | null) =>
    db
      .selectFrom('cases')
      .where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS))
      .$if(areaCode !== null, (q) =>
        q.where((eb) => levelCodesInScope(eb, { all: false, prefixes: [areaCode!] }, AREA_COLUMNS)),
      );
  const countOf = async (q: ReturnType<typeof inArea>) =>
    n((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);

  return {
    /** 上报 (AI candidates not yet confirmed are not reports), 立案 and 结案 today; 派遣 = cases dispatched today. */
    async todayCounts(scope: AreaScope, areaCode: string | null, day: DayRange) {
      const [reported, registered, closed, dispatched] = await Promise.all([
        countOf(
          inArea(scope, areaCode)
            .where('created_at', '>=', day.from)
            .where('created_at', '<', day.to)
            .where('state', 'not in', ['candidate', 'dismissed']),
        ),
        countOf(
          inArea(scope, areaCode)
            .where('registered_at', '>=', day.from)
            .where('registered_at', '<', day.to),
        ),
        countOf(
          inArea(scope, areaCode)
            .where('state', '=', 'closed')
            .where('closed_at', '>=', day.from)
            .where('closed_at', '<', day.to),
        ),
        inArea(scope, areaCode)
          .innerJoin('case_events as e', 'e.case_id', 'cases.id')
          .where('e.action', '=', 'dispatch')
          .where('e.at', '>=', day.from)
          .where('e.at', '<', day.to)
          .select((eb) => eb.fn.count('e.case_id').distinct().as('n'))
          .executeTakeFirst()
          .then((r) => n(r?.n)),
      ]);
      return { reported, registered, dispatched, closed };
    },

    /** The newest reports (not AI candidates), newest first. */
    latest: (scope: AreaScope, areaCode: string | null, limit: number) =>
      inArea(scope, areaCode)
        .where('state', 'not in', ['candidate', 'dismissed'])
        .select([
          'case_no',
          'class_code',
          'state',
          'lng',
          'lat',
          'street_code',
          'community_code',
          'created_at',
        ])
        .orderBy('created_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(limit)
        .execute(),

    /** Per handling department: cases closed today, and open cases past their running step's deadline. */
    async departmentDay(scope: AreaScope, areaCode: string | null, day: DayRange, now: string) {
      const [closed, overdue] = await Promise.all([
        inArea(scope, areaCode)
          .where('handling_dept_id', 'is not', null)
          .where('state', '=', 'closed')
          .where('closed_at', '>=', day.from)
          .where('closed_at', '<', day.to)
          .select((eb) => ['handling_dept_id', eb.fn.countAll().as('n')])
          .groupBy('handling_dept_id')
          .execute(),
        inArea(scope, areaCode)
          .where('handling_dept_id', 'is not', null)
          .where('is_open', '=', 1)
          .where('due_at', '<', now)
          .select((eb) => ['handling_dept_id', eb.fn.countAll().as('n')])
          .groupBy('handling_dept_id')
          .execute(),
      ]);
      const byDept = new Map<string, { closedToday: number; overdueOpen: number }>();
      const at = (id: string) => {
        const r = byDept.get(id) ?? { closedToday: 0, overdueOpen: 0 };
        byDept.set(id, r);
        return r;
      };
      for (const r of closed) at(r.handling_dept_id!).closedToday = n(r.n);
      for (const r of overdue) at(r.handling_dept_id!).overdueOpen = n(r.n);
      return byDept;
    },

    /** Open cases past their running step's deadline: how many, and the longest overdue first. */
    async overdue(scope: AreaScope, areaCode: string | null, now: string, limit: number) {
      const open = inArea(scope, areaCode).where('is_open', '=', 1).where('due_at', '<', now);
      const [total, rows] = await Promise.all([
        countOf(open),
        open
          .select(['case_no', 'class_code', 'street_code', 'community_code', 'step', 'due_at'])
          .orderBy('due_at')
          .orderBy('cases.id')
          .limit(limit)
          .execute(),
      ]);
      return { total, rows };
    },
  };
}
export type CaseScreenRepo = ReturnType<typeof createCaseScreenRepo>;
