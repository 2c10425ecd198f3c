import Flatbush from 'flatbush';
import type { Geometry, PolygonCoords, Position, Ring } from './geo-types';
import { pointInRing } from './point-in-polygon';

/*
 * Validation of uploaded area boundaries. Problems are short English strings with a stable
 * snake_case prefix ("self_intersection: …") so the UI can translate by prefix and humans
 * can still read the raw text. Structural problems (types, coordinates, ring size, closure)
 * are reported first; topology checks only run on polygons whose structure is sound.
 */

export type ValidationResult = { ok: true; geometry: Geometry } | { ok: false; problems: string[] };

/** How two segments relate; plain numbers because the hot loops compare them a lot. */
export const SEG_NONE = 0;
export const SEG_TOUCH = 1; // share a single point (endpoint on the other, or collinear end-to-end)
export const SEG_PROPER = 2; // cross at a point interior to both
export const SEG_OVERLAP = 3; // collinear with a common stretch of positive length

export function orient(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function within(a: number, b: number, v: number): boolean {
  return a <= b ? a <= v && v <= b : b <= v && v <= a;
}

function onSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  px: number,
  py: number,
): boolean {
  return within(ax, bx, px) && within(ay, by, py);
}

export function segmentRelation(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  q1x: number,
  q1y: number,
  q2x: number,
  q2y: number,
): number {
  const d1 = orient(q1x, q1y, q2x, q2y, p1x, p1y);
  const d2 = orient(q1x, q1y, q2x, q2y, p2x, p2y);
  const d3 = orient(p1x, p1y, p2x, p2y, q1x, q1y);
  const d4 = orient(p1x, p1y, p2x, p2y, q2x, q2y);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return SEG_PROPER;
  }
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // Collinear: compare the projections on the axis the segments extend along most.
    const useX =
      Math.abs(p2x - p1x) + Math.abs(q2x - q1x) >= Math.abs(p2y - p1y) + Math.abs(q2y - q1y);
    const [pa, pb, qa, qb] = useX ? [p1x, p2x, q1x, q2x] : [p1y, p2y, q1y, q2y];
    const lo = Math.max(Math.min(pa, pb), Math.min(qa, qb));
    const hi = Math.min(Math.max(pa, pb), Math.max(qa, qb));
    return hi > lo ? SEG_OVERLAP : hi === lo ? SEG_TOUCH : SEG_NONE;
  }
  if (
    (d1 === 0 && onSegment(q1x, q1y, q2x, q2y, p1x, p1y)) ||
    (d2 === 0 && onSegment(q1x, q1y, q2x, q2y, p2x, p2y)) ||
    (d3 === 0 && onSegment(p1x, p1y, p2x, p2y, q1x, q1y)) ||
    (d4 === 0 && onSegment(p1x, p1y, p2x, p2y, q2x, q2y))
  ) {
    return SEG_TOUCH;
  }
  return SEG_NONE;
}

const fmt = (v: number): number => Number(v.toFixed(6));
const at = (x: number, y: number): string => `[${fmt(x)}, ${fmt(y)}]`;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function validateGeometry(g: unknown): ValidationResult {
  const problems: string[] = [];
  if (!isObj(g)) return { ok: false, problems: ['invalid_type: geometry is not an object'] };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return {
      ok: false,
      problems: [`invalid_type: expected Polygon or MultiPolygon, got ${String(g.type)}`],
    };
  }
  const raw = g.coordinates;
  if (!Array.isArray(raw) || raw.length === 0) {
    return { ok: false, problems: ['invalid_structure: coordinates must be a non-empty array'] };
  }
  const rawPolys: unknown[] = g.type === 'Polygon' ? [raw] : raw;
  const polys: PolygonCoords[] = [];
  rawPolys.forEach((rawPoly, pi) => {
    if (!Array.isArray(rawPoly) || rawPoly.length === 0) {
      problems.push(`invalid_structure: polygon ${pi} must be a non-empty array of rings`);
      return;
    }
    const poly: PolygonCoords = [];
    let sound = true;
    rawPoly.forEach((rawRing: unknown, ri) => {
      const ring = readRing(rawRing, `ring ${ri} of polygon ${pi}`, problems);
      if (ring === null) sound = false;
      else poly.push(ring);
    });
    if (sound) {
      problems.push(...polygonTopologyProblems(poly, pi));
      polys.push(poly);
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const geometry: Geometry =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polys[0]! }
      : { type: 'MultiPolygon', coordinates: polys };
  return { ok: true, geometry };
}

/** Copies a ring to 2-D positions (altitude dropped), or records why it cannot be used. */
function readRing(raw: unknown, where: string, problems: string[]): Ring | null {
  if (!Array.isArray(raw)) {
    problems.push(`invalid_structure: ${where} is not an array of positions`);
    return null;
  }
  const ring: Ring = [];
  for (let i = 0; i < raw.length; i++) {
    const p: unknown = raw[i];
    const x: unknown = Array.isArray(p) ? p[0] : undefined;
    const y: unknown = Array.isArray(p) ? p[1] : undefined;
    if (
      typeof x !== 'number' ||
      typeof y !== 'number' ||
      !Number.isFinite(x) ||
      !Number.isFinite(y)
    ) {
      // One report per ring: a broken ring usually has many broken positions.
      problems.push(`invalid_coordinate: ${where}, position ${i} is not a finite [lng, lat]`);
      return null;
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      problems.push(`invalid_coordinate: ${where}, position ${i} ${at(x, y)} is out of range`);
      return null;
    }
    ring.push([x, y]);
  }
  if (ring.length < 4) {
    problems.push(`too_few_positions: ${where} has ${ring.length}, needs at least 4`);
    return null;
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.push(`ring_not_closed: ${where}`);
    return null;
  }
  return ring;
}

/** Ring without its closing point and without consecutive duplicates (harmless, but they
 *  would create zero-length segments that confuse the adjacency rules below). */
function distinctVertices(ring: Ring): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i]!;
    const prev = out[out.length - 1];
    if (prev === undefined || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  const head = out[0];
  while (
    out.length > 1 &&
    head !== undefined &&
    out[out.length - 1]![0] === head[0] &&
    out[out.length - 1]![1] === head[1]
  )
    out.pop();
  return out;
}

/**
 * Self-intersections inside each ring, crossings between rings, and holes outside the
 * shell. All segments of the polygon go into one Flatbush so a 5,000-vertex ring costs
 * O(n log n) plus the genuinely close pairs instead of O(n²).
 */
function polygonTopologyProblems(poly: PolygonCoords, pi: number): string[] {
  const problems: string[] = [];
  const rings = poly.map(distinctVertices);
  let m = 0;
  for (const [ri, r] of rings.entries()) {
    if (r.length < 3)
      problems.push(
        `too_few_positions: ring ${ri} of polygon ${pi} has fewer than 3 distinct positions`,
      );
    m += r.length;
  }
  if (problems.length > 0) return problems;

  // Segment k runs from vertex k to the next vertex of the same ring (wrapping).
  const seg = new Float64Array(m * 4);
  const segRing = new Int32Array(m);
  const segLocal = new Int32Array(m);
  let k = 0;
  rings.forEach((r, ri) => {
    for (let i = 0; i < r.length; i++) {
      const a = r[i]!;
      const b = r[(i + 1) % r.length]!;
      seg.set([a[0], a[1], b[0], b[1]], k * 4);
      segRing[k] = ri;
      segLocal[k] = i;
      k++;
    }
  });

  const selfHits = new Map<number, { count: number; where: string }>();
  const crossHits = new Map<string, string>();
  const check = (i: number, j: number): void => {
    const ri = segRing[i]!;
    const rj = segRing[j]!;
    const rel = segmentRelation(
      seg[i * 4]!,
      seg[i * 4 + 1]!,
      seg[i * 4 + 2]!,
      seg[i * 4 + 3]!,
      seg[j * 4]!,
      seg[j * 4 + 1]!,
      seg[j * 4 + 2]!,
      seg[j * 4 + 3]!,
    );
    if (rel === SEG_NONE) return;
    if (ri === rj) {
      const n = rings[ri]!.length;
      const d = Math.abs(segLocal[i]! - segLocal[j]!);
      const adjacent = d === 1 || d === n - 1;
      // Neighbours always touch at their shared vertex; only folding back onto each other is wrong.
      if (adjacent && rel !== SEG_OVERLAP) return;
      const hit = selfHits.get(ri);
      if (hit) hit.count++;
      else selfHits.set(ri, { count: 1, where: hitPoint(seg, i, j, rel) });
    } else if (rel === SEG_PROPER || rel === SEG_OVERLAP) {
      // Rings may touch at a point (OGC), but must not cross or share a stretch of boundary.
      const key = `${Math.min(ri, rj)}:${Math.max(ri, rj)}`;
      if (!crossHits.has(key)) crossHits.set(key, hitPoint(seg, i, j, rel));
    }
  };

  if (m <= 64) {
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) check(i, j);
  } else {
    const index = new Flatbush(m);
    for (let i = 0; i < m; i++) {
      const o = i * 4;
      index.add(
        Math.min(seg[o]!, seg[o + 2]!),
        Math.min(seg[o + 1]!, seg[o + 3]!),
        Math.max(seg[o]!, seg[o + 2]!),
        Math.max(seg[o + 1]!, seg[o + 3]!),
      );
    }
    index.finish();
    let cur = 0;
    // Reports through the filter and returns false, so search never builds a result list.
    const visit = (j: number): boolean => {
      if (j > cur) check(cur, j);
      return false;
    };
    for (cur = 0; cur < m; cur++) {
      const o = cur * 4;
      index.search(
        Math.min(seg[o]!, seg[o + 2]!),
        Math.min(seg[o + 1]!, seg[o + 3]!),
        Math.max(seg[o]!, seg[o + 2]!),
        Math.max(seg[o + 1]!, seg[o + 3]!),
        visit,
      );
    }
  }

  for (const [ri, hit] of [...selfHits.entries()].sort((a, b) => a[0] - b[0])) {
    const more = hit.count > 1 ? ` (${hit.count} intersecting segment pairs)` : '';
    problems.push(`self_intersection: ring ${ri} of polygon ${pi} near ${hit.where}${more}`);
  }
  for (const [key, where] of crossHits) {
    const [a, b] = key.split(':');
    problems.push(`ring_crossing: rings ${a} and ${b} of polygon ${pi} cross near ${where}`);
  }
  // Containment is only meaningful once rings are known not to cross: then a hole is
  // wholly inside or wholly outside, and a sample of its vertices decides which.
  if (crossHits.size === 0) {
    const shell = rings[0]!;
    for (let h = 1; h < rings.length; h++) {
      const hole = rings[h]!;
      const step = Math.max(1, Math.floor(hole.length / 15));
      let outside = 0;
      let total = 0;
      for (let i = 0; i < hole.length; i += step, total++) {
        const p = hole[i]!;
        if (!pointInRing(p[0], p[1], shell)) outside++;
      }
      if (outside * 2 > total) problems.push(`hole_outside_shell: ring ${h} of polygon ${pi}`);
    }
  }
  return problems;
}

function hitPoint(seg: Float64Array, i: number, j: number, rel: number): string {
  const [p1x, p1y, p2x, p2y] = [seg[i * 4]!, seg[i * 4 + 1]!, seg[i * 4 + 2]!, seg[i * 4 + 3]!];
  const [q1x, q1y, q2x, q2y] = [seg[j * 4]!, seg[j * 4 + 1]!, seg[j * 4 + 2]!, seg[j * 4 + 3]!];
  if (rel === SEG_PROPER) {
    const d1 = orient(q1x, q1y, q2x, q2y, p1x, p1y);
    const d2 = orient(q1x, q1y, q2x, q2y, p2x, p2y);
    const t = d1 / (d1 - d2);
    return at(p1x + t * (p2x - p1x), p1y + t * (p2y - p1y));
  }
  // Touch or overlap: some endpoint lies on the other segment.
  if (onSegment(q1x, q1y, q2x, q2y, p1x, p1y) && orient(q1x, q1y, q2x, q2y, p1x, p1y) === 0)
    return at(p1x, p1y);
  if (onSegment(q1x, q1y, q2x, q2y, p2x, p2y) && orient(q1x, q1y, q2x, q2y, p2x, p2y) === 0)
    return at(p2x, p2y);
  if (onSegment(p1x, p1y, p2x, p2y, q1x, q1y) && orient(p1x, p1y, p2x, p2y, q1x, q1y) === 0)
    return at(q1x, q1y);
  return at(q2x, q2y);
}
