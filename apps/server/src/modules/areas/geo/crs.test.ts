import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02,
  gcj02ToBd09,
  gcj02ToWgs84,
  geometryToWgs84,
  outOfChina,
  toWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './crs';
import type { Geometry, Position } from './geo-types';
import { SeededRandom } from '../../../core/seeded-random';

const dist = (a: Position, b: Position): number =>
  Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));

describe('crs', () => {
  it('matches the published GCJ-02 offset for Tiananmen', () => {
    const gcj = wgs84ToGcj02([116.397428, 39.90923]);
    expect(dist(gcj, [116.403674, 39.910628])).toBeLessThan(1e-4);
    const back = toWgs84([116.403674, 39.910628], 'gcj02');
    expect(dist(back, [116.397428, 39.90923])).toBeLessThan(1e-4);
  });

  it('round-trips WGS84 → GCJ-02 → WGS84 within 1e-6° across China', () => {
    const rng = new SeededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const p: Position = [rng.range(73, 135), rng.range(18, 53)];
      expect(dist(gcj02ToWgs84(wgs84ToGcj02(p)), p)).toBeLessThan(1e-6);
    }
  });

  it('iterates the inverse to a fixed point, beating the one-step approximation', () => {
    const g: Position = [113.7, 34.78];
    const w = gcj02ToWgs84(g);
    expect(dist(wgs84ToGcj02(w), g)).toBeLessThan(1e-7);
    // The crude inverse (g - (F(g) - g)) is measurably worse at this point.
    const f = wgs84ToGcj02(g);
    const crude: Position = [2 * g[0] - f[0], 2 * g[1] - f[1]];
    expect(dist(wgs84ToGcj02(crude), g)).toBeGreaterThan(dist(wgs84ToGcj02(w), g));
  });

  it('round-trips BD-09 both ways', () => {
    const rng = new SeededRandom(11);
    for (let i = 0; i < 1000; i++) {
      const p: Position = [rng.range(100, 125), rng.range(20, 45)];
      expect(dist(bd09ToGcj02(gcj02ToBd09(p)), p)).toBeLessThan(1e-6);
      expect(dist(toWgs84(wgs84ToBd09(p), 'bd09'), p)).toBeLessThan(1e-6);
    }
    // BD-09 is GCJ-02 shifted by roughly +0.0065°, +0.006°.
    const bd = gcj02ToBd09([116.403674, 39.910628]);
    expect(bd[0] - 116.403674).toBeCloseTo(0.0064, 2);
    expect(bd[1] - 39.910628).toBeCloseTo(0.006, 2);
  });

  it('leaves points outside China untouched', () => {
    expect(outOfChina(2.35, 48.85)).toBe(true);
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(toWgs84([-74, 40.7], 'gcj02')).toEqual([-74, 40.7]);
    expect(toWgs84([0, 0], 'wgs84')).toEqual([0, 0]);
  });

  it('converts geometries without mutating them and keeps rings closed', () => {
    const ring: Position[] = [
      [113.6, 34.7],
      [113.7, 34.7],
      [113.7, 34.8],
      [113.6, 34.7],
    ];
    const g: Geometry = { type: 'MultiPolygon', coordinates: [[ring]] };
    const copy = structuredClone(g);
    const w = geometryToWgs84(g, 'gcj02');
    expect(g).toEqual(copy);
    expect(w.type).toBe('MultiPolygon');
    const out = w.type === 'MultiPolygon' ? w.coordinates[0]![0]! : [];
    expect(out[0]).toEqual(out[out.length - 1]);
    expect(dist(out[1]!, [113.7, 34.7])).toBeGreaterThan(1e-4); // actually shifted
  });
});
