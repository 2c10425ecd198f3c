import { describe, expect, it } from 'vitest';
import type { Geometry, Ring } from './geo-types';
import { areaKm2, bbox, centroid, pointOnSurface } from './measure';
import { pointInGeometry } from './point-in-polygon';

const rect = (x0: number, y0: number, w: number, h: number): Ring => [
  [x0, y0],
  [x0 + w, y0],
  [x0 + w, y0 + h],
  [x0, y0 + h],
  [x0, y0],
];
const poly = (...rings: Ring[]): Geometry => ({ type: 'Polygon', coordinates: rings });

describe('areaKm2', () => {
  // References: ∫ M(φ)·N(φ)·cos φ dφ dλ on the WGS84 ellipsoid, integrated numerically.
  it('gives the WGS84 ellipsoid area of a 1°×1° equatorial cell (12,308.46 km²)', () => {
    expect(areaKm2(poly(rect(0, 0, 1, 1)))).toBeCloseTo(12308.46, 1);
    // Winding does not matter.
    expect(areaKm2(poly(rect(0, 0, 1, 1).reverse()))).toBeCloseTo(12308.46, 1);
  });

  it('matches the ellipsoid at Zhengzhou latitude (1°×1° cell at 34–35°N = 10,187.81 km²)', () => {
    expect(areaKm2(poly(rect(113, 34, 1, 1)))).toBeCloseTo(10187.81, 1);
  });

  it('subtracts holes and sums MultiPolygon parts', () => {
    const outer = areaKm2(poly(rect(0, 0, 1, 1)));
    const hole = areaKm2(poly(rect(0.25, 0.25, 0.5, 0.5)));
    expect(areaKm2(poly(rect(0, 0, 1, 1), rect(0.25, 0.25, 0.5, 0.5)))).toBeCloseTo(
      outer - hole,
      6,
    );
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[rect(0, 0, 1, 1)], [rect(0.25, 0.25, 0.5, 0.5)]],
    };
    expect(areaKm2(multi)).toBeCloseTo(outer + hole, 6);
  });

  it('is stable for grid-sized polygons (~0.25 km²)', () => {
    const a = areaKm2(poly(rect(113.7, 34.78, 0.005, 0.0045)));
    expect(a).toBeGreaterThan(0.2);
    expect(a).toBeLessThan(0.3);
  });
});

describe('bbox, centroid, pointOnSurface', () => {
  it('bbox covers all parts', () => {
    const g: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[rect(0, 0, 1, 1)], [rect(5, -2, 1, 1)]],
    };
    expect(bbox(g)).toEqual([0, -2, 6, 1]);
  });

  it('centroid is area-weighted', () => {
    expect(centroid(poly(rect(10, 20, 2, 4)))).toEqual([11, 22]);
    // L-shape: 2×1 bottom bar plus 1×1 on top-left → centroid (5/6, 2/3).
    const l: Ring = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ];
    const [cx, cy] = centroid(poly(l));
    expect(cx).toBeCloseTo(5 / 6, 10);
    expect(cy).toBeCloseTo(5 / 6, 10);
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[rect(0, 0, 1, 1)], [rect(3, 0, 1, 1)]],
    };
    expect(centroid(multi)).toEqual([2, 0.5]);
  });

  it('pointOnSurface lies inside concave shapes and avoids holes', () => {
    const donut = poly(rect(0, 0, 4, 4), rect(1, 1, 2, 2));
    const c = centroid(donut);
    expect(pointInGeometry(c, donut)).toBe(false); // the centroid falls in the hole
    expect(pointInGeometry(pointOnSurface(donut), donut)).toBe(true);
    const u: Ring = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    expect(pointInGeometry(pointOnSurface(poly(u)), poly(u))).toBe(true);
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[rect(0, 0, 1, 1)], [rect(5, 5, 3, 3)]],
    };
    const p = pointOnSurface(multi);
    expect(p[0]).toBeGreaterThan(5); // picks the largest part
    expect(pointInGeometry(p, multi)).toBe(true);
  });
});
