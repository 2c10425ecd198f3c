import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { ROUTE_BODY_LIMITS } from '../../core/http/body-limits';
import {
  CITY,
  cityFeatures,
  createUser,
  fc,
  feature,
  rect,
  seedCity,
  userSession,
  type Session,
} from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let workerA: Session;
let idOf: (code: string) => string;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'admin1', roles: ['admin'] });
  workerA = await userSession(t, {
    username: 'worker_a',
    roles: ['grid_administrator'],
    areaCodes: [CITY.gridA],
  });
  const nodes = (await admin.get('/api/areas/tree')).json().items as { id: string; code: string }[];
  idOf = (code) => nodes.find((n) => n.code === code)!.id;
});
afterAll(async () => t.close());

const countAreas = async () => (await admin.get('/api/areas/tree')).json().items.length as number;

describe('area tree, detail and search', () => {
  it('lists the whole hierarchy for an administrator', async () => {
    const items = (await admin.get('/api/areas/tree')).json().items;
    expect(items).toHaveLength(9);
    expect(items.find((a: { code: string }) => a.code === CITY.gridA)).toMatchObject({
      level: 'grid',
      parentCode: CITY.communityW,
      gridType: 'unit',
    });
  });

  it('shows a grid with its parent chain, area and version', async () => {
    const res = await admin.get(`/api/areas/${idOf(CITY.gridA)}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.path.map((p: { code: string }) => p.code)).toEqual([
      CITY.district,
      CITY.streetW,
      CITY.communityW,
      CITY.gridA,
    ]);
    expect(d.gridScheme).toBe('cjt213');
    // 0.05° × 0.1° at 34° N ≈ 4.61 km × 11.1 km
    expect(d.areaKm2).toBeGreaterThan(50);
    expect(d.areaKm2).toBeLessThan(53);
    expect(d.version).toBe(1);
  });

  it('searches by code prefix and by name', async () => {
    expect(
      (await admin.get(`/api/areas/search?q=${CITY.communityW}`))
        .json()
        .items.map((a: { code: string }) => a.code),
    ).toEqual(expect.arrayContaining([CITY.communityW, CITY.gridA, CITY.gridB]));
    expect(
      (await admin.get(`/api/areas/search?q=${encodeURIComponent('东社区')}`)).json().items.length,
    ).toBe(3);
    expectRefusal(await admin.get('/api/areas/search?q='), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.q',
    });
  });

  it('serves boundaries as GeoJSON by level', async () => {
    const res = (await admin.get('/api/areas/geojson?level=grid')).json();
    expect(res.type).toBe('FeatureCollection');
    expect(res.features).toHaveLength(4);
    expect(res.features[0].geometry.type).toBe('Polygon');
    expectRefusal(await admin.get('/api/areas/geojson?level=planet'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.level',
    });
  });
});

describe('locate', () => {
  it('answers the grid and its full ancestor path', async () => {
    const res = await admin.get(`/api/areas/locate?lng=${CITY.inC[0]}&lat=${CITY.inC[1]}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.found).toBe(true);
    expect(r.grid.code).toBe(CITY.gridC);
    expect(r.path.map((p: { level: string }) => p.level)).toEqual([
      'district',
      'street',
      'community',
      'grid',
    ]);
    expect(r.path.map((p: { code: string }) => p.code)).toEqual([
      CITY.district,
      CITY.streetE,
      CITY.communityE,
      CITY.gridC,
    ]);
  });

  it('says clearly when a point is outside every grid', async () => {
    const r = (await admin.get('/api/areas/locate?lng=120&lat=30')).json();
    expect(r).toMatchObject({ found: false, reason: 'outside_every_grid' });
    expect(r.message).toBeTruthy();
  });

  it('converts GCJ-02 and BD-09 input', async () => {
    const { wgs84ToGcj02, wgs84ToBd09 } = await import('./geo/crs');
    const g = wgs84ToGcj02(CITY.inB);
    expect(
      (await admin.get(`/api/areas/locate?lng=${g[0]}&lat=${g[1]}&crs=gcj02`)).json().grid.code,
    ).toBe(CITY.gridB);
    const b = wgs84ToBd09(CITY.inB);
    expect(
      (await admin.get(`/api/areas/locate?lng=${b[0]}&lat=${b[1]}&crs=bd09`)).json().grid.code,
    ).toBe(CITY.gridB);
  });

  it('refuses bad coordinates and unknown coordinate systems', async () => {
    for (const [q, field] of [
      ['lng=200&lat=30', 'querystring.lng'],
      ['lng=abc&lat=30', 'querystring.lng'],
      ['lat=30', 'querystring.lng'],
      ['lng=113&lat=30&crs=mercator', 'querystring.crs'],
    ]) {
      const res = await admin.get(`/api/areas/locate?${q}`);
      expectRefusal(res, { status: 400, code: 'validation_failed', field });
    }
  });
});

describe('area scope: a grid worker of grid A', () => {
  it('sees only grid A in the tree', async () => {
    const items = (await workerA.get('/api/areas/tree')).json().items;
    expect(items.map((a: { code: string }) => a.code)).toEqual([CITY.gridA]);
  });

  it('gets 404 for grid B and for its community (no existence leak)', async () => {
    for (const code of [CITY.gridB, CITY.communityW, CITY.gridC]) {
      const res = await workerA.get(`/api/areas/${idOf(code)}`);
      expectRefusal(res, { status: 404, code: 'not_found' });
    }
    expect((await workerA.get(`/api/areas/${idOf(CITY.gridA)}`)).statusCode).toBe(200);
  });

  it('cannot locate into grid B, search it or draw it', async () => {
    expect(
      (await workerA.get(`/api/areas/locate?lng=${CITY.inB[0]}&lat=${CITY.inB[1]}`)).json(),
    ).toMatchObject({ found: false, reason: 'outside_scope' });
    expect((await workerA.get(`/api/areas/search?q=${CITY.gridB}`)).json().items).toEqual([]);
    expect(
      (await workerA.get('/api/areas/geojson?level=grid'))
        .json()
        .features.map((f: { properties: { code: string } }) => f.properties.code),
    ).toEqual([CITY.gridA]);
  });

  it('gets 403 for changing anything: staff, import, departments, users', async () => {
    const other = await createUser(t, {
      username: 'someone',
      roles: ['observer'],
      areaCodes: [CITY.gridB],
    });
    const staff = await workerA.post(`/api/areas/${idOf(CITY.gridB)}/staff`, {
      userId: other.id,
      role: 'gridAdministrator',
    });
    expectRefusal(staff, { status: 403, code: 'forbidden' });
    const imp = await workerA.post('/api/areas/import', {
      geojson: fc([feature(CITY.gridB, 'x', 'grid', rect(113.05, 34.0, 113.1, 34.1))]),
      dryRun: false,
    });
    expectRefusal(imp, { status: 403, code: 'forbidden' });
    expectRefusal(
      await workerA.post('/api/departments', { code: 'x1', name: '某部门', areaCode: CITY.gridB }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await workerA.get('/api/users'), { status: 403, code: 'forbidden' });
  });

  it('a community leader of the east cannot staff a west grid: 403 for the action', async () => {
    const east = await userSession(t, {
      username: 'east_leader',
      roles: ['community_leader'],
      areaCodes: [CITY.communityE],
    });
    const u = await createUser(t, {
      username: 'helper_e',
      roles: ['observer'],
      areaCodes: [CITY.gridC],
    });
    expectRefusal(
      await east.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
        userId: u.id,
        role: 'gridAdministrator',
      }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(
      await east.post('/api/areas/no-such-id/staff', { userId: u.id, role: 'gridAdministrator' }),
      { status: 404, code: 'not_found' },
    );
    expect(
      (
        await east.post(`/api/areas/${idOf(CITY.gridC)}/staff`, {
          userId: u.id,
          role: 'gridAdministrator',
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('grid staff', () => {
  it('assigns the five grid roles, one person in several grids, phones masked for some roles', async () => {
    const p = await createUser(t, {
      username: 'zhang',
      displayName: '张三',
      roles: ['grid_leader'],
      areaCodes: [CITY.gridA, CITY.gridB],
      phone: '13812345678',
    });
    for (const code of [CITY.gridA, CITY.gridB]) {
      const res = await admin.post(`/api/areas/${idOf(code)}/staff`, {
        userId: p.id,
        role: 'gridLeader',
      });
      expect(res.statusCode).toBe(200);
    }
    const dup = await admin.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
      userId: p.id,
      role: 'gridLeader',
    });
    expectRefusal(dup, { status: 409, code: 'duplicate', field: 'role' });
    // Phones in full only to colleagues of the grid (grid-staff.routes.test.ts): an administrator sees the mask.
    expect((await admin.get(`/api/areas/${idOf(CITY.gridA)}`)).json().staff[0]).toMatchObject({
      displayName: '张三',
      role: 'gridLeader',
      phone: '138****5678',
      phoneMasked: true,
    });
    const full = (await workerA.get(`/api/areas/${idOf(CITY.gridA)}`)).json().staff;
    expect(full[0]).toMatchObject({
      displayName: '张三',
      role: 'gridLeader',
      phone: '13812345678',
      phoneMasked: false,
    });
    const informant = await userSession(t, {
      username: 'informant_a',
      roles: ['resident_informant'],
      areaCodes: [CITY.gridA],
    });
    const masked = (await informant.get(`/api/areas/${idOf(CITY.gridA)}`)).json().staff;
    expect(masked[0]).toMatchObject({ phone: '138****5678', phoneMasked: true });
  });

  it('refuses staff on a non-grid area, unknown users and unknown roles', async () => {
    const p = await createUser(t, { username: 'li', roles: ['observer'], areaCodes: [CITY.gridA] });
    expectRefusal(
      await admin.post(`/api/areas/${idOf(CITY.communityW)}/staff`, {
        userId: p.id,
        role: 'gridLeader',
      }),
      { status: 400, code: 'validation_failed', field: 'id' },
    );
    expectRefusal(
      await admin.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
        userId: 'nope',
        role: 'gridLeader',
      }),
      { status: 404, code: 'not_found' },
    );
    expectRefusal(
      await admin.post(`/api/areas/${idOf(CITY.gridA)}/staff`, { userId: p.id, role: 'mayor' }),
      { status: 400, code: 'validation_failed', field: 'role' },
    );
  });

  it('ends an assignment', async () => {
    const p = await createUser(t, {
      username: 'wang',
      roles: ['observer'],
      areaCodes: [CITY.gridD],
    });
    const list = (
      await admin.post(`/api/areas/${idOf(CITY.gridD)}/staff`, {
        userId: p.id,
        role: 'gridSupervisor',
      })
    ).json().items;
    const id = list.find((s: { userId: string }) => s.userId === p.id).id;
    expect((await admin.del(`/api/areas/${idOf(CITY.gridD)}/staff/${id}`)).statusCode).toBe(200);
    expect(
      (await admin.get(`/api/areas/${idOf(CITY.gridD)}`))
        .json()
        .staff.some((s: { userId: string }) => s.userId === p.id),
    ).toBe(false);
  });
});

describe('import: all or nothing, every problem reported', () => {
  it('rejects malformed GeoJSON without writing', async () => {
    const before = await countAreas();
    for (const geojson of [
      null,
      'text',
      { type: 'Feature' },
      { type: 'FeatureCollection' },
      { type: 'FeatureCollection', features: [] },
    ]) {
      const res = await admin.post('/api/areas/import', { geojson, dryRun: false });
      // 422 with an import report ({ ok: false, errors }), not an error body: no code to pin.
      expect(res.statusCode).toBe(422);
      expect(res.json().ok).toBe(false);
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    expect(await countAreas()).toBe(before);
  });

  it('reports every bad feature with index, code and reason, and writes none of the good ones', async () => {
    const before = await countAreas();
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [113.0, 34.0],
          [113.01, 34.0],
          [113.01, 34.01],
          [113.0, 34.01],
        ],
      ],
    };
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [113.0, 34.0],
          [113.01, 34.01],
          [113.01, 34.0],
          [113.0, 34.01],
          [113.0, 34.0],
        ],
      ],
    };
    const res = await admin.post('/api/areas/import', {
      geojson: fc([
        feature('41010100100103', '好网格', 'grid', rect(113.0, 34.0, 113.01, 34.01)),
        feature('4101010010010', '短编码', 'grid', rect(113.0, 34.0, 113.01, 34.01)),
        feature('41010200100101', '错上级', 'grid', rect(113.0, 34.0, 113.01, 34.01), {
          parentCode: CITY.communityW,
        }),
        feature('41010100100104', '越界', 'grid', rect(113.3, 34.0, 113.4, 34.1)),
        feature('41010100100105', '未闭合', 'grid', open),
        feature('41010100100106', '自相交', 'grid', bowtie),
        feature('41010100100107', '无几何', 'grid', null),
        {
          type: 'Feature',
          properties: { name: '无编码' },
          geometry: rect(113.0, 34.0, 113.01, 34.01),
        },
        feature('41010100100103', '重复', 'grid', rect(113.0, 34.0, 113.01, 34.01)),
      ]),
      dryRun: false,
    });
    // 422 with an import report ({ ok: false, errors }), not an error body: no code to pin.
    expect(res.statusCode).toBe(422);
    const r = res.json();
    expect(r.committed).toBe(false);
    const reasons = (i: number) =>
      r.errors
        .filter((e: { index: number }) => e.index === i)
        .map((e: { reason: string }) => e.reason.split(':')[0]);
    expect(reasons(0)).toEqual([]);
    expect(reasons(1)).toEqual(['invalid_code']);
    expect(reasons(2)).toEqual(['invalid_code']);
    expect(reasons(3)).toEqual(['outside_parent']);
    expect(reasons(4)).toContain('ring_not_closed');
    expect(reasons(5)).toContain('self_intersection');
    expect(reasons(6).length).toBe(1);
    expect(reasons(7)).toEqual(['missing_code']);
    expect(reasons(8)).toEqual(['duplicate_code']);
    expect(r.errors.find((e: { index: number }) => e.index === 3).code).toBe('41010100100104');
    expect(await countAreas()).toBe(before);
  });

  it('checks codes per level and that a child extends its parent', async () => {
    const res = await admin.post('/api/areas/import', {
      geojson: fc([
        feature('41010', '五位区', 'district', rect(113, 34, 113.1, 34.1)),
        feature('410101009', '街道', 'community', rect(113, 34, 113.01, 34.01)),
      ]),
      dryRun: true,
    });
    expect(res.json().errors.map((e: { reason: string }) => e.reason.split(':')[0])).toEqual([
      'invalid_code',
      'invalid_code',
    ]);
  });

  it('refuses an unknown CRS and an unknown level with 400', async () => {
    expectRefusal(
      await admin.post('/api/areas/import', { geojson: cityFeatures(), crs: 'epsg3857' }),
      { status: 400, code: 'validation_failed', field: 'crs' },
    );
    expectRefusal(
      await admin.post('/api/areas/import', { geojson: cityFeatures(), level: 'planet' }),
      { status: 400, code: 'validation_failed', field: 'level' },
    );
  });

  it('refuses an oversized upload with 413', async () => {
    // Just over this route's entry in the body-limit table.
    const big = {
      geojson: {
        type: 'FeatureCollection',
        features: [{ pad: 'x'.repeat(ROUTE_BODY_LIMITS['POST /api/areas/import']!) }],
      },
    };
    const res = await admin.post('/api/areas/import', big);
    expectRefusal(res, { status: 413, code: 'payload_too_large' });
  });

  it('warns about overlapping siblings and gaps, naming the codes', async () => {
    const res = await admin.post('/api/areas/import', {
      geojson: fc([
        feature('41010100100108', '重叠网格', 'grid', rect(113.0, 34.0, 113.02, 34.02)),
      ]),
      dryRun: true,
    });
    const r = res.json();
    expect(r.ok).toBe(true);
    expect(r.committed).toBe(false);
    expect(
      r.warnings.some(
        (w: { reason: string }) => w.reason.startsWith('overlap') && w.reason.includes(CITY.gridA),
      ),
    ).toBe(true);
  });

  it('versions a changed boundary: the old version is kept with valid_to', async () => {
    const moved = fc([
      feature(CITY.gridC, '东社区第1网格', 'grid', rect(113.1, 34.0, 113.16, 34.1)),
      feature(CITY.gridD, '东社区第2网格', 'grid', rect(113.16, 34.0, 113.2, 34.1)),
    ]);
    const res = await admin.post('/api/areas/import', { geojson: moved, dryRun: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      committed: true,
      counts: { created: 0, updated: 2 },
    });
    const nodes = (await admin.get('/api/areas/tree?level=grid')).json().items;
    const c = nodes.find((n: { code: string }) => n.code === CITY.gridC);
    expect((await admin.get(`/api/areas/${c.id}`)).json().version).toBe(2);
    // The old version is still readable by id, closed.
    const old = await admin.get(`/api/areas/${idOf(CITY.gridC)}`);
    expect(old.json().validTo).toBeTruthy();
    // The locate index was rebuilt: 113.155 is now in C.
    expect((await admin.get('/api/areas/locate?lng=113.155&lat=34.05')).json().grid.code).toBe(
      CITY.gridC,
    );
    const again = await admin.post('/api/areas/import', { geojson: moved, dryRun: false });
    expect(again.json().counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });
});

describe('export', () => {
  it('exports GeoJSON and audits the export', async () => {
    const res = await admin.get('/api/areas/export?level=community');
    expect(res.statusCode).toBe(200);
    expect(
      res.json().features.map((f: { properties: { code: string } }) => f.properties.code),
    ).toEqual([CITY.communityW, CITY.communityE]);
    const audit = (await admin.get('/api/audit?action=areas_exported')).json().items;
    expect(audit.length).toBeGreaterThan(0);
    expectRefusal(await workerA.get('/api/areas/export'), { status: 403, code: 'forbidden' });
  });
});
