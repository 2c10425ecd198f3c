import type { Geometry, PolygonCoords, Position, Ring } from './geo-types';
import { polygonsOf } from './geo-types';

/*
 * Even-odd ray casting (PNPOLY) with one twist: the x of an edge crossing is always
 * computed from the edge's lower endpoint to its upper one. Two tiles that share an edge
 * traverse it in opposite directions; without the canonical order they would round the
 * crossing differently and a point on the shared edge could land in both tiles or in
 * neither. With it, the half-open rule of PNPOLY assigns every such point to exactly one
 * tile, which is what grid location needs. Every point-in-polygon test in the geo module
 * (object rings and flat typed-array rings alike) uses this exact arithmetic so they agree.
 */

/** x where the edge (ax,ay)-(bx,by) crosses the horizontal line at y; caller ensures it does. */
export function crossingX(ax: number, ay: number, bx: number, by: number, y: number): number {
  return ay < by
    ? ax + ((bx - ax) * (y - ay)) / (by - ay)
    : bx + ((ax - bx) * (y - by)) / (ay - by);
}

/** Parity of ray crossings for one ring; works whether or not the ring repeats its first point. */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  const n = ring.length;
  if (n === 0) return false;
  let prev = ring[n - 1]!;
  for (let i = 0; i < n; i++) {
    const cur = ring[i]!;
    const ay = cur[1];
    const by = prev[1];
    if (ay > y !== by > y && x < crossingX(cur[0], ay, prev[0], by, y)) inside = !inside;
    prev = cur;
  }
  return inside;
}

/** Even-odd over all rings of one polygon, so holes subtract without special casing. */
export function pointInPolygonCoords(x: number, y: number, poly: PolygonCoords): boolean {
  let inside = false;
  for (const ring of poly) if (pointInRing(x, y, ring)) inside = !inside;
  return inside;
}

/** MultiPolygon parts are treated as a union: inside any part means inside. */
export function pointInGeometry(p: Position, g: Geometry): boolean {
  const [x, y] = p;
  for (const poly of polygonsOf(g)) if (pointInPolygonCoords(x, y, poly)) return true;
  return false;
}

/**
 * Flat variant for hot loops. `coords` holds x,y pairs; rings are stored open (no repeated
 * closing vertex). Rings r0..r1-1 are tested together (even-odd), ringStart[r] is the
 * offset in doubles of ring r and ringStart[r + 1] its end.
 */
export function pointInFlatRings(
  x: number,
  y: number,
  coords: Float64Array,
  ringStart: Int32Array,
  r0: number,
  r1: number,
): boolean {
  let inside = false;
  for (let r = r0; r < r1; r++) {
    const s = ringStart[r]!;
    const e = ringStart[r + 1]!;
    if (e - s < 6) continue;
    let bx = coords[e - 2]!;
    let by = coords[e - 1]!;
    for (let k = s; k < e; k += 2) {
      const ax = coords[k]!;
      const ay = coords[k + 1]!;
      if (ay > y !== by > y) {
        const cx =
          ay < by
            ? ax + ((bx - ax) * (y - ay)) / (by - ay)
            : bx + ((ax - bx) * (y - by)) / (ay - by);
        if (x < cx) inside = !inside;
      }
      bx = ax;
      by = ay;
    }
  }
  return inside;
}

/** Flat, open-ring copy of a polygon's rings for the typed-array helpers. */
export interface FlatPolygons {
  coords: Float64Array;
  /** ring → offset in doubles; length rings + 1 */
  ringStart: Int32Array;
  /** polygon → first ring; length polygons + 1 */
  polyRingStart: Int32Array;
}

/** Drops each ring's closing vertex (and any run of trailing copies of the first point). */
export function flattenPolygons(polys: readonly PolygonCoords[]): FlatPolygons {
  let nRings = 0;
  let nCoords = 0;
  for (const poly of polys) {
    nRings += poly.length;
    for (const ring of poly) nCoords += ring.length * 2;
  }
  const coords = new Float64Array(nCoords);
  const ringStart = new Int32Array(nRings + 1);
  const polyRingStart = new Int32Array(polys.length + 1);
  let o = 0;
  let r = 0;
  polys.forEach((poly, p) => {
    polyRingStart[p] = r;
    for (const ring of poly) {
      ringStart[r++] = o;
      let n = ring.length;
      const first = ring[0];
      while (
        n > 1 &&
        first !== undefined &&
        ring[n - 1]![0] === first[0] &&
        ring[n - 1]![1] === first[1]
      )
        n--;
      for (let i = 0; i < n; i++) {
        coords[o++] = ring[i]![0];
        coords[o++] = ring[i]![1];
      }
    }
  });
  ringStart[r] = o;
  polyRingStart[polys.length] = r;
  return { coords: o === nCoords ? coords : coords.slice(0, o), ringStart, polyRingStart };
}
