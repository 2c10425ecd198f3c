import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { WorkCalendarTable } from './calendar.tables';

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** The calendar is deployment-wide, like settings: no area scope. */
export function createCalendarRepo(db: Kysely<DB>) {
  return {
    all: () =>
      db.selectFrom('work_calendar').select(['date', 'kind', 'name']).orderBy('date').execute(),
    listYear(year: number) {
      const [from, to] = yearRange(year);
      return db
        .selectFrom('work_calendar')
        .select(['date', 'kind', 'name'])
        .where('date', '>=', from)
        .where('date', '<=', to)
        .orderBy('date')
        .execute();
    },
    async countYear(year: number): Promise<number> {
      const [from, to] = yearRange(year);
      const r = await db
        .selectFrom('work_calendar')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('date', '>=', from)
        .where('date', '<=', to)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    find: (date: string) =>
      db
        .selectFrom('work_calendar')
        .select(['date', 'kind', 'name'])
        .where('date', '=', date)
        .executeTakeFirst(),
    upsert: (row: WorkCalendarTable) =>
      db
        .insertInto('work_calendar')
        .values(row)
        .onConflict((oc) =>
          oc.column('date').doUpdateSet({
            kind: row.kind,
            name: row.name,
            source: row.source,
            updated_at: row.updated_at,
          }),
        )
        .execute(),
    async delete(date: string): Promise<boolean> {
      const r = await db.deleteFrom('work_calendar').where('date', '=', date).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    /** Replaces every row of `year`; returns how many rows it replaced. Call it on a transaction. */
    async replaceYear(year: number, rows: WorkCalendarTable[]): Promise<number> {
      const [from, to] = yearRange(year);
      const r = await db
        .deleteFrom('work_calendar')
        .where('date', '>=', from)
        .where('date', '<=', to)
        .executeTakeFirst();
      if (rows.length > 0) await db.insertInto('work_calendar').values(rows).execute();
      return Number(r.numDeletedRows);
    },
  };
}
