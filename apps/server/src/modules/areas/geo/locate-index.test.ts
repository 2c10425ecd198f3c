import { describe, expect, it } from 'vitest';
import type { Geometry, Position, Ring } from './geo-types';
import { polygonsOf } from './geo-types';
import { bareLocateBaseline, LocateIndex, type LocateItem } from './locate-index';
import { pointInGeometry, pointInRing } from './point-in-polygon';
import { SeededRandom } from '../../../core/seeded-random';

/** Irregular star-shaped ring around (cx, cy). */
function blob(rng: SeededRandom, cx: number, cy: number, r: number, n: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const rr = r * rng.range(0.4, 1);
    ring.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

/** A mix of overlapping blobs, blobs with holes and multipolygons. */
function items(seed: number, count: number): LocateItem[] {
  const rng = new SeededRandom(seed);
  const out: LocateItem[] = [];
  for (let i = 0; i < count; i++) {
    const cx = rng.range(113, 114);
    const cy = rng.range(34, 35);
    const kind = rng.int(0, 3);
    let geometry: Geometry;
    if (kind === 0) {
      geometry = {
        type: 'MultiPolygon',
        coordinates: [[blob(rng, cx, cy, 0.04, 12)], [blob(rng, cx + 0.1, cy, 0.03, 8)]],
      };
    } else if (kind === 1) {
      // Shell radius ≥ 0.4 × 0.06 = 0.024 > hole radius 0.02: the hole stays inside.
      geometry = {
        type: 'Polygon',
        coordinates: [blob(rng, cx, cy, 0.06, 30), blob(rng, cx, cy, 0.02, 6)],
      };
    } else {
      geometry = { type: 'Polygon', coordinates: [blob(rng, cx, cy, 0.05, rng.int(5, 40))] };
    }
    out.push({ id: `g${i}`, geometry });
  }
  return out;
}

describe('LocateIndex', () => {
  const list = items(9, 800);
  const index = new LocateIndex(list);

  it('agrees with brute force on random points, including overlaps, holes and multipolygons', () => {
    const rng = new SeededRandom(10);
    let hits = 0;
    let overlapping = 0;
    for (let i = 0; i < 6000; i++) {
      const p: Position = [rng.range(112.9, 114.2), rng.range(33.9, 35.1)];
      const all = list.filter((it) => pointInGeometry(p, it.geometry)).map((it) => it.id);
      expect(index.locate(p[0], p[1])).toBe(all[0] ?? null);
      expect(index.locateAll(p[0], p[1])).toEqual(all);
      if (all.length > 0) hits++;
      if (all.length > 1) overlapping++;
    }
    // The sample really exercises containment and the "first in input order" rule.
    expect(hits).toBeGreaterThan(1500);
    expect(overlapping).toBeGreaterThan(100);
    expect(index.size).toBe(800);
  });

  it('walks the packed Flatbush tree to exactly the parts whose bbox holds the point (guards an upgrade)', () => {
    const rng = new SeededRandom(12);
    const boxes = list.flatMap((it, k) =>
      polygonsOf(it.geometry).map((poly) => {
        const xs = poly[0]!.map((q) => q[0]);
        const ys = poly[0]!.map((q) => q[1]);
        return {
          k,
          box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const,
        };
      }),
    );
    for (let i = 0; i < 3000; i++) {
      const x = rng.range(112.9, 114.2);
      const y = rng.range(33.9, 35.1);
      const expected = boxes
        .filter(({ box }) => x >= box[0] && y >= box[1] && x <= box[2] && y <= box[3])
        .map(({ k }) => k);
      expect(index.candidateItems(x, y)).toEqual(expected);
    }
  });

  it('handles empty and tiny inputs', () => {
    const empty = new LocateIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.locate(113, 34)).toBeNull();
    expect(empty.locateAll(113, 34)).toEqual([]);
    const one = new LocateIndex([
      {
        id: 'x',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
      },
    ]);
    expect(one.locate(0.7, 0.3)).toBe('x');
    expect(one.locate(0.3, 0.7)).toBeNull();
    expect(one.locate(NaN, 0.5)).toBeNull();
    expect(one.locateAll(0.5, NaN)).toEqual([]);
  });

  it('bareLocateBaseline finds a containing outer ring or -1', () => {
    const rng = new SeededRandom(13);
    const rings = Array.from({ length: 300 }, () =>
      blob(rng, rng.range(113, 114), rng.range(34, 35), 0.05, 20),
    );
    const locate = bareLocateBaseline(rings);
    for (let i = 0; i < 5000; i++) {
      const x = rng.range(113, 114);
      const y = rng.range(34, 35);
      const k = locate(x, y);
      const anyHit = rings.some((r) => pointInRing(x, y, r));
      if (k === -1) expect(anyHit).toBe(false);
      else expect(pointInRing(x, y, rings[k]!)).toBe(true);
    }
  });
});
