import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import {
  CITY,
  fc,
  feature,
  rect,
  seedCity,
  userSession,
  type Session,
} from '../../../test/factories';
import { AREA_IMPORT_LIMITS } from './import-limits';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'admin1', roles: ['admin'] });
});
afterAll(async () => t.close());

/** A closed ring of n vertices around a point; `star` visits them 7 apart, so the ring crosses itself everywhere. */
function ring(n: number, [cx, cy]: [number, number], r: number, star = false): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const k = star ? (i * 7) % n : i;
    const a = (2 * Math.PI * k) / n;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return [...pts, pts[0]!];
}
const polygon = (coords: [number, number][]) => ({ type: 'Polygon', coordinates: [coords] });

describe('area import limits', () => {
  it('refuses a file with too many features, with a 400 naming the field', async () => {
    const features = Array.from({ length: AREA_IMPORT_LIMITS.featuresPerFile + 1 }, (_, i) =>
      feature(
        `${CITY.communityW}${String(i).padStart(2, '0')}`,
        'g',
        'grid',
        rect(113, 34, 113.001, 34.001),
      ),
    );
    const res = await admin.post('/api/areas/import', { geojson: fc(features), dryRun: true });
    expectRefusal(res, { status: 400, code: 'validation_failed', field: 'geojson.features' });
  });

  it('refuses a feature with too many vertices before validating it', async () => {
    const big = ring(AREA_IMPORT_LIMITS.verticesPerFeature, CITY.inA, 0.01, true);
    const res = await admin.post('/api/areas/import', {
      geojson: fc([
        feature(CITY.gridA, '网格A', 'grid', rect(113, 34, 113.05, 34.1)),
        feature(CITY.gridB, '网格B', 'grid', polygon(big)),
      ]),
      dryRun: true,
    });
    expectRefusal(res, {
      status: 400,
      code: 'validation_failed',
      field: 'geojson.features.1.geometry',
    });
  });

  it('validates a large file in a worker thread and reports as before', async () => {
    // 5,000 vertices: over the in-line threshold, so parse and plan run in the worker.
    const res = await admin.post('/api/areas/import', {
      geojson: fc([feature(CITY.gridA, '网格A', 'grid', polygon(ring(5_000, CITY.inA, 0.01)))]),
      dryRun: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      committed: false,
      counts: { features: 1, updated: 1 },
    });
    const bad = await admin.post('/api/areas/import', {
      geojson: fc([
        feature(CITY.gridA, '网格A', 'grid', polygon(ring(5_000, CITY.inA, 0.01, true))),
      ]),
      dryRun: true,
    });
    // 422 with an import report ({ ok: false, errors }), not an error body: no code to pin.
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].reason).toMatch(/^self_intersection/);
  });

  it('keeps /api/health fast while a large self-intersecting import is being validated', async () => {
    // Three features at the vertex limit, each crossing itself tens of thousands of times: seconds of work.
    const codes = [CITY.gridA, CITY.gridB, `${CITY.communityW}03`];
    const features = codes.map((code, i) =>
      feature(
        code,
        `网格${i}`,
        'grid',
        polygon(ring(AREA_IMPORT_LIMITS.verticesPerFeature - 1, CITY.inA, 0.01 + i * 0.001, true)),
      ),
    );
    let importDone = false;
    const started = Date.now();
    const importing = admin
      .post('/api/areas/import', { geojson: fc(features), dryRun: true })
      .then((r) => {
        importDone = true;
        return r;
      });
    const latencies: number[] = [];
    while (!importDone && Date.now() - started < 60_000) {
      const t0 = performance.now();
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      if (importDone) break;
      expect(health.statusCode).toBe(200);
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await importing;
    // 422 with an import report ({ ok: false, errors }), not an error body: no code to pin.
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toHaveLength(3);
    // On the request thread the import would hold the event loop and no health call would finish meanwhile.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    const sorted = [...latencies].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(200);
  }, 90_000);
});
