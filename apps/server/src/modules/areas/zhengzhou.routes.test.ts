import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/config';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { userSession, type Session } from '../../../test/factories';

// The 12 real district boundaries of Zhengzhou, published in GCJ-02, codes in `adcode`.
const FILE = join(ROOT_DIR, 'apps/server/test/fixtures/zhengzhou-410100-districts.geojson');
const data = JSON.parse(readFileSync(FILE, 'utf8')) as {
  features: { properties: { adcode: number; name: string; centroid: [number, number] } }[];
};

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await userSession(t, { username: 'gis_admin', roles: ['admin'] });
});
afterAll(async () => t.close());

describe('real data: Zhengzhou districts (GCJ-02)', () => {
  it('imports the 12 districts as district-level areas, converting GCJ-02 to WGS84', async () => {
    const res = await admin.post('/api/areas/import', {
      geojson: data,
      crs: 'gcj02',
      level: 'district',
      dryRun: false,
    });
    const r = res.json();
    expect(r.errors).toEqual([]);
    expect(res.statusCode).toBe(200);
    expect(r).toMatchObject({ ok: true, committed: true, counts: { created: 12 } });
    const tree = (await admin.get('/api/areas/tree?level=district')).json().items;
    expect(tree.map((a: { code: string }) => a.code).sort()).toEqual(
      data.features.map((f) => String(f.properties.adcode)).sort(),
    );
    expect(tree.find((a: { code: string }) => a.code === '410105').name).toBe('金水区');
  });

  it('locates each district’s published centroid in that district', async () => {
    for (const f of data.features) {
      const [lng, lat] = f.properties.centroid;
      const r = (await admin.get(`/api/areas/locate?lng=${lng}&lat=${lat}&crs=gcj02`)).json();
      // No grids yet: the answer says so and names the district that contains the point.
      expect(r.found, f.properties.name).toBe(false);
      expect(
        r.path.map((p: { code: string }) => p.code),
        f.properties.name,
      ).toEqual([String(f.properties.adcode)]);
    }
  });

  it('locates far-away points nowhere', async () => {
    for (const [lng, lat] of [
      [0, 0],
      [120, 40],
      [113.6, 36.5],
      [-74, 40.7],
    ]) {
      const r = (await admin.get(`/api/areas/locate?lng=${lng}&lat=${lat}`)).json();
      expect(r).toMatchObject({ found: false, reason: 'outside_every_grid', path: [] });
    }
  });

  it('stores plausible areas (金水区 is about 240 km²)', async () => {
    const id = (await admin.get('/api/areas/search?q=410105')).json().items[0].id;
    const d = (await admin.get(`/api/areas/${id}`)).json();
    expect(d.areaKm2).toBeGreaterThan(200);
    expect(d.areaKm2).toBeLessThan(280);
  });

  it('exports what it imported as WGS84 GeoJSON', async () => {
    const out = (await admin.get('/api/areas/export?level=district')).json();
    expect(out.features).toHaveLength(12);
    expect(out.features[0].geometry.type).toBe('MultiPolygon');
  });
});
