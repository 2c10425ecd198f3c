import { describe, expect, it } from 'vitest';
import type { Position, Ring } from './geo-types';
import { validateGeometry } from './validate-geometry';

const square = (x0: number, y0: number, s: number): Ring => [
  [x0, y0],
  [x0 + s, y0],
  [x0 + s, y0 + s],
  [x0, y0 + s],
  [x0, y0],
];

/** Closed star-ish ring with n vertices around (cx, cy); wobble keeps it simple. */
function circle(n: number, cx = 113.6, cy = 34.8, r = 0.05): Ring {
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const rr = r * (1 + 0.05 * Math.sin(i * 7));
    ring.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

function problemsOf(g: unknown): string[] {
  const r = validateGeometry(g);
  return r.ok ? [] : r.problems;
}

describe('validateGeometry', () => {
  it('accepts valid polygons and multipolygons and normalises positions to 2-D', () => {
    const r = validateGeometry({
      type: 'Polygon',
      coordinates: [square(0, 0, 1).map(([x, y]) => [x, y, 12])],
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.geometry.coordinates[0]![0]).toEqual([0, 0]);
    const m = validateGeometry({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 10), square(2, 2, 2).reverse()], [square(20, 0, 1)]],
    });
    expect(m).toMatchObject({ ok: true });
  });

  it('rejects wrong types', () => {
    expect(problemsOf(null)[0]).toMatch(/^invalid_type: /);
    expect(problemsOf({ type: 'Point', coordinates: [0, 0] })[0]).toMatch(/^invalid_type: .*Point/);
    expect(problemsOf({ type: 'Polygon', coordinates: [] })[0]).toMatch(/^invalid_structure: /);
    expect(problemsOf({ type: 'Polygon', coordinates: ['x'] })[0]).toMatch(/^invalid_structure: /);
  });

  it('rejects non-finite and out-of-range coordinates', () => {
    const nan = square(0, 0, 1);
    nan[1] = [NaN, 0];
    expect(problemsOf({ type: 'Polygon', coordinates: [nan] })).toEqual([
      'invalid_coordinate: ring 0 of polygon 0, position 1 is not a finite [lng, lat]',
    ]);
    expect(problemsOf({ type: 'Polygon', coordinates: [square(179.5, 0, 1)] })[0]).toMatch(
      /^invalid_coordinate: ring 0 of polygon 0, position 1 \[180.5, 0\] is out of range/,
    );
    expect(problemsOf({ type: 'Polygon', coordinates: [square(0, 89.5, 1)] })[0]).toMatch(
      /^invalid_coordinate/,
    );
    expect(
      problemsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            ['1', 0],
            [1, 1],
            [0, 0],
          ],
        ],
      })[0],
    ).toMatch(/^invalid_coordinate/);
  });

  it('rejects rings that are too short, unclosed or degenerate', () => {
    expect(
      problemsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }),
    ).toEqual(['too_few_positions: ring 0 of polygon 0 has 3, needs at least 4']);
    expect(
      problemsOf({
        type: 'MultiPolygon',
        coordinates: [[square(5, 5, 1)], [square(0, 0, 1).slice(0, 4)]],
      }),
    ).toEqual(['ring_not_closed: ring 0 of polygon 1']);
    expect(
      problemsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      })[0],
    ).toMatch(/^too_few_positions: .*distinct/);
  });

  it('finds self-intersections: bow-tie, spike, pinch', () => {
    const bowtie = problemsOf({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    expect(bowtie).toEqual(['self_intersection: ring 0 of polygon 0 near [0.5, 0.5]']);
    const spike = problemsOf({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [2, 1],
          [0, 2],
          [0, 0],
        ],
      ],
    });
    expect(spike[0]).toMatch(/^self_intersection: ring 0 of polygon 0 near \[2, /);
    const pinch = problemsOf({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [1, 1],
          [2, 2],
          [0, 2],
          [1, 1],
          [0, 0],
        ],
      ],
    });
    expect(pinch[0]).toMatch(/^self_intersection: .*near \[1, 1\]/);
  });

  it('checks holes against the shell', () => {
    const outside = problemsOf({
      type: 'Polygon',
      coordinates: [square(0, 0, 1), square(5, 5, 1)],
    });
    expect(outside).toEqual(['hole_outside_shell: ring 1 of polygon 0']);
    const crossing = problemsOf({
      type: 'Polygon',
      coordinates: [square(0, 0, 2), square(1, 1, 2)],
    });
    expect(crossing[0]).toMatch(/^ring_crossing: rings 0 and 1 of polygon 0 cross near \[/);
    // A hole touching the shell at a single point is allowed.
    const touching: Ring = [
      [0, 0],
      [1, 0.5],
      [1, 1],
      [0.5, 1],
      [0, 0],
    ];
    expect(problemsOf({ type: 'Polygon', coordinates: [square(0, 0, 2), touching] })).toEqual([]);
  });

  it('is fast on a 5,000-vertex ring and still finds a single crossing', () => {
    const ring = circle(5000);
    const t0 = performance.now();
    expect(validateGeometry({ type: 'Polygon', coordinates: [ring] }).ok).toBe(true);
    // Swap two neighbouring vertices: creates exactly one local crossing.
    const bad = ring.map((p) => [p[0], p[1]] as Position);
    const tmp = bad[2500]!;
    bad[2500] = bad[2501]!;
    bad[2501] = tmp;
    const problems = problemsOf({ type: 'Polygon', coordinates: [bad] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^self_intersection: ring 0 of polygon 0 near \[113\.54\d*, 34\.(79|80)\d*\]$/,
    );
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
