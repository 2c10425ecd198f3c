import type { Kysely, Transaction } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { countBy, type FigureLevel } from '../../core/db/grouped-counts';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { VisitsTable, VisitTasksTable } from './special-groups.tables';

type Db = Kysely<DB> | Transaction<DB>;
const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

export interface TaskFilter {
  /** Tasks of this user, plus unassigned ones in scope (a grid without staff when the task was made). */
  mineOf?: string | undefined;
  status?: string | undefined;
  areaCode?: string | undefined;
  /** Open and due before this date */
  overdueBefore?: string | undefined;
  personId?: string | undefined;
  /** Due on or after / before these dates (the registry figures' period) */
  dueFrom?: string | undefined;
  dueBefore?: string | undefined;
  /** Not cancelled: every task that fell due, done or not (the figures' "due") */
  notCancelled?: boolean | undefined;
  assigneeId?: string | undefined;
}

/** SQL of visit tasks and visits. Reads take the caller's scope. */
export function createVisitsRepo(db: Kysely<DB>) {
  const tasksIn = (scope: AreaScope, d: Db = db) =>
    d.selectFrom('visit_tasks').where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS));

  const filteredTasks = (scope: AreaScope, f: TaskFilter) => {
    let q = tasksIn(scope);
    if (f.mineOf) {
      const me = f.mineOf;
      q = q.where((eb) =>
        eb.or([eb('assignee_user_id', '=', me), eb('assignee_user_id', 'is', null)]),
      );
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.overdueBefore) q = q.where('status', '=', 'open').where('due_date', '<', f.overdueBefore);
    if (f.personId) q = q.where('person_id', '=', f.personId);
    if (f.dueFrom) q = q.where('due_date', '>=', f.dueFrom);
    if (f.dueBefore) q = q.where('due_date', '<', f.dueBefore);
    if (f.notCancelled) q = q.where('status', '<>', 'cancelled');
    if (f.assigneeId) q = q.where('assignee_user_id', '=', f.assigneeId);
    if (f.areaCode)
      q = q.where((eb) =>
        levelCodesInScope(eb, { all: false, prefixes: [f.areaCode!] }, AREA_COLUMNS),
      );
    return q;
  };

  return {
    findTask: (scope: AreaScope, id: string, d: Db = db) =>
      tasksIn(scope, d).selectAll().where('id', '=', id).executeTakeFirst(),

    listTasks: (scope: AreaScope, f: TaskFilter, page: { limit: number; offset: number }) =>
      filteredTasks(scope, f)
        .selectAll()
        .orderBy('due_date')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async countTasks(scope: AreaScope, f: TaskFilter): Promise<number> {
      const r = await filteredTasks(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** The same filter counted per area of a level and a column (registry figures); the list's total equals it. */
    countTasksBy: (scope: AreaScope, f: TaskFilter, level: FigureLevel, key: string | null) =>
      countBy(filteredTasks(scope, f), level, key),

    /** Visits recorded in a period, per area of a level and a column (registry figures, grid-worker activity). */
    countVisitsBy: (
      scope: AreaScope,
      period: { start: string; end: string },
      level: FigureLevel,
      key: string | null,
    ) =>
      countBy(
        db
          .selectFrom('visits')
          .where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS))
          .where('visited_at', '>=', period.start)
          .where('visited_at', '<', period.end),
        level,
        key,
      ),

    openTaskOf: (membershipId: string, d: Db = db) =>
      d
        .selectFrom('visit_tasks')
        .selectAll()
        .where('membership_id', '=', membershipId)
        .where('status', '=', 'open')
        .executeTakeFirst(),

    openTasksOf: (membershipIds: string[]) =>
      membershipIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('visit_tasks')
            .selectAll()
            .where('membership_id', 'in', membershipIds)
            .where('status', '=', 'open')
            .execute(),

    insertTask: (d: Db, row: VisitTasksTable) => d.insertInto('visit_tasks').values(row).execute(),

    /** Changes an open task only; false when someone closed it first. */
    async updateOpenTask(d: Db, id: string, patch: Partial<VisitTasksTable>): Promise<boolean> {
      const r = await d
        .updateTable('visit_tasks')
        .set(patch)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    cancelOpenTasks: (d: Db, membershipId: string, at: string) =>
      d
        .updateTable('visit_tasks')
        .set({ status: 'cancelled', closed_at: at, updated_at: at })
        .where('membership_id', '=', membershipId)
        .where('status', '=', 'open')
        .execute(),

    /** Scope and assignee follow the person when they move. */
    updateOpenTasksOfPerson: (d: Db, personId: string, patch: Partial<VisitTasksTable>) =>
      d
        .updateTable('visit_tasks')
        .set(patch)
        .where('person_id', '=', personId)
        .where('status', '=', 'open')
        .execute(),

    insertVisit: (d: Db, row: VisitsTable) => d.insertInto('visits').values(row).execute(),

    findVisit: (scope: AreaScope, id: string) =>
      db
        .selectFrom('visits')
        .where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS))
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst(),

    visitsOfPerson: (scope: AreaScope, personId: string) =>
      db
        .selectFrom('visits')
        .where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS))
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('visited_at', 'desc')
        .limit(200)
        .execute(),

    /** Whether a visit in scope shows this attachment (ids are UUIDs, so a quoted substring match is exact). */
    async attachmentVisible(scope: AreaScope, attachmentId: string): Promise<boolean> {
      const r = await db
        .selectFrom('visits')
        .where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS))
        .select('id')
        .where('photos', 'like', `%"${attachmentId.replace(/[%_"\\]/g, '')}"%`)
        .executeTakeFirst();
      return Boolean(r);
    },

    /** Open tasks of a person in scope (closed ones are told by the visits). */
    tasksOfPerson: (scope: AreaScope, personId: string) =>
      tasksIn(scope)
        .selectAll()
        .where('person_id', '=', personId)
        .where('status', '=', 'open')
        .orderBy('due_date')
        .execute(),
  };
}
export type VisitsRepo = ReturnType<typeof createVisitsRepo>;
