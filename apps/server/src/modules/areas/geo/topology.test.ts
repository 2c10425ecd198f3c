import { describe, expect, it } from 'vitest';
import type { Geometry, Position, Ring } from './geo-types';
import { containedWithTolerance, findSiblingProblems } from './topology';
import { SeededRandom } from '../../../core/seeded-random';

const rect = (x0: number, y0: number, w: number, h: number): Ring => [
  [x0, y0],
  [x0 + w, y0],
  [x0 + w, y0 + h],
  [x0, y0 + h],
  [x0, y0],
];
const poly = (...rings: Ring[]): Geometry => ({ type: 'Polygon', coordinates: rings });
const M = 1 / 111195; // ≈ one metre of latitude in degrees

/** n × n tiles of size s over a jittered shared lattice (tiles share vertices exactly). */
function tiling(n: number, s: number, seed = 1): { code: string; geometry: Geometry }[] {
  const rng = new SeededRandom(seed);
  const nodes: Position[][] = [];
  for (let r = 0; r <= n; r++) {
    const row: Position[] = [];
    for (let c = 0; c <= n; c++) {
      const edge = r === 0 || c === 0 || r === n || c === n;
      const j = edge ? 0 : 0.3 * s;
      row.push([113 + c * s + rng.range(-j, j), 34 + r * s + rng.range(-j, j)]);
    }
    nodes.push(row);
  }
  const out: { code: string; geometry: Geometry }[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const p = (cc: number, rr: number): Position => nodes[rr]![cc]!;
      out.push({
        code: `t${r}_${c}`,
        geometry: poly([p(c, r), p(c + 1, r), p(c + 1, r + 1), p(c, r + 1), p(c, r)]),
      });
    }
  }
  return out;
}

describe('containedWithTolerance', () => {
  const parent = poly(rect(113, 34, 0.01, 0.01));
  it('accepts a child inside, or poking out by less than the tolerance', () => {
    expect(containedWithTolerance(poly(rect(113.002, 34.002, 0.005, 0.005)), parent, 5)).toEqual({
      ok: true,
      outsideFraction: 0,
    });
    const poke = poly(rect(113.005, 34.005, 0.005 + 3 * M, 0.004));
    expect(containedWithTolerance(poke, parent, 5).ok).toBe(true);
    expect(containedWithTolerance(poke, parent, 1).ok).toBe(false);
  });

  it('reports the fraction of vertices outside', () => {
    const half = poly(rect(113.008, 34.002, 0.01, 0.005)); // 2 of 4 distinct vertices outside
    expect(containedWithTolerance(half, parent, 10)).toEqual({ ok: false, outsideFraction: 0.5 });
  });

  it('uses a segment index for big parents', () => {
    const ring: Ring = [];
    for (let i = 0; i < 2000; i++) {
      const a = (i / 2000) * Math.PI * 2;
      ring.push([113 + 0.05 * Math.cos(a), 34 + 0.05 * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    const big = poly(ring);
    expect(containedWithTolerance(poly(rect(113.0499, 33.999, 2 * M, 0.002)), big, 20).ok).toBe(
      true,
    );
    expect(containedWithTolerance(poly(rect(113.0499, 33.999, 0.001, 0.002)), big, 20).ok).toBe(
      false,
    );
  });
});

describe('findSiblingProblems', () => {
  it('reports nothing for an exact tiling and no gap against its outline', () => {
    const tiles = tiling(6, 0.002);
    const r = findSiblingProblems(tiles, poly(rect(113, 34, 0.012, 0.012)));
    expect(r.overlaps).toEqual([]);
    expect(r.gapFraction).toBe(0);
  });

  it('measures a missing tile as a gap', () => {
    const tiles = tiling(4, 0.002).filter((t) => t.code !== 't1_1');
    const r = findSiblingProblems(tiles, poly(rect(113, 34, 0.008, 0.008)));
    expect(r.overlaps).toEqual([]);
    expect(r.gapFraction).toBeGreaterThan(0.03);
    expect(r.gapFraction).toBeLessThan(0.1);
  });

  it('finds overlaps by vertex, by crossing and by duplication', () => {
    const r = findSiblingProblems([
      { code: 'a', geometry: poly(rect(113, 34, 0.01, 0.01)) },
      { code: 'b', geometry: poly(rect(113.005, 34.005, 0.01, 0.01)) }, // corner inside a
      { code: 'h', geometry: poly(rect(113.1, 34.104, 0.01, 0.002)) }, // "+" with v, no vertex inside
      { code: 'v', geometry: poly(rect(113.104, 34.1, 0.002, 0.01)) },
      { code: 'd1', geometry: poly(rect(113.2, 34.2, 0.01, 0.01)) }, // exact duplicates
      { code: 'd2', geometry: poly(rect(113.2, 34.2, 0.01, 0.01)) },
      { code: 'far', geometry: poly(rect(114, 35, 0.01, 0.01)) },
    ]);
    expect(r.overlaps.map((o) => `${o.a}/${o.b}`)).toEqual(['a/b', 'd1/d2', 'h/v']);
    const ab = r.overlaps[0]!.areaKm2Approx!;
    expect(ab).toBeGreaterThan(0.2); // 0.005° × 0.005° ≈ 0.255 km²
    expect(ab).toBeLessThan(0.32);
    expect(r.gapFraction).toBeUndefined();
  });

  it('tolerates boundaries that weave across each other by a few metres', () => {
    const left = poly([
      [113, 34],
      [113.01, 34],
      [113.01 + 3 * M, 34.005],
      [113.01, 34.01],
      [113, 34.01],
      [113, 34],
    ]);
    const right = poly([
      [113.01, 34],
      [113.02, 34],
      [113.02, 34.01],
      [113.01, 34.01],
      [113.01 - 3 * M, 34.005],
      [113.01, 34],
    ]);
    expect(
      findSiblingProblems([
        { code: 'l', geometry: left },
        { code: 'r', geometry: right },
      ]).overlaps,
    ).toEqual([]);
    const deep = poly([
      [113.01, 34],
      [113.02, 34],
      [113.02, 34.01],
      [113.01, 34.01],
      [113.01 - 50 * M, 34.005],
      [113.01, 34],
    ]);
    expect(
      findSiblingProblems([
        { code: 'l', geometry: left },
        { code: 'r', geometry: deep },
      ]).overlaps,
    ).toHaveLength(1);
  });

  it('handles 10,000 siblings quickly', () => {
    const tiles = tiling(100, 0.002, 5);
    const t0 = performance.now();
    const r = findSiblingProblems(tiles, poly(rect(113, 34, 0.2, 0.2)));
    const ms = performance.now() - t0;
    expect(r.overlaps).toEqual([]);
    expect(r.gapFraction).toBe(0);
    expect(ms).toBeLessThan(3000);
  });
});
