import type {
  CheckInRequest,
  Patrol,
  PatrolDetail,
  PatrolListQuery,
  StartPatrolRequest,
  TrackPointsRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import {
  assertActionInScope,
  FULL_SCOPE,
  inScope,
  type AreaScope,
} from '../../core/auth/area-scope';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { Crs, Position } from '../areas';
import {
  countGaps,
  coverage,
  staffedWindows,
  type PeriodRange,
  type Tenure,
} from './patrol-figures';
import type { PatrolsRepo } from './patrols.repo';
import type { PatrolsTable } from './patrols.tables';
import { trackLength } from './track';

export interface PatrolsDeps {
  repo: PatrolsRepo;
  toWgs84: (p: Position, crs: Crs) => Position;
  /** The grid at a WGS-84 point, if any. */
  gridAt: (lng: number, lat: number) => Promise<string | null>;
  /** GPS 超时 limit (default 5 minutes, patrol-figures.ts). */
  gapLimitMs?: number;
}

/** Times are stored in UTC ISO form, so text order is time order whatever offset the phone sent. */
const utc = (iso: string) => new Date(iso).toISOString();

const view = (r: PatrolsTable): Patrol => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  areaCode: r.area_code,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  pointCount: Number(r.point_count),
  distanceM: Math.round(Number(r.distance_m)),
});

/** Start of a Shanghai calendar day and of the next, in UTC. */
function dayRange(date: string): { from: string; to: string } {
  const from = new Date(`${date}T00:00:00+08:00`);
  return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
}

/**
 * 巡查: start and stop, track points in batches and check-ins, each safe to resend (the phone's outbox resends what
 * it did not see answered). Positions declared GCJ-02 are stored as WGS-84.
 */
export function createPatrolsService(deps: PatrolsDeps) {
  const { repo } = deps;

  async function own(actor: Actor, id: string): Promise<PatrolsTable> {
    const row = await repo.findOwn(actor.id, id);
    if (!row) throw notFound('巡查');
    return row;
  }

  async function areaOf(actor: Actor, input: StartPatrolRequest): Promise<string> {
    if (input.areaCode) {
      assertActionInScope(actor.scope, input.areaCode);
      return input.areaCode;
    }
    if (input.lng !== undefined && input.lat !== undefined) {
      const [lng, lat] = deps.toWgs84([input.lng, input.lat], input.crs);
      const grid = await deps.gridAt(lng, lat);
      if (grid && inScope(actor.scope, grid)) return grid;
    }
    const root = actor.scope.prefixes[0];
    if (!root) throw new AppError('validation_failed', '请指定巡查区域', { field: 'areaCode' });
    return root;
  }

  /**
   * Each point's grid, located once here so that 区域覆盖率 is a query (docs/indicators.md §4.1). A walker standing
   * still sends the same position many times: it is located once per batch.
   */
  async function withGrids<T extends { lng: number; lat: number }>(rows: T[]) {
    const grids = new Map<string, Promise<string | null>>();
    return Promise.all(
      rows.map(async (r) => {
        const key = `${r.lng},${r.lat}`;
        if (!grids.has(key)) grids.set(key, deps.gridAt(r.lng, r.lat));
        return { ...r, grid_code: await grids.get(key)! };
      }),
    );
  }

  return {
    /**
     * 区域覆盖率 and GPS 超时次数 of a walker for a period (docs/indicators.md §4.1), counted inside `scope`:
     * `tenures` are the grid posts whose grids count (areas module), `gapLimitMs` the GPS 超时 limit.
     */
    async patrolFigures(
      userId: string,
      period: PeriodRange,
      tenures: readonly Tenure[],
      opts: { scope?: AreaScope; gapLimitMs?: number } = {},
    ) {
      const scope = opts.scope ?? FULL_SCOPE;
      const windows = staffedWindows(
        tenures.filter((t) => inScope(scope, t.gridCode)),
        period,
      );
      const [visited, points] = await Promise.all([
        repo.visitedGrids(userId, windows),
        repo.pointTimes(scope, userId, period.start, period.end),
      ]);
      return {
        coverage: coverage(windows, visited),
        gpsTimeouts: countGaps(points, period, opts.gapLimitMs ?? deps.gapLimitMs),
      };
    },

    async start(actor: Actor, input: StartPatrolRequest): Promise<Patrol> {
      const prior = await repo.findAny(input.id);
      if (prior && prior.user_id !== actor.id)
        throw new AppError('conflict', '巡查编号已被占用', { field: 'id' });
      if (!prior)
        await repo.insert({
          id: input.id,
          user_id: actor.id,
          user_name: actor.displayName,
          area_code: await areaOf(actor, input),
          started_at: utc(input.startedAt),
          ended_at: null,
          point_count: 0,
          distance_m: 0,
        });
      return view(await own(actor, input.id));
    },

    async stop(actor: Actor, id: string, endedAt: string): Promise<Patrol> {
      const row = await own(actor, id);
      // Never before the start, whatever the phone's clock says.
      const at = utc(endedAt) < row.started_at ? row.started_at : utc(endedAt);
      await repo.end(actor.id, id, at);
      return view(await own(actor, id));
    },

    async addPoints(actor: Actor, id: string, input: TrackPointsRequest) {
      await own(actor, id);
      const rows = input.points.map((p) => {
        const [lng, lat] = deps.toWgs84([p.lng, p.lat], input.crs);
        return { patrol_id: id, at: utc(p.at), lng, lat, accuracy: p.accuracy ?? null };
      });
      // One point per instant: a batch holding the same time twice keeps the first.
      const unique = await withGrids([...new Map(rows.map((r) => [r.at, r])).values()]);
      const stored = await repo.addPoints(unique);
      const track = await repo.track(id);
      await repo.setStats(id, track.length, trackLength(track.map((p) => [p.lng, p.lat])));
      return { stored, total: track.length };
    },

    async checkIn(actor: Actor, id: string, input: CheckInRequest) {
      await own(actor, id);
      const [lng, lat] = deps.toWgs84([input.lng, input.lat], input.crs);
      await repo.addCheckin({
        id: newId(),
        patrol_id: id,
        user_id: actor.id,
        op_key: input.key,
        at: utc(input.at),
        lng,
        lat,
        grid_code: await deps.gridAt(lng, lat),
        note: input.note ?? null,
      });
      const row = (await repo.checkinByKey(actor.id, input.key))!;
      if (row.patrol_id !== id)
        throw new AppError('validation_failed', '该幂等键已用于另一次巡查', { field: 'key' });
      return checkinView(row);
    },

    async list(actor: Actor, q: PatrolListQuery): Promise<Patrol[]> {
      const rows = await repo.list(actor.scope, {
        ...(q.mine ? { userId: actor.id } : {}),
        ...(q.areaCode ? { areaCode: q.areaCode } : {}),
        ...(q.date ? dayRange(q.date) : {}),
        limit: q.limit,
      });
      return rows.map(view);
    },

    async get(actor: Actor, id: string): Promise<PatrolDetail> {
      const row = await repo.findVisible(actor.scope, actor.id, id);
      if (!row) throw notFound('巡查');
      const [track, checkins] = await Promise.all([repo.track(id), repo.checkins(id)]);
      return {
        ...view(row),
        track: track.map((p) => [Number(p.lng), Number(p.lat)] as [number, number]),
        checkins: checkins.map(checkinView),
      };
    },
  };
}
export type PatrolsService = ReturnType<typeof createPatrolsService>;

function checkinView(r: {
  id: string;
  at: string;
  lng: number;
  lat: number;
  grid_code: string | null;
  note: string | null;
}) {
  return {
    id: r.id,
    at: r.at,
    position: [Number(r.lng), Number(r.lat)] as [number, number],
    gridCode: r.grid_code,
    note: r.note,
  };
}
