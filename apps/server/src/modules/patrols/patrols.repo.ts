import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { codeInScope } from '../../core/db/scope-filter';
import type { PatrolCheckinsTable, PatrolPointsTable, PatrolsTable } from './patrols.tables';

/**
 * All SQL of 巡查. Reads go through the caller's area scope (a patrol belongs to its area's subtree) or name the
 * walker; writes name the walker, so nobody adds points to another's patrol.
 */
export function createPatrolsRepo(db: Kysely<DB>) {
  return {
    /** A patrol the caller may read: inside their scope, or their own. */
    findVisible: (scope: AreaScope, userId: string, id: string) =>
      db
        .selectFrom('patrols')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => eb.or([codeInScope(eb, 'area_code', scope), eb('user_id', '=', userId)]))
        .executeTakeFirst(),
    /** Any patrol by id, to tell "yours" from "someone else's id" on start. */
    findAny: (id: string) =>
      db.selectFrom('patrols').selectAll().where('id', '=', id).executeTakeFirst(),
    findOwn: (userId: string, id: string) =>
      db
        .selectFrom('patrols')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst(),
    /** Two starts of one patrol racing: the second inserts nothing. */
    insert: (row: PatrolsTable) =>
      db
        .insertInto('patrols')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute(),
    end: (userId: string, id: string, endedAt: string) =>
      db
        .updateTable('patrols')
        .set({ ended_at: endedAt })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('ended_at', 'is', null)
        .execute(),
    /** Stores new points only; answers how many were new. */
    addPoints: async (rows: PatrolPointsTable[]): Promise<number> => {
      let stored = 0;
      // A few hundred rows per statement keeps under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += 150) {
        const r = await db
          .insertInto('patrol_points')
          .values(rows.slice(i, i + 150))
          .onConflict((oc) => oc.columns(['patrol_id', 'at']).doNothing())
          .executeTakeFirst();
        stored += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      return stored;
    },
    track: (patrolId: string) =>
      db
        .selectFrom('patrol_points')
        .select(['lng', 'lat', 'at'])
        .where('patrol_id', '=', patrolId)
        .orderBy('at')
        .execute(),
    setStats: (id: string, pointCount: number, distanceM: number) =>
      db
        .updateTable('patrols')
        .set({ point_count: pointCount, distance_m: distanceM })
        .where('id', '=', id)
        .execute(),
    addCheckin: (row: PatrolCheckinsTable) =>
      db
        .insertInto('patrol_checkins')
        .values(row)
        .onConflict((oc) => oc.columns(['user_id', 'op_key']).doNothing())
        .execute(),
    checkinByKey: (userId: string, key: string) =>
      db
        .selectFrom('patrol_checkins')
        .selectAll()
        .where('user_id', '=', userId)
        .where('op_key', '=', key)
        .executeTakeFirst(),
    checkins: (patrolId: string) =>
      db
        .selectFrom('patrol_checkins')
        .selectAll()
        .where('patrol_id', '=', patrolId)
        .orderBy('at')
        .execute(),
    /**
     * Times of the points of a walker's patrols that ran in the period (started before its end, not stopped before
     * its start), up to its end, ordered by patrol then time: GPS 超时 needs each point's predecessor.
     */
    pointTimes: (scope: AreaScope, userId: string, start: string, end: string) =>
      db
        .selectFrom('patrol_points as pp')
        .innerJoin('patrols as p', 'p.id', 'pp.patrol_id')
        .select(['pp.patrol_id as patrolId', 'pp.at'])
        .where('p.user_id', '=', userId)
        .where((eb) => codeInScope(eb, 'p.area_code', scope))
        .where('p.started_at', '<', end)
        .where((eb) => eb.or([eb('p.ended_at', 'is', null), eb('p.ended_at', '>=', start)]))
        .where('pp.at', '<', end)
        .orderBy('pp.patrol_id')
        .orderBy('pp.at')
        .execute(),
    /** The grids among `windows` where the walker has a point inside the grid's window. */
    visitedGrids: async (
      userId: string,
      windows: readonly { gridCode: string; from: string; to: string }[],
    ): Promise<Set<string>> => {
      if (!windows.length) return new Set();
      const last = windows.reduce((m, w) => (w.to > m ? w.to : m), windows[0]!.to);
      const rows = await db
        .selectFrom('patrol_points as pp')
        .innerJoin('patrols as p', 'p.id', 'pp.patrol_id')
        .select('pp.grid_code')
        .distinct()
        .where('p.user_id', '=', userId)
        .where('p.started_at', '<', last)
        .where((eb) =>
          eb.or(
            windows.map((w) =>
              eb.and([
                eb('pp.grid_code', '=', w.gridCode),
                eb('pp.at', '>=', w.from),
                eb('pp.at', '<', w.to),
              ]),
            ),
          ),
        )
        .execute();
      return new Set(rows.flatMap((r) => (r.grid_code ? [r.grid_code] : [])));
    },
    list: (
      scope: AreaScope,
      q: { userId?: string; areaCode?: string; from?: string; to?: string; limit: number },
    ) => {
      let query = db
        .selectFrom('patrols')
        .selectAll()
        .where((eb) => codeInScope(eb, 'area_code', scope));
      if (q.userId) query = query.where('user_id', '=', q.userId);
      if (q.areaCode) query = query.where('area_code', 'like', `${q.areaCode}%`);
      if (q.from) query = query.where('started_at', '>=', q.from);
      if (q.to) query = query.where('started_at', '<', q.to);
      return query.orderBy('started_at', 'desc').limit(q.limit).execute();
    },
  };
}
export type PatrolsRepo = ReturnType<typeof createPatrolsRepo>;
