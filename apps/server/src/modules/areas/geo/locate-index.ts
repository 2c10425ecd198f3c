import Flatbush from 'flatbush';
import type { Geometry, Position } from './geo-types';
import { polygonsOf } from './geo-types';
import { flattenPolygons, pointInFlatRings } from './point-in-polygon';

/*
 * Point → leaf grid lookup, the hottest geo path (every event report and every patrol
 * track point goes through it). Built once per area-tree version and then only read.
 *
 * Layout: one Flatbush entry per polygon part. After the Flatbush has sorted the parts
 * along its Hilbert curve, all ring coordinates are copied into one Float64Array in that
 * same order, so a leaf's slot in the tree is directly its slot in our arrays (no
 * indirection) and neighbouring grids sit next to each other in memory.
 *
 * Queries walk the packed tree themselves with a preallocated stack instead of calling
 * Flatbush#search, which allocates a queue and a result array per call. This reads
 * Flatbush's documented-in-typings fields (_boxes, _indices, _levelBounds, nodeSize);
 * the test suite cross-checks the walk against Flatbush#search so an upgrade that changes
 * the layout fails loudly rather than silently mislocating.
 */

export interface LocateItem {
  id: string;
  geometry: Geometry;
}

export class LocateIndex {
  /** Number of items (not polygon parts). */
  readonly size: number;
  private readonly ids: string[];
  private readonly numParts: number;
  private readonly nodeSize: number;
  private readonly boxes: Float64Array;
  private readonly indices: Uint16Array | Uint32Array;
  private readonly levelBounds: Int32Array;
  /** slot → item index */
  private readonly slotItem: Int32Array;
  /** slot → first ring; length parts + 1 */
  private readonly slotRing: Int32Array;
  /** ring → offset in doubles into coords; length rings + 1 */
  private readonly ringStart: Int32Array;
  private readonly coords: Float64Array;
  /** Traversal stack, reused by every query (queries are synchronous, so never shared). */
  private readonly stack: Int32Array;

  constructor(items: readonly LocateItem[]) {
    this.size = items.length;
    this.ids = items.map((it) => it.id);
    const parts: { item: number; flat: ReturnType<typeof flattenPolygons>; box: number[] }[] = [];
    items.forEach((it, item) => {
      for (const poly of polygonsOf(it.geometry)) {
        const flat = flattenPolygons([poly]);
        const shellEnd = flat.ringStart[1] ?? 0;
        if (shellEnd < 6) continue; // not a polygon; it could never contain a point
        const box = [Infinity, Infinity, -Infinity, -Infinity];
        for (let i = 0; i < shellEnd; i += 2) {
          const x = flat.coords[i]!;
          const y = flat.coords[i + 1]!;
          box[0] = Math.min(box[0]!, x);
          box[1] = Math.min(box[1]!, y);
          box[2] = Math.max(box[2]!, x);
          box[3] = Math.max(box[3]!, y);
        }
        parts.push({ item, flat, box });
      }
    });
    this.numParts = parts.length;
    const index = new Flatbush(Math.max(1, parts.length), 16, Float64Array);
    if (parts.length === 0) index.add(Infinity, Infinity, -Infinity, -Infinity);
    for (const p of parts) index.add(p.box[0]!, p.box[1]!, p.box[2]!, p.box[3]!);
    index.finish();
    this.nodeSize = index.nodeSize;
    this.boxes = index._boxes as Float64Array;
    this.indices = index._indices;
    this.levelBounds = Int32Array.from(index._levelBounds);

    // Copy geometry in leaf (Hilbert) order: slot s holds the part Flatbush put at leaf s.
    let nRings = 0;
    let nCoords = 0;
    for (const p of parts) {
      nRings += p.flat.ringStart.length - 1;
      nCoords += p.flat.coords.length;
    }
    this.slotItem = new Int32Array(parts.length);
    this.slotRing = new Int32Array(parts.length + 1);
    this.ringStart = new Int32Array(nRings + 1);
    this.coords = new Float64Array(nCoords);
    let r = 0;
    let o = 0;
    for (let s = 0; s < parts.length; s++) {
      const p = parts[this.indices[s]!]!;
      this.slotItem[s] = p.item;
      this.slotRing[s] = r;
      const rs = p.flat.ringStart;
      for (let k = 0; k + 1 < rs.length; k++) this.ringStart[r++] = o + rs[k]!;
      this.coords.set(p.flat.coords, o);
      o += p.flat.coords.length;
    }
    this.slotRing[parts.length] = r;
    this.ringStart[r] = o;
    // Depth-first needs at most nodeSize entries per level.
    this.stack = new Int32Array(this.nodeSize * this.levelBounds.length + 1);
  }

  /** Id of the grid containing the point; when grids overlap, the earliest in input order. */
  locate(lng: number, lat: number): string | null {
    if (this.numParts === 0) return null;
    const boxes = this.boxes;
    const indices = this.indices;
    const stack = this.stack;
    const leafEnd = this.numParts * 4;
    const nodeSpan = this.nodeSize * 4;
    let best = 0x7fffffff;
    let sp = 0;
    const root = boxes.length - 4;
    // Written as negated >= so NaN coordinates bail out here instead of matching every box.
    if (
      !(
        lng >= boxes[root]! &&
        lat >= boxes[root + 1]! &&
        lng <= boxes[root + 2]! &&
        lat <= boxes[root + 3]!
      )
    )
      return null;
    stack[sp++] = root;
    while (sp > 0) {
      const node = stack[--sp]!;
      const end = Math.min(node + nodeSpan, this.levelEnd(node));
      for (let pos = node; pos < end; pos += 4) {
        if (
          lng < boxes[pos]! ||
          lat < boxes[pos + 1]! ||
          lng > boxes[pos + 2]! ||
          lat > boxes[pos + 3]!
        )
          continue;
        if (node >= leafEnd) {
          stack[sp++] = indices[pos >> 2]!;
          continue;
        }
        const slot = pos >> 2;
        const item = this.slotItem[slot]!;
        if (item >= best) continue;
        if (
          pointInFlatRings(
            lng,
            lat,
            this.coords,
            this.ringStart,
            this.slotRing[slot]!,
            this.slotRing[slot + 1]!,
          )
        ) {
          best = item;
        }
      }
    }
    return best === 0x7fffffff ? null : this.ids[best]!;
  }

  /** Every grid containing the point, in input order, each id once. */
  locateAll(lng: number, lat: number): string[] {
    if (this.numParts === 0 || Number.isNaN(lng) || Number.isNaN(lat)) return [];
    const hits = new Set<number>();
    const boxes = this.boxes;
    const stack = this.stack;
    const leafEnd = this.numParts * 4;
    let sp = 0;
    stack[sp++] = boxes.length - 4;
    while (sp > 0) {
      const node = stack[--sp]!;
      const end = Math.min(node + this.nodeSize * 4, this.levelEnd(node));
      for (let pos = node; pos < end; pos += 4) {
        if (
          lng < boxes[pos]! ||
          lat < boxes[pos + 1]! ||
          lng > boxes[pos + 2]! ||
          lat > boxes[pos + 3]!
        )
          continue;
        if (node >= leafEnd) {
          stack[sp++] = this.indices[pos >> 2]!;
        } else {
          const slot = pos >> 2;
          if (
            pointInFlatRings(
              lng,
              lat,
              this.coords,
              this.ringStart,
              this.slotRing[slot]!,
              this.slotRing[slot + 1]!,
            )
          ) {
            hits.add(this.slotItem[slot]!);
          }
        }
      }
    }
    return [...hits].sort((a, b) => a - b).map((i) => this.ids[i]!);
  }

  /** Candidate item indices whose part bboxes contain the point (test hook for the walk). */
  candidateItems(lng: number, lat: number): number[] {
    const out: number[] = [];
    if (this.numParts === 0) return out;
    const boxes = this.boxes;
    const leafEnd = this.numParts * 4;
    const todo = [boxes.length - 4];
    for (let node = todo.pop(); node !== undefined; node = todo.pop()) {
      const end = Math.min(node + this.nodeSize * 4, this.levelEnd(node));
      for (let pos = node; pos < end; pos += 4) {
        if (
          lng < boxes[pos]! ||
          lat < boxes[pos + 1]! ||
          lng > boxes[pos + 2]! ||
          lat > boxes[pos + 3]!
        )
          continue;
        if (node >= leafEnd) todo.push(this.indices[pos >> 2]!);
        else out.push(this.slotItem[pos >> 2]!);
      }
    }
    return out.sort((a, b) => a - b);
  }

  /** End (exclusive, in box units) of the tree level a node starts in. */
  private levelEnd(node: number): number {
    const lb = this.levelBounds;
    for (let i = 0; i < lb.length; i++) if (lb[i]! > node) return lb[i]!;
    return lb[lb.length - 1]!;
  }
}

/**
 * Benchmark baseline: the simplest reasonable flatbush + ray-casting locate over outer
 * rings, as one would write it without caring about allocation. Returns the index of the
 * first containing polygon in search order, or -1.
 */
export function bareLocateBaseline(polygons: Position[][]): (lng: number, lat: number) => number {
  const index = new Flatbush(Math.max(1, polygons.length));
  if (polygons.length === 0) index.add(Infinity, Infinity, -Infinity, -Infinity);
  const rings = polygons.map((ring) => {
    const flat = new Float64Array(ring.length * 2);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    ring.forEach(([x, y], i) => {
      flat[i * 2] = x;
      flat[i * 2 + 1] = y;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    });
    index.add(minX, minY, maxX, maxY);
    return flat;
  });
  index.finish();
  return (lng, lat) => {
    for (const i of index.search(lng, lat, lng, lat)) {
      const r = rings[i]!;
      let inside = false;
      for (let a = 0, b = r.length - 2; a < r.length; b = a, a += 2) {
        const xa = r[a]!;
        const ya = r[a + 1]!;
        const xb = r[b]!;
        const yb = r[b + 1]!;
        if (ya > lat !== yb > lat && lng < ((xb - xa) * (lat - ya)) / (yb - ya) + xa)
          inside = !inside;
      }
      if (inside) return i;
    }
    return -1;
  };
}
