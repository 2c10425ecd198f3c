import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { codeInScope } from '../../core/db/scope-filter';
import type { ReportsTable } from './reports.tables';

/** Every query of the reports table; reads take the caller's scope (a report belongs to its area's subtree). */
export function createReportsRepo(db: Kysely<DB>) {
  const scoped = (scope: AreaScope) =>
    db.selectFrom('reports').where((eb) => codeInScope(eb, 'area_code', scope));
  return {
    insert: (row: ReportsTable) => db.insertInto('reports').values(row).execute(),

    findById: (scope: AreaScope, id: string) =>
      scoped(scope).selectAll().where('id', '=', id).executeTakeFirst(),

    /** Newest month first, then newest generation; `areaCode` narrows to that area and below. */
    list: (scope: AreaScope, q: { areaCode?: string | undefined; limit: number }) => {
      let query = scoped(scope).selectAll();
      if (q.areaCode) query = query.where('area_code', 'like', `${q.areaCode}%`);
      return query
        .orderBy('period', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit)
        .execute();
    },

    /** Whether the schedule already made this area's report for the month (a retried run skips it). */
    scheduledExists: async (areaCode: string, period: string) =>
      Boolean(
        await db
          .selectFrom('reports')
          .select('id')
          .where('area_code', '=', areaCode)
          .where('period', '=', period)
          .where('trigger', '=', 'schedule')
          .executeTakeFirst(),
      ),

    setPdf: (id: string, bytes: number, pages: number) =>
      db
        .updateTable('reports')
        .set({ pdf_bytes: bytes, pdf_pages: pages })
        .where('id', '=', id)
        .execute(),
  };
}
export type ReportsRepo = ReturnType<typeof createReportsRepo>;
