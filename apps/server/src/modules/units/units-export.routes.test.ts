import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { unitBody } from './units.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  expect(
    (await admin.post('/api/units', unitBody(1, CITY.inA, { name: '西区超市' }))).statusCode,
  ).toBe(201);
  expect(
    (
      await admin.post(
        '/api/units',
        unitBody(2, CITY.inC, { name: '东区工厂', focusTags: ['work_safety'] }),
      )
    ).statusCode,
  ).toBe(201);
});
afterAll(async () => t.close());

/** The first sheet as rows of cell texts, header included. */
async function sheetOf(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))),
  );
  return rows;
}

describe('实有单位 export', () => {
  it('exports masked without registry.export, scoped, and audits it', async () => {
    const worker = await userSession(t, {
      username: 'gridW',
      roles: ['grid_administrator'],
      areaCodes: [CITY.streetW],
    });
    const res = await worker.get('/api/units/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['x-export-masked']).toBe('true');
    const [watermark, ...rows] = await sheetOf(res.rawPayload);
    // The shared watermarked writer: who exported, and that the sheet is masked, above the header.
    expect(watermark![0]).toMatch(/^实有单位导出 · .*gridW.* · 已脱敏$/);
    expect(rows[0]!.slice(0, 4)).toEqual(['单位名称', '统一社会信用代码', '注册号', '单位类型']);
    expect(rows).toHaveLength(2);
    const text = JSON.stringify(rows);
    expect(text).toContain('西区超市');
    expect(text).not.toContain('东区工厂');
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('王*明');
    const audit = await t.services.audit.list({ action: 'registry_exported', limit: 5 });
    expect(audit[0]).toMatchObject({
      targetType: 'units',
      actorName: 'gridW',
      detail: { rows: 1, masked: true },
    });
  });

  it('exports full values with registry.export and a reason (audited), masked without the reason, filtered', async () => {
    const leader = await userSession(t, {
      username: 'lead',
      roles: ['district_leader'],
      areaCodes: [CITY.district],
    });
    expect(
      (await leader.get('/api/units/export?focusTag=work_safety')).headers['x-export-masked'],
    ).toBe('true');
    const res = await leader.get(
      `/api/units/export?focusTag=work_safety&reason=${encodeURIComponent('安全生产检查名单')}`,
    );
    expect(res.headers['x-export-masked']).toBe('false');
    const [watermark, ...rows] = await sheetOf(res.rawPayload);
    expect(watermark![0]).toContain('含完整个人信息，严禁外传');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(
      expect.arrayContaining([
        '东区工厂',
        '企业',
        '安全生产重点',
        '13812345678',
        '王大明',
        '0371-12345678',
        '东街道',
      ]),
    );
    expect(
      (await t.services.audit.list({ action: 'registry_exported', limit: 5 }))[0],
    ).toMatchObject({ detail: { rows: 1, masked: false, reason: '安全生产检查名单' } });
  });

  it('refuses anonymous callers and callers without registry.read', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/units/export' })).statusCode).toBe(401);
    const observer = await userSession(t, {
      username: 'obs',
      roles: ['observer'],
      areaCodes: [CITY.district],
    });
    expectRefusal(await observer.get('/api/units/export'), { status: 403, code: 'forbidden' });
  });
});
