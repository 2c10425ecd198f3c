import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { CREDIT, code } from './components.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
});
afterAll(async () => t.close());

const total = async (s: Session = admin) => (await s.get('/api/components')).json().total as number;
const csv = (lines: string[]) => lines.join('\r\n');
// Standard Chinese names and abbreviations mixed, as real exports do; 材质 is a local extension column.
const HEADER = `管理部件标识码,GLBJMC,ZGBMDM,主管部门名称,管理部件状态,CSRQ,BGRQ,所在单元网格标识码,经度,纬度,材质`;
const row = (
  c: string,
  at: [number, number],
  more: Partial<Record<'status' | 'initial' | 'change' | 'grid' | 'material', string>> = {},
) =>
  [
    c,
    '供水井盖',
    CREDIT,
    '"测试区城市管理局, 市政科"',
    more.status ?? '完好',
    more.initial ?? '20260101',
    more.change ?? '',
    more.grid ?? '',
    at[0],
    at[1],
    more.material ?? '',
  ].join(',');

describe('部件 import', () => {
  it('reports every problem of a CSV with its row, line and code, and writes nothing', async () => {
    const content = csv([
      HEADER,
      row(code('01001', 1), CITY.inA),
      row(`410102${'01001'}000002`, CITY.inA, { initial: '20261301' }),
      row(code('01001', 3), [113.5, 34.05]),
      row(code('01001', 1), CITY.inB),
      row(code('01016', 5), CITY.inB, { status: '坏了' }),
      row('4101010101000006', CITY.inB),
    ]);
    const res = await admin.post('/api/components/import', { format: 'csv', content });
    // 422 with an import report ({ ok: false, errors }), not an error body: no code to pin.
    expect(res.statusCode).toBe(422);
    const report = res.json();
    expect(report).toMatchObject({
      ok: false,
      committed: false,
      counts: { rows: 6, created: 0 },
      extensionFields: ['材质'],
    });
    const problems = report.errors.map(
      (e: { index: number; line: number; code: string; reason: string }) => [
        e.index,
        e.line,
        e.code,
        e.reason.split(':')[0],
      ],
    );
    expect(problems).toEqual([
      [1, 3, `410102${'01001'}000002`, 'invalid_field'],
      [1, 3, `410102${'01001'}000002`, 'wrong_admin_prefix'],
      [2, 4, code('01001', 3), 'outside_every_grid'],
      [3, 5, code('01001', 1), 'duplicate_code'],
      [4, 6, code('01016', 5), 'bad_status'],
      [4, 6, code('01016', 5), 'unknown_class'],
      [5, 7, '4101010101000006', 'invalid_field'],
    ]);
    expect(report.errors[0].reason).toMatch(/初始日期 \(CSRQ\)/);
    expect(report.errors[3].reason).toMatch(/另见第 2 行/);
    expect(await total()).toBe(0);
  });

  it('refuses files without the required columns or with broken quoting', async () => {
    const missing = (
      await admin.post('/api/components/import', {
        format: 'csv',
        content: '管理部件标识码,经度\n1,2',
      })
    ).json();
    expect(missing.errors.map((e: { reason: string }) => e.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/missing_column: 缺少列 管理部件名称 \(GLBJMC\)/),
        expect.stringMatching(/纬度/),
      ]),
    );
    const broken = (
      await admin.post('/api/components/import', { format: 'csv', content: `${HEADER}\n"open` })
    ).json();
    expect(broken.errors[0]).toMatchObject({
      line: 2,
      reason: expect.stringMatching(/unterminated_quote/),
    });
  });

  it('imports a valid CSV after a dry run, storing extension columns and warning about stated grids that differ', async () => {
    const content = csv([
      HEADER,
      row(code('01001', 1), CITY.inA, { material: '铸铁', grid: CITY.gridB }),
      row(code('01001', 2), CITY.inB, { status: '破损', change: '20260201' }),
      row(code('02001', 1), CITY.inC, { status: 'lost' }),
    ]);
    const dry = (
      await admin.post('/api/components/import', { format: 'csv', content, dryRun: true })
    ).json();
    expect(dry).toMatchObject({ ok: true, committed: false, counts: { rows: 3, created: 3 } });
    expect(await total()).toBe(0);
    const audited = async () =>
      (await admin.get('/api/audit?action=component_changed')).json().items as {
        actorName: string;
        targetId: string;
        detail: { change: string; summary: string };
      }[];
    expect(await audited()).toEqual([]);
    const res = await admin.post('/api/components/import', { format: 'csv', content });
    expect(res.statusCode).toBe(200);
    // One entry per committed import (a dry run writes nothing, so it audits nothing).
    expect(
      (await audited()).map((e) => [e.actorName, e.targetId, e.detail.change, e.detail.summary]),
    ).toEqual([['root', 'import', 'imported', '批量导入部件 3 个（csv）']]);
    expect(res.json()).toMatchObject({ ok: true, committed: true, counts: { created: 3 } });
    expect(res.json().warnings).toEqual([
      expect.objectContaining({
        index: 0,
        line: 2,
        reason: expect.stringMatching(/located_differs/),
      }),
    ]);
    const items = (await admin.get('/api/components')).json().items;
    expect(
      items.map((i: { code: string; status: string; gridCode: string }) => [
        i.code,
        i.status,
        i.gridCode,
      ]),
    ).toEqual([
      [code('01001', 1), 'intact', CITY.gridA],
      [code('01001', 2), 'damaged', CITY.gridB],
      [code('02001', 1), 'lost', CITY.gridC],
    ]);
    expect(items[0]).toMatchObject({
      deptName: '测试区城市管理局, 市政科',
      extra: { 材质: '铸铁' },
    });
    const detail = (await admin.get(`/api/components/${items[1].id}`)).json();
    expect(detail.history).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'damaged', reason: '批量导入' }),
    ]);

    const again = (await admin.post('/api/components/import', { format: 'csv', content })).json();
    expect(again.errors.map((e: { reason: string }) => e.reason.split(':')[0])).toEqual([
      'code_exists',
      'code_exists',
      'code_exists',
    ]);
  });

  it('imports GeoJSON points with standard property names and refuses numeric codes', async () => {
    const feature = (props: Record<string, unknown>, coordinates: unknown = CITY.inB) => ({
      type: 'Feature',
      properties: props,
      geometry: { type: 'Point', coordinates },
    });
    const base = {
      GLBJMC: '路灯',
      ZGBMDM: CREDIT,
      ZGBMMC: '测试区城市管理局',
      CSRQ: '20250601',
      灯杆高度: 8,
    };
    const bad = {
      type: 'FeatureCollection',
      features: [
        feature({ ...base, GLBJBSM: Number(code('01037', 1)) }),
        feature({ ...base, GLBJBSM: code('01037', 2) }, [1, 2, 3].slice(0, 1)),
        { type: 'Nope' },
      ],
    };
    const refused = (
      await admin.post('/api/components/import', {
        format: 'geojson',
        content: JSON.stringify(bad),
      })
    ).json();
    expect(
      refused.errors.map((e: { index: number; reason: string }) => [
        e.index,
        e.reason.split(':')[0],
      ]),
    ).toEqual(
      expect.arrayContaining([
        [0, 'number_code'],
        [1, 'not_point'],
        [2, 'not_feature'],
      ]),
    );
    const good = {
      type: 'FeatureCollection',
      features: [
        feature({ ...base, GLBJBSM: code('01037', 1), GLBJZT: '完好' }),
        feature({ ...base, GLBJBSM: code('01037', 2), legacyCode: '4101010137000002' }, CITY.inA),
      ],
    };
    const res = await admin.post('/api/components/import', {
      format: 'geojson',
      content: JSON.stringify(good),
      crs: 'wgs84',
    });
    expect(res.json()).toMatchObject({
      ok: true,
      committed: true,
      counts: { rows: 2, created: 2 },
      extensionFields: ['灯杆高度'],
    });
    const lamp = (await admin.get('/api/components?classCode=01037')).json().items;
    expect(lamp.map((l: { gridCode: string; extra: unknown }) => [l.gridCode, l.extra])).toEqual([
      [CITY.gridB, { 灯杆高度: 8 }],
      [CITY.gridA, { 灯杆高度: 8 }],
    ]);
    expect(
      (
        await admin.post('/api/components/import', { format: 'geojson', content: '{"type":' })
      ).json().errors[0].reason,
    ).toMatch(/invalid_json/);
  });

  it('refuses rows outside the importer’s scope', async () => {
    await t.services.users.createRole(
      t.services.system,
      {
        code: 'component_keeper',
        name: '部件管理员',
        nameEn: 'Component keeper',
        permissions: ['components.read', 'components.manage'],
      },
      null,
    );
    const keeper = await userSession(t, {
      username: 'keeperA',
      roles: ['component_keeper'],
      areaCodes: [CITY.gridA],
    });
    const content = csv([
      HEADER,
      row(code('01001', 50), CITY.inA),
      row(code('01001', 51), CITY.inC),
    ]);
    const res = await keeper.post('/api/components/import', { format: 'csv', content });
    // 422 with an import report ({ ok: false, errors }), not an error body: no code to pin.
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        index: 1,
        line: 3,
        code: code('01001', 51),
        reason: expect.stringMatching(/^outside_scope/),
      }),
    ]);
    const observer = await userSession(t, {
      username: 'obs',
      roles: ['observer'],
      areaCodes: [CITY.district],
    });
    expectRefusal(await observer.post('/api/components/import', { format: 'csv', content }), {
      status: 403,
      code: 'forbidden',
    });
  });
});
