import Flatbush from 'flatbush';
import type { Geometry } from './geo-types';
import { polygonsOf } from './geo-types';
import { flattenPolygons, pointInFlatRings, type FlatPolygons } from './point-in-polygon';
import { pointOnSurface } from './measure';
import { segmentRelation, SEG_PROPER } from './validate-geometry';

/*
 * Coarse topology checks for area imports: does a child sit inside its parent, do
 * siblings overlap, do they leave gaps. Real boundaries are digitised by different people
 * at different scales, so every test carries a metre tolerance; exact polygon overlay
 * would flag every 30 cm wobble and is far more code than these checks need.
 */

/** Metres per degree of latitude on the mean sphere (equirectangular approximations). */
const M_PER_DEG = (Math.PI / 180) * 6371008.8;
const OVERLAP_TOLERANCE_M = 10;
const GAP_SAMPLES = 2000;
const OVERLAP_SAMPLES_PER_AXIS = 16;

/** Geometry flattened once, with a lazily built segment index for distance queries. */
class Prepared {
  readonly flat: FlatPolygons;
  readonly nPolys: number;
  readonly nSegs: number;
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  /** For vertex k, the offset (in doubles) of the vertex its boundary segment ends at. */
  private readonly next: Int32Array;
  private segIndex: Flatbush | null = null;

  constructor(g: Geometry) {
    this.flat = flattenPolygons(polygonsOf(g));
    this.nPolys = this.flat.polyRingStart.length - 1;
    const c = this.flat.coords;
    this.nSegs = c.length / 2;
    this.next = new Int32Array(this.nSegs);
    const { ringStart } = this.flat;
    for (let r = 0; r + 1 < ringStart.length; r++) {
      const s = ringStart[r]!;
      const e = ringStart[r + 1]!;
      for (let i = s; i < e; i += 2) this.next[i / 2] = i + 2 < e ? i + 2 : s;
    }
    for (let i = 0; i < c.length; i += 2) {
      const x = c[i]!;
      const y = c[i + 1]!;
      if (x < this.minX) this.minX = x;
      if (y < this.minY) this.minY = y;
      if (x > this.maxX) this.maxX = x;
      if (y > this.maxY) this.maxY = y;
    }
  }

  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    const { coords, ringStart, polyRingStart } = this.flat;
    for (let p = 0; p < this.nPolys; p++) {
      if (pointInFlatRings(x, y, coords, ringStart, polyRingStart[p]!, polyRingStart[p + 1]!))
        return true;
    }
    return false;
  }

  /** Is (x, y) within tolM metres of the boundary? */
  nearBoundary(x: number, y: number, tolM: number): boolean {
    const kx = Math.cos(y * (Math.PI / 180)) * M_PER_DEG;
    const c = this.flat.coords;
    if (this.nSegs <= 64) {
      for (let k = 0; k < this.nSegs; k++) {
        const n = this.next[k]!;
        if (segDistM(x, y, c[k * 2]!, c[k * 2 + 1]!, c[n]!, c[n + 1]!, kx) <= tolM) return true;
      }
      return false;
    }
    const index = this.segIndex ?? this.buildSegIndex();
    const dx = tolM / kx;
    const dy = tolM / M_PER_DEG;
    let found = false;
    index.search(x - dx, y - dy, x + dx, y + dy, (k) => {
      if (!found) {
        const n = this.next[k]!;
        found = segDistM(x, y, c[k * 2]!, c[k * 2 + 1]!, c[n]!, c[n + 1]!, kx) <= tolM;
      }
      return false;
    });
    return found;
  }

  private buildSegIndex(): Flatbush {
    const index = new Flatbush(this.nSegs);
    const c = this.flat.coords;
    for (let k = 0; k < this.nSegs; k++) {
      const n = this.next[k]!;
      const [ax, ay, bx, by] = [c[k * 2]!, c[k * 2 + 1]!, c[n]!, c[n + 1]!];
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    index.finish();
    this.segIndex = index;
    return index;
  }

  /** All segments as [ax, ay, bx, by] that touch the given box. */
  segmentsIn(minX: number, minY: number, maxX: number, maxY: number): number[] {
    const out: number[] = [];
    const c = this.flat.coords;
    for (let k = 0; k < this.nSegs; k++) {
      const n = this.next[k]!;
      const ax = c[k * 2]!;
      const ay = c[k * 2 + 1]!;
      const bx = c[n]!;
      const by = c[n + 1]!;
      if (Math.max(ax, bx) < minX || Math.min(ax, bx) > maxX) continue;
      if (Math.max(ay, by) < minY || Math.min(ay, by) > maxY) continue;
      out.push(ax, ay, bx, by);
    }
    return out;
  }
}

/** Distance in metres from P to segment AB, in a local equirectangular frame at P. */
function segDistM(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  kx: number,
): number {
  const x1 = (ax - px) * kx;
  const y1 = (ay - py) * M_PER_DEG;
  const x2 = (bx - px) * kx;
  const y2 = (by - py) * M_PER_DEG;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / len2));
  return Math.hypot(x1 + t * dx, y1 + t * dy);
}

/** Distance in metres from P to the infinite line through AB. */
function lineDistM(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  kx: number,
): number {
  const dx = (bx - ax) * kx;
  const dy = (by - ay) * M_PER_DEG;
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot((px - ax) * kx, (py - ay) * M_PER_DEG);
  return Math.abs(dx * (py - ay) * M_PER_DEG - dy * (px - ax) * kx) / len;
}

/**
 * Child inside parent, vertex by vertex: a vertex passes if it is inside the parent or
 * within toleranceMeters of the parent's boundary. Edges between vertices are not
 * checked; boundaries that share vertices (the usual case) make that moot.
 */
export function containedWithTolerance(
  child: Geometry,
  parent: Geometry,
  toleranceMeters: number,
): { ok: boolean; outsideFraction: number } {
  const p = new Prepared(parent);
  const c = flattenPolygons(polygonsOf(child)).coords;
  const total = c.length / 2;
  let outside = 0;
  for (let i = 0; i < c.length; i += 2) {
    const x = c[i]!;
    const y = c[i + 1]!;
    if (!p.contains(x, y) && !p.nearBoundary(x, y, toleranceMeters)) outside++;
  }
  return { ok: outside === 0, outsideFraction: total === 0 ? 0 : outside / total };
}

export interface SiblingProblems {
  overlaps: { a: string; b: string; areaKm2Approx?: number }[];
  /** Share of the parent (sampled) that no sibling covers; only with a parent. */
  gapFraction?: number;
}

/**
 * Overlaps between siblings and gaps they leave in their parent. Candidate pairs come
 * from a Flatbush over sibling bboxes, so 10,000 grids cost ~O(n log n) plus neighbours.
 */
export function findSiblingProblems(
  siblings: { code: string; geometry: Geometry }[],
  parent?: Geometry,
): SiblingProblems {
  const prepared = siblings.map((s) => new Prepared(s.geometry));
  const result: SiblingProblems = { overlaps: [] };
  if (prepared.length === 0) {
    if (parent) result.gapFraction = 1;
    return result;
  }
  const index = new Flatbush(prepared.length);
  for (const p of prepared) index.add(p.minX, p.minY, p.maxX, p.maxY);
  index.finish();

  const interior = siblings.map((s) => pointOnSurface(s.geometry));
  prepared.forEach((a, i) => {
    for (const j of index.search(a.minX, a.minY, a.maxX, a.maxY)) {
      if (j <= i) continue;
      const b = prepared[j]!;
      if (!pairOverlaps(a, b, interior[i]!, interior[j]!)) continue;
      result.overlaps.push({
        a: siblings[i]!.code,
        b: siblings[j]!.code,
        areaKm2Approx: overlapAreaKm2(a, b),
      });
    }
  });
  result.overlaps.sort((x, y) => (x.a === y.a ? cmp(x.b, y.b) : cmp(x.a, y.a)));
  if (parent) result.gapFraction = gapFraction(new Prepared(parent), prepared, index);
  return result;
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Deep inside = inside and farther than the tolerance from the boundary. */
const deepInside = (p: Prepared, x: number, y: number): boolean =>
  p.contains(x, y) && !p.nearBoundary(x, y, OVERLAP_TOLERANCE_M);

/**
 * Evidence of overlap, cheapest first: an interior point of one deep inside the other
 * (catches duplicates and nested shapes that share every vertex), any vertex deep inside
 * the other, or a significant proper edge crossing (catches "+"-shaped overlaps where no
 * vertex is inside).
 */
function pairOverlaps(
  a: Prepared,
  b: Prepared,
  ia: [number, number],
  ib: [number, number],
): boolean {
  if (deepInside(b, ia[0], ia[1]) || deepInside(a, ib[0], ib[1])) return true;
  if (anyVertexDeepInside(a, b) || anyVertexDeepInside(b, a)) return true;
  return significantCrossing(a, b);
}

function anyVertexDeepInside(a: Prepared, b: Prepared): boolean {
  const c = a.flat.coords;
  for (let i = 0; i < c.length; i += 2) if (deepInside(b, c[i]!, c[i + 1]!)) return true;
  return false;
}

/**
 * A proper crossing only counts when each segment reaches more than the tolerance past
 * the other's line at both ends; two nearly coincident boundaries that weave across each
 * other by a few metres are digitising noise, not an overlap.
 */
function significantCrossing(a: Prepared, b: Prepared): boolean {
  const minX = Math.max(a.minX, b.minX);
  const minY = Math.max(a.minY, b.minY);
  const maxX = Math.min(a.maxX, b.maxX);
  const maxY = Math.min(a.maxY, b.maxY);
  if (minX > maxX || minY > maxY) return false;
  const sa = a.segmentsIn(minX, minY, maxX, maxY);
  const sb = b.segmentsIn(minX, minY, maxX, maxY);
  for (let i = 0; i < sa.length; i += 4) {
    const [p1x, p1y, p2x, p2y] = [sa[i]!, sa[i + 1]!, sa[i + 2]!, sa[i + 3]!];
    for (let j = 0; j < sb.length; j += 4) {
      const [q1x, q1y, q2x, q2y] = [sb[j]!, sb[j + 1]!, sb[j + 2]!, sb[j + 3]!];
      if (Math.max(p1x, p2x) < Math.min(q1x, q2x) || Math.min(p1x, p2x) > Math.max(q1x, q2x))
        continue;
      if (Math.max(p1y, p2y) < Math.min(q1y, q2y) || Math.min(p1y, p2y) > Math.max(q1y, q2y))
        continue;
      if (segmentRelation(p1x, p1y, p2x, p2y, q1x, q1y, q2x, q2y) !== SEG_PROPER) continue;
      const kx = Math.cos(p1y * (Math.PI / 180)) * M_PER_DEG;
      const reachP = Math.min(
        lineDistM(p1x, p1y, q1x, q1y, q2x, q2y, kx),
        lineDistM(p2x, p2y, q1x, q1y, q2x, q2y, kx),
      );
      const reachQ = Math.min(
        lineDistM(q1x, q1y, p1x, p1y, p2x, p2y, kx),
        lineDistM(q2x, q2y, p1x, p1y, p2x, p2y, kx),
      );
      if (reachP > OVERLAP_TOLERANCE_M && reachQ > OVERLAP_TOLERANCE_M) return true;
    }
  }
  return false;
}

/** Sampled estimate over the intersection of the two bboxes; rough by design. */
function overlapAreaKm2(a: Prepared, b: Prepared): number {
  const minX = Math.max(a.minX, b.minX);
  const minY = Math.max(a.minY, b.minY);
  const maxX = Math.min(a.maxX, b.maxX);
  const maxY = Math.min(a.maxY, b.maxY);
  const n = OVERLAP_SAMPLES_PER_AXIS;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = minX + ((i + 0.5) / n) * (maxX - minX);
      const y = minY + ((j + 0.5) / n) * (maxY - minY);
      if (a.contains(x, y) && b.contains(x, y)) hits++;
    }
  }
  const kx = Math.cos(((minY + maxY) / 2) * (Math.PI / 180)) * M_PER_DEG;
  const boxKm2 = ((maxX - minX) * kx * (maxY - minY) * M_PER_DEG) / 1e6;
  return Number(((hits / (n * n)) * boxKm2).toFixed(6));
}

/** Deterministic lattice of ~2,000 samples over the parent bbox, cells roughly square. */
function gapFraction(parent: Prepared, siblings: Prepared[], index: Flatbush): number {
  const kx = Math.cos(((parent.minY + parent.maxY) / 2) * (Math.PI / 180));
  const w = Math.max((parent.maxX - parent.minX) * kx, 1e-12);
  const h = Math.max(parent.maxY - parent.minY, 1e-12);
  const nx = Math.max(1, Math.round(Math.sqrt((GAP_SAMPLES * w) / h)));
  const ny = Math.max(1, Math.round(GAP_SAMPLES / nx));
  let inParent = 0;
  let uncovered = 0;
  let covered = false;
  let qx = 0;
  let qy = 0;
  const visit = (k: number): boolean => {
    if (!covered) covered = siblings[k]!.contains(qx, qy);
    return false;
  };
  for (let j = 0; j < ny; j++) {
    qy = parent.minY + ((j + 0.5) / ny) * (parent.maxY - parent.minY);
    for (let i = 0; i < nx; i++) {
      qx = parent.minX + ((i + 0.5) / nx) * (parent.maxX - parent.minX);
      if (!parent.contains(qx, qy)) continue;
      inParent++;
      covered = false;
      index.search(qx, qy, qx, qy, visit);
      if (!covered) uncovered++;
    }
  }
  return inParent === 0 ? 0 : uncovered / inParent;
}
