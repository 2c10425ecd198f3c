import type { BBox, Geometry, PolygonCoords, Position, Ring } from './geo-types';
import { polygonsOf } from './geo-types';
import { crossingX } from './point-in-polygon';

/*
 * Area uses the WGS84 ellipsoid through its authalic (equal-area) sphere: latitudes are
 * mapped to authalic latitudes and the usual spherical trapezoid sum is taken on a sphere
 * of the authalic radius. For graticule-aligned cells this is exact (1°×1° at the equator
 * = 12,308.46 km²); a plain sphere of radius 6378137 overstates it by ~0.7 % (12,391 km²),
 * which is visible when officials compare against published area figures.
 */

const A = 6378137; // WGS84 semi-major axis, metres
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const DEG = Math.PI / 180;

function q(sinPhi: number): number {
  const es = E * sinPhi;
  return (1 - E2) * (sinPhi / (1 - es * es) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}
const QP = q(1);
/** Authalic radius squared, m² (R_q ≈ 6,371,007.2 m). */
const RQ2 = (A * A * QP) / 2;

/** sin of the authalic latitude for a geodetic latitude in degrees. */
function sinAuthalic(latDeg: number): number {
  return q(Math.sin(latDeg * DEG)) / QP;
}

/** Unsigned area of one ring in m². */
function ringAreaM2(ring: Ring): number {
  const n = ring.length;
  if (n < 3) return 0;
  // Offsetting by the first vertex keeps the sum well conditioned for small rings;
  // a constant shift in y does not change a closed trapezoid sum.
  const y0 = sinAuthalic(ring[0]![1]);
  let sum = 0;
  let prev = ring[n - 1]!;
  let prevY = sinAuthalic(prev[1]) - y0;
  for (let i = 0; i < n; i++) {
    const cur = ring[i]!;
    const curY = sinAuthalic(cur[1]) - y0;
    sum += (cur[0] - prev[0]) * DEG * (curY + prevY);
    prev = cur;
    prevY = curY;
  }
  return Math.abs((sum * RQ2) / 2);
}

function polygonAreaM2(poly: PolygonCoords): number {
  let area = 0;
  poly.forEach((ring, i) => {
    area += i === 0 ? ringAreaM2(ring) : -ringAreaM2(ring);
  });
  return Math.max(0, area);
}

/** Geodesic area in km², holes subtracted, MultiPolygon parts summed. */
export function areaKm2(g: Geometry): number {
  let m2 = 0;
  for (const poly of polygonsOf(g)) m2 += polygonAreaM2(poly);
  return m2 / 1e6;
}

export function bbox(g: Geometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Planar shoelace terms relative to an origin: [signed area, Σx-moment, Σy-moment]. */
function ringMoments(ring: Ring, ox: number, oy: number): [number, number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const n = ring.length;
  let prev = ring[n - 1]!;
  for (let i = 0; i < n; i++) {
    const cur = ring[i]!;
    const x0 = prev[0] - ox;
    const y0 = prev[1] - oy;
    const x1 = cur[0] - ox;
    const y1 = cur[1] - oy;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
    prev = cur;
  }
  return [a / 2, cx / 6, cy / 6];
}

/**
 * Area-weighted centroid in degrees. Computed in the lng/lat plane: the centroid is
 * invariant under the cos(lat) x-scaling, so at grid/district scale the only error is the
 * change of that scale across the polygon, far below a metre. Holes subtract whatever
 * their winding. May lie outside a concave polygon; use pointOnSurface for a label point.
 */
export function centroid(g: Geometry): Position {
  const polys = polygonsOf(g);
  const origin = polys[0]?.[0]?.[0];
  if (origin === undefined) return [NaN, NaN];
  const [ox, oy] = origin;
  let area = 0;
  let mx = 0;
  let my = 0;
  for (const poly of polys) {
    poly.forEach((ring, i) => {
      const [a, cx, cy] = ringMoments(ring, ox, oy);
      // Normalise winding: shells add, holes subtract.
      const s = (i === 0 ? 1 : -1) * Math.sign(a);
      area += s * a;
      mx += s * cx;
      my += s * cy;
    });
  }
  if (area === 0) {
    // Degenerate (zero-area) input: fall back to the vertex average.
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (const poly of polys) {
      for (const ring of poly) {
        for (const [x, y] of ring) {
          sx += x;
          sy += y;
          n++;
        }
      }
    }
    return [sx / n, sy / n];
  }
  return [ox + mx / area, oy + my / area];
}

/**
 * A point guaranteed to lie inside the geometry (per pointInGeometry), for labels and for
 * "does this grid locate back to itself" checks. Takes the largest part, scans it with a
 * horizontal line through its middle that avoids every vertex (halfway between the
 * nearest vertex latitudes either side of the centre, as JTS InteriorPointArea does) and
 * returns the midpoint of the widest inside interval.
 */
export function pointOnSurface(g: Geometry): Position {
  let best: PolygonCoords | undefined;
  let bestArea = -1;
  for (const poly of polygonsOf(g)) {
    const a = polygonAreaM2(poly);
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  if (best === undefined || best[0] === undefined) return [NaN, NaN];
  const [, minY, , maxY] = bbox({ type: 'Polygon', coordinates: best });
  const mid = (minY + maxY) / 2;
  let lo = -Infinity;
  let hi = Infinity;
  for (const ring of best) {
    for (const [, y] of ring) {
      if (y <= mid && y > lo) lo = y;
      if (y > mid && y < hi) hi = y;
    }
  }
  const scanY = Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : mid;
  const xs: number[] = [];
  for (const ring of best) {
    const n = ring.length;
    let prev = ring[n - 1]!;
    for (let i = 0; i < n; i++) {
      const cur = ring[i]!;
      if (cur[1] > scanY !== prev[1] > scanY)
        xs.push(crossingX(cur[0], cur[1], prev[0], prev[1], scanY));
      prev = cur;
    }
  }
  xs.sort((a, b) => a - b);
  let widest = -1;
  let px = NaN;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = xs[i + 1]! - xs[i]!;
    if (w > widest) {
      widest = w;
      px = (xs[i]! + xs[i + 1]!) / 2;
    }
  }
  return widest > 0 ? [px, scanY] : centroid({ type: 'Polygon', coordinates: best });
}
