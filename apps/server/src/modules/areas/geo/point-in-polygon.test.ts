import { describe, expect, it } from 'vitest';
import type { Geometry, Ring } from './geo-types';
import {
  flattenPolygons,
  pointInFlatRings,
  pointInGeometry,
  pointInRing,
} from './point-in-polygon';
import { SeededRandom } from '../../../core/seeded-random';

const square = (x0: number, y0: number, s: number): Ring => [
  [x0, y0],
  [x0 + s, y0],
  [x0 + s, y0 + s],
  [x0, y0 + s],
  [x0, y0],
];

describe('pointInGeometry', () => {
  it('handles a simple polygon, open or closed rings', () => {
    const g: Geometry = { type: 'Polygon', coordinates: [square(0, 0, 10)] };
    expect(pointInGeometry([5, 5], g)).toBe(true);
    expect(pointInGeometry([11, 5], g)).toBe(false);
    expect(pointInGeometry([-0.001, 5], g)).toBe(false);
    expect(pointInRing(5, 5, square(0, 0, 10).slice(0, 4))).toBe(true);
  });

  it('excludes holes', () => {
    const g: Geometry = {
      type: 'Polygon',
      coordinates: [square(0, 0, 10), square(3, 3, 4).reverse()],
    };
    expect(pointInGeometry([5, 5], g)).toBe(false);
    expect(pointInGeometry([1, 1], g)).toBe(true);
    expect(pointInGeometry([8, 8], g)).toBe(true);
  });

  it('treats MultiPolygon parts as a union, holes per part', () => {
    const g: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 10), square(3, 3, 4)], [square(20, 0, 5)], [square(4, 4, 2)]],
    };
    expect(pointInGeometry([1, 1], g)).toBe(true);
    expect(pointInGeometry([22, 2], g)).toBe(true);
    expect(pointInGeometry([3.5, 3.5], g)).toBe(false); // in the hole of part 0
    expect(pointInGeometry([5, 5], g)).toBe(true); // island inside the hole
    expect(pointInGeometry([15, 5], g)).toBe(false);
  });

  it('puts points on a shared edge in exactly one of two tiles', () => {
    // Slanted shared edge, traversed in opposite directions by the two tiles.
    const a: Ring = [
      [0, 0],
      [0.3, 0],
      [0.7, 1],
      [0, 1],
      [0, 0],
    ];
    const b: Ring = [
      [0.3, 0],
      [1, 0],
      [1, 1],
      [0.7, 1],
      [0.3, 0],
    ];
    for (let i = 1; i < 1000; i++) {
      const t = i / 1000;
      const x = 0.3 + 0.4 * t;
      const inA = pointInRing(x, t, a);
      const inB = pointInRing(x, t, b);
      expect(inA !== inB).toBe(true);
    }
  });

  it('flat and object variants agree on random points', () => {
    const rng = new SeededRandom(3);
    const ring: Ring = [];
    for (let i = 0; i < 40; i++) {
      const a = (i / 40) * Math.PI * 2;
      const r = rng.range(0.5, 1);
      ring.push([Math.cos(a) * r, Math.sin(a) * r]);
    }
    ring.push(ring[0]!);
    const flat = flattenPolygons([[ring]]);
    for (let i = 0; i < 5000; i++) {
      const x = rng.range(-1, 1);
      const y = rng.range(-1, 1);
      expect(pointInFlatRings(x, y, flat.coords, flat.ringStart, 0, 1)).toBe(
        pointInRing(x, y, ring),
      );
    }
  });
});
