import type { AreaRef, LocateResponse } from '@wangge/shared';
import { FULL_SCOPE, inScope, type AreaScope } from '../../core/auth/area-scope';
import type { AreasRepo } from './areas.repo';
import type { Geometry } from './geo/geo-types';
import { LocateIndex } from './geo/locate-index';

interface GridInfo {
  ref: AreaRef;
  path: AreaRef[];
  gridType: string | null;
  version: number;
}

interface IndexState {
  /** Unit grids: they tile the jurisdiction, so at most one answers. */
  index: LocateIndex;
  /** Micro and dedicated grids, which overlap unit grids by design. */
  overlays: LocateIndex;
  grids: Map<string, GridInfo>;
  /** Districts, streets and communities, consulted only when no grid contains a point. */
  upper: LocateIndex;
  upperRefs: Map<string, AreaRef>;
  /** Every current area by code: names for other modules' records without a query. */
  byCode: Map<string, AreaRef>;
  revision: number;
}

const LEVEL_ORDER = { district: 0, street: 1, community: 2, grid: 3 } as const;
const OUTSIDE: LocateResponse = {
  found: false,
  reason: 'outside_every_grid',
  message: '该位置不在任何网格内',
  path: [],
};
const OUT_OF_SCOPE: LocateResponse = {
  found: false,
  reason: 'outside_scope',
  message: '该位置不在您的管辖范围内',
  path: [],
};

/**
 * Point → grid, from an in-memory flatbush index over the current grid polygons. Every
 * process keeps its own index and reloads it when the shared revision counter moves, so
 * several server processes on one database stay consistent within one poll interval.
 */
export function createLocateService(deps: {
  repo: AreasRepo;
  revision: () => Promise<number>;
  onError: (err: unknown) => void;
}) {
  let state: IndexState | null = null;
  let loading: Promise<IndexState> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function build(): Promise<IndexState> {
    const revision = await deps.revision();
    // The index covers the whole jurisdiction; the caller's scope is applied to each answer.
    const [grids, nodes, upperRows] = await Promise.all([
      deps.repo.gridsForIndex(FULL_SCOPE),
      deps.repo.listNodes(FULL_SCOPE),
      deps.repo.upperAreasForIndex(FULL_SCOPE),
    ]);
    const byCode = new Map(nodes.map((n) => [n.code, n]));
    const refOf = (n: {
      id: string;
      code: string;
      name: string;
      level: AreaRef['level'];
    }): AreaRef => ({ id: n.id, code: n.code, name: n.name, level: n.level });
    const info = new Map<string, GridInfo>();
    for (const g of grids) {
      const path: AreaRef[] = [refOf(g)];
      let parent = g.parent_code ? byCode.get(g.parent_code) : undefined;
      for (let guard = 0; parent && guard < 8; guard++) {
        path.unshift(refOf(parent));
        parent = parent.parent_code ? byCode.get(parent.parent_code) : undefined;
      }
      info.set(g.id, { ref: refOf(g), path, gridType: g.grid_type, version: g.version });
    }
    const item = (g: (typeof grids)[number]) => ({
      id: g.id,
      geometry: JSON.parse(g.geometry) as Geometry,
    });
    const index = new LocateIndex(
      grids.filter((g) => g.grid_type === 'unit' || g.grid_type === null).map(item),
    );
    const overlays = new LocateIndex(
      grids.filter((g) => g.grid_type === 'micro' || g.grid_type === 'dedicated').map(item),
    );
    const upper = new LocateIndex(
      upperRows.map((a) => ({ id: a.id, geometry: JSON.parse(a.geometry) as Geometry })),
    );
    const upperRefs = new Map(upperRows.map((a) => [a.id, refOf(a)]));
    const refs = new Map(nodes.map((n) => [n.code, refOf(n)]));
    return { index, overlays, grids: info, upper, upperRefs, byCode: refs, revision };
  }

  async function reload(): Promise<void> {
    loading ??= build().finally(() => (loading = null));
    state = await loading;
  }

  async function ready(): Promise<IndexState> {
    if (!state) await reload();
    return state!;
  }

  return {
    reload,

    /** Checks the shared revision and rebuilds when another process changed boundaries. */
    async refreshIfStale(): Promise<void> {
      const rev = await deps.revision();
      if (!state || rev !== state.revision) await reload();
    },

    startPolling(intervalMs = 3000): void {
      timer = setInterval(() => {
        this.refreshIfStale().catch(deps.onError);
      }, intervalMs);
      timer.unref();
    },

    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },

    async locate(
      lng: number,
      lat: number,
      position: [number, number],
      scope: AreaScope,
    ): Promise<LocateResponse> {
      const s = await ready();
      // The unit grid answers; micro and dedicated grids that also contain the point are listed.
      const unitId = s.index.locate(lng, lat);
      const overlayIds = s.overlays.size > 0 ? s.overlays.locateAll(lng, lat) : [];
      const main = unitId
        ? s.grids.get(unitId)
        : overlayIds.length
          ? s.grids.get(overlayIds[0]!)
          : undefined;
      if (!main) return outsideGrids(s, lng, lat, scope);
      if (!inScope(scope, main.ref.code)) return OUT_OF_SCOPE;
      const otherGrids: AreaRef[] = [];
      for (const id of overlayIds) {
        const g = s.grids.get(id);
        if (g && g !== main && inScope(scope, g.ref.code)) otherGrids.push(g.ref);
      }
      return { found: true, grid: main.ref, path: main.path, otherGrids, position };
    },

    /**
     * The unit grid containing a point with its ancestors' codes and its version, whatever the
     * caller's scope (callers decide what to do with a point outside it). Null outside every grid.
     */
    async place(
      lng: number,
      lat: number,
    ): Promise<{
      gridCode: string;
      gridVersion: number;
      communityCode: string;
      streetCode: string;
      adminCode: string;
    } | null> {
      const s = await ready();
      const id = s.index.locate(lng, lat);
      const g = id ? s.grids.get(id) : undefined;
      if (!g) return null;
      const at = (level: AreaRef['level']) => g.path.find((p) => p.level === level)?.code;
      const community = at('community');
      const street = at('street');
      const admin = at('district');
      if (!community || !street || !admin) return null;
      return {
        gridCode: g.ref.code,
        gridVersion: g.version,
        communityCode: community,
        streetCode: street,
        adminCode: admin,
      };
    },

    /**
     * Current areas by code from the loaded index (as fresh as the revision poll). Codes it does not know come back in
     * `missing`, so a caller can ask the database for areas written without a revision bump.
     */
    async refs(codes: readonly string[]): Promise<{ found: AreaRef[]; missing: string[] }> {
      const s = await ready();
      const found: AreaRef[] = [];
      const missing: string[] = [];
      for (const c of codes) {
        const r = s.byCode.get(c);
        if (r) found.push(r);
        else missing.push(c);
      }
      return { found, missing };
    },

    /** The index itself, for the benchmark. */
    async index(): Promise<LocateIndex> {
      return (await ready()).index;
    },

    async size(): Promise<number> {
      return (await ready()).index.size;
    },
  };
}
export type LocateService = ReturnType<typeof createLocateService>;

/** No grid here: say which district/street/community the point is in, within the scope. */
function outsideGrids(s: IndexState, lng: number, lat: number, scope: AreaScope): LocateResponse {
  const path = s.upper
    .locateAll(lng, lat)
    .map((id) => s.upperRefs.get(id))
    .filter((r): r is AreaRef => !!r && inScope(scope, r.code))
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  if (path.length === 0) return OUTSIDE;
  return {
    found: false,
    reason: 'outside_every_grid',
    message: `该位置在${path.map((p) => p.name).join(' / ')}内，但不在任何网格内`,
    path,
  };
}
