import type { AreaLevel, PublicAreaCollection } from '@wangge/shared';
import { FULL_SCOPE } from '../../core/auth/area-scope';
import type { createAreasRepo } from './areas.repo';
import type { Geometry, Position } from './geo/geo-types';

type Repo = ReturnType<typeof createAreasRepo>;

/** Boundaries and names change with an import, a few times a year: a minute's staleness costs nothing. */
const TTL_MS = 60_000;
/** 5 decimals of a degree ≈ 1 m: finer than a tap on a phone map, and a third of the digits. */
const QUANTUM = 1e5;

/** A ring with coordinates rounded to ~1 m and the points that then repeat dropped (closing point kept). */
function quantiseRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = [
      Math.round(p[0]! * QUANTUM) / QUANTUM,
      Math.round(p[1]! * QUANTUM) / QUANTUM,
    ];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 4 ? out : ring;
}

/** The geometry as the public map draws it: ~1 m precision, no repeated points. */
export function simplifyForPublic(g: Geometry): Geometry {
  if (g.type === 'Polygon')
    return { type: 'Polygon', coordinates: g.coordinates.map(quantiseRing) };
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((poly) => poly.map(quantiseRing)),
  };
}

/**
 * What anyone may know of the areas, for the citizen portal: outlines, codes, names and levels, and a label point to
 * file a report at. Never the staff of an area, their phones, versions or anything else: those stay behind a login.
 */
export function createPublicAreas(repo: Repo, nowMs: () => number = Date.now) {
  const boundaryCache = new Map<AreaLevel, { at: number; fc: PublicAreaCollection }>();
  let names: { at: number; byCode: Map<string, { name: string; level: AreaLevel }> } | null = null;

  async function nameIndex() {
    if (names && nowMs() - names.at < TTL_MS) return names.byCode;
    const rows = await repo.listNodes(FULL_SCOPE);
    names = {
      at: nowMs(),
      byCode: new Map(rows.map((r) => [r.code, { name: r.name, level: r.level }])),
    };
    return names.byCode;
  }

  /** 街道 社区 网格: the names of a code's ancestors below the district, then its own. */
  async function pathText(code: string): Promise<string> {
    const byCode = await nameIndex();
    const parts: string[] = [];
    for (const len of [9, 12, 14, 15, code.length])
      if (len <= code.length) {
        const n = byCode.get(code.slice(0, len));
        if (n && parts[parts.length - 1] !== n.name) parts.push(n.name);
      }
    return parts.join(' ');
  }

  return {
    async publicBoundaries(level: AreaLevel): Promise<PublicAreaCollection> {
      const hit = boundaryCache.get(level);
      if (hit && nowMs() - hit.at < TTL_MS) return hit.fc;
      const rows = await repo.listWithGeometry(FULL_SCOPE, { level });
      const fc: PublicAreaCollection = {
        type: 'FeatureCollection',
        features: rows.map((r) => ({
          type: 'Feature',
          id: r.code,
          properties: { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code },
          geometry: simplifyForPublic(JSON.parse(r.geometry) as Geometry),
        })),
      };
      boundaryCache.set(level, { at: nowMs(), fc });
      return fc;
    },

    /** Communities and grids by name (streets too), each with the point a report there is filed at. */
    async publicAreaSearch(text: string, limit: number) {
      const rows = (await repo.search(FULL_SCOPE, text, limit * 2)).filter(
        (r) => r.level !== 'district' && r.name.includes(text),
      );
      const withPoints = await repo.findCurrentByCodes(
        FULL_SCOPE,
        rows.slice(0, limit).map((r) => r.code),
        true,
      );
      return Promise.all(
        withPoints.map(async (r) => ({
          code: r.code,
          level: r.level,
          text: await pathText(r.code),
          lng: r.center_x,
          lat: r.center_y,
        })),
      );
    },

    /** Communities and grids with their parents, for the last-resort picker. */
    async publicAreaList() {
      const rows = await repo.listNodes(FULL_SCOPE);
      return rows
        .filter((r) => r.level !== 'district')
        .map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }));
    },

    /** The label point (inside the area) and path of a current area, or null for an unknown code. */
    async publicAreaPoint(code: string) {
      const row = await repo.findCurrentByCode(FULL_SCOPE, code);
      if (!row || row.level === 'district') return null;
      return { lng: row.center_x, lat: row.center_y, text: await pathText(code), level: row.level };
    },

    /** Path names of area codes (a search hit's community or grid). */
    publicAreaText: pathText,
  };
}
