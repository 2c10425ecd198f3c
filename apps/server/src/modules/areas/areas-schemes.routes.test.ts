import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/database';
import { createApp } from '../../app';
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
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
});
afterAll(async () => t.close());

const gridIn = (code: string, extra: Record<string, unknown> = {}) =>
  fc([
    feature(code, '新网格', 'grid', rect(113.0, 34.0, 113.01, 34.01), {
      parentCode: CITY.communityW,
      ...extra,
    }),
  ]);
const reasons = (body: { errors: { reason: string }[] }) =>
  body.errors.map((e) => e.reason.split(':')[0]);

describe('grid code schemes', () => {
  it('stores the scheme a code fits: 14 digits CJ/T 213, 15 digits DB11 by default', async () => {
    expect(
      (await admin.post('/api/areas/import', { geojson: gridIn('410101001001001'), dryRun: false }))
        .statusCode,
    ).toBe(200);
    const id = (await admin.get('/api/areas/search?q=410101001001001')).json().items[0].id;
    expect((await admin.get(`/api/areas/${id}`)).json().gridScheme).toBe('db11');
  });

  it('follows a declared scheme: the file option or the feature property', async () => {
    const declared = await admin.post('/api/areas/import', {
      geojson: gridIn('41010100100100A'),
      gridScheme: 'gbt47678',
      dryRun: true,
    });
    expect(declared.json().ok).toBe(true);
    const wrong = await admin.post('/api/areas/import', {
      geojson: gridIn('41010100100109'),
      gridScheme: 'gbt47678',
      dryRun: true,
    });
    expect(reasons(wrong.json())).toEqual(['invalid_code']);
    const perFeature = await admin.post('/api/areas/import', {
      geojson: gridIn('410101001001009', { gridScheme: 'cjt213' }),
      dryRun: true,
    });
    expect(reasons(perFeature.json())).toEqual(['invalid_code']);
    const unknown = await admin.post('/api/areas/import', {
      geojson: gridIn('410101001001009', { gridScheme: 'xyz' }),
      dryRun: true,
    });
    expect(reasons(unknown.json())).toEqual(['bad_grid_scheme']);
    expectRefusal(
      await admin.post('/api/areas/import', {
        geojson: gridIn('41010100100109'),
        gridScheme: 'xyz',
      }),
      { status: 400, code: 'validation_failed', field: 'gridScheme' },
    );
  });

  it('accepts micro-grids and dedicated grids (which may overlap base grids)', async () => {
    const res = await admin.post('/api/areas/import', {
      geojson: fc([
        feature(`${CITY.gridA}01`, '第1微网格', 'grid', rect(113.04, 34.09, 113.05, 34.1), {
          parentCode: CITY.gridA,
          gridType: 'micro',
        }),
        feature('41010100100150', '学校专属网格', 'grid', rect(113.02, 34.02, 113.07, 34.04), {
          parentCode: CITY.communityW,
          gridType: 'dedicated',
        }),
      ]),
      dryRun: false,
    });
    expect(res.json().errors).toEqual([]);
    expect(
      res.json().warnings.filter((w: { reason: string }) => w.reason.includes('41010100100150')),
    ).toEqual([]);
    const r = (await admin.get('/api/areas/locate?lng=113.045&lat=34.095')).json();
    expect(r.grid.code).toBe(CITY.gridA);
    expect(r.otherGrids.map((g: { code: string }) => g.code)).toContain(`${CITY.gridA}01`);
  });
});

describe('several server processes on one database', () => {
  it('a second app sees boundaries imported through the first after its revision check', async () => {
    const database = openDatabase(t.config.database);
    const second = await createApp({ config: t.config, database, schemaVersion: 'x' });
    try {
      const locator = second.services.areas.locator;
      const before = await second.services.areas.locate(
        second.services.system,
        113.105,
        34.005,
        'wgs84',
      );
      expect(before.found && before.grid.code).toBe(CITY.gridC);
      const micro = `${CITY.gridC}07`;
      const imported = await admin.post('/api/areas/import', {
        geojson: fc([
          feature(micro, '东社区微网格', 'grid', rect(113.1, 34.0, 113.11, 34.01), {
            parentCode: CITY.gridC,
            gridType: 'micro',
          }),
        ]),
        dryRun: false,
      });
      expect(imported.json().committed).toBe(true);
      await locator.refreshIfStale();
      const after = await second.services.areas.locate(
        second.services.system,
        113.105,
        34.005,
        'wgs84',
      );
      expect(after.found && after.otherGrids.map((g) => g.code)).toEqual([micro]);
    } finally {
      await second.app.close();
      await database.close();
    }
  });
});
