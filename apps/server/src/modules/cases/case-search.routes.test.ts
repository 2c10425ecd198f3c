import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, login, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, type CaseCast } from './cases.test-util';

// The queue's search box and export (issue 11 #4): by case number (whole or any part), description, address and
// reporter, inside the caller's scope only; the export is the same selection, masked unless a reason is given.

let t: TestApp;
let cast: CaseCast;
let reporterW: Session, reporterE: Session;
const caseNo: Record<string, string> = {};

const reportAt = (
  s: Session,
  at: [number, number],
  address: string,
  description: string,
): Promise<string> =>
  s
    .post('/api/cases', { lng: at[0], lat: at[1], address, description, classCode: '06010' })
    .then((r) => {
      expect(r.statusCode, r.body).toBe(201);
      return r.json().caseNo as string;
    });

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  await createUser(t, {
    username: 'zhangw',
    displayName: '张伟明',
    roles: ['grid_administrator'],
    areaCodes: [CITY.streetW],
  });
  await createUser(t, {
    username: 'liue',
    displayName: '刘东海',
    roles: ['grid_administrator'],
    areaCodes: [CITY.streetE],
  });
  reporterW = await login(t, 'zhangw');
  reporterE = await login(t, 'liue');
  caseNo.w1 = await reportAt(reporterW, CITY.inA, '文化路 12 号门前', '井盖破损，行人易跌倒');
  caseNo.w2 = await reportAt(reporterW, CITY.inB, '人民路 3 号', '路灯不亮');
  caseNo.e1 = await reportAt(reporterE, CITY.inC, '东风路 8 号', '井盖破损，车辆颠簸');
});
afterAll(async () => t.close());

const found = async (s: Session, query: string): Promise<string[]> => {
  const res = await s.get(`/api/cases?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { caseNo: string }[]).map((c) => c.caseNo).sort();
};
const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe('case queue search', () => {
  it('finds a case by its whole number, in any case, and by any part of it', async () => {
    expect(await found(cast.admin, q(caseNo.w1!))).toEqual([caseNo.w1]);
    expect(await found(cast.admin, q(caseNo.w1!.toLowerCase()))).toEqual([caseNo.w1]);
    expect(await found(cast.admin, q(` ${caseNo.w2!.slice(-7)} `))).toEqual([caseNo.w2]);
    // Two digits are too short for the trigram index: matched on the scope's rows instead, same answer.
    const tail = caseNo.e1!.slice(-2);
    expect(await found(cast.admin, q(tail))).toContain(caseNo.e1);
  });

  it('finds by a word of the description or the address (short and long words), nothing for a miss', async () => {
    expect(await found(cast.admin, q('井盖'))).toEqual([caseNo.w1, caseNo.e1].sort());
    expect(await found(cast.admin, q('井盖破损'))).toEqual([caseNo.w1, caseNo.e1].sort());
    expect(await found(cast.admin, q('人民路'))).toEqual([caseNo.w2]);
    expect(await found(cast.admin, q('文化路 12'))).toEqual([caseNo.w1]);
    expect(await found(cast.admin, q('不存在的问题'))).toEqual([]);
    // LIKE wildcards and FTS syntax are plain text here.
    for (const odd of ['%', '_', '"', '井盖" OR "路灯', '\\', '*'])
      expect(await found(cast.admin, q(odd))).toEqual([]);
  });

  it('searches within the caller’s scope only, and combines with the filters', async () => {
    expect(await found(cast.leader, q('井盖'))).toEqual([caseNo.w1]);
    expect(await found(cast.leader, q(caseNo.e1!))).toEqual([]);
    expect(await found(cast.admin, `${q('井盖')}&areaCode=${CITY.streetE}`)).toEqual([caseNo.e1]);
    expect(await found(cast.admin, `${q('井盖')}&state=closed`)).toEqual([]);
    expect(await found(cast.admin, `${q('井盖')}&limit=1&offset=1`)).toHaveLength(1);
  });

  it('finds by the reporter’s name for roles that may look staff up, within their scope', async () => {
    expect(await found(cast.intake, 'reporter=伟明')).toEqual([caseNo.w1, caseNo.w2].sort());
    expect(await found(cast.intake, `reporter=${encodeURIComponent('刘')}&${q('井盖')}`)).toEqual([
      caseNo.e1,
    ]);
    expect(await found(cast.intake, 'reporter=nobody')).toEqual([]);
    // A street leader's scope holds neither the east reporter nor the east case.
    expect(await found(cast.leader, `reporter=${encodeURIComponent('刘东海')}`)).toEqual([]);
  });

  it('refuses a reporter search to roles without users.read, and a phone number in the URL', async () => {
    expectRefusal(await cast.inspector.get('/api/cases?reporter=%E5%BC%A0'), {
      code: 'forbidden',
      field: 'reporter',
    });
    expectRefusal(await cast.intake.get('/api/cases?reporter=13812345678'), {
      code: 'validation_failed',
      field: 'querystring.reporter',
    });
    expectRefusal(await cast.admin.get(`/api/cases?${q('x'.repeat(51))}`), {
      code: 'validation_failed',
      field: 'querystring.q',
    });
  });
});

/** The first sheet as rows of cell texts, watermark and header included. */
async function sheetOf(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))),
  );
  return rows;
}

const exports = () =>
  t.services.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'registry_exported')
    .where('target_type', '=', 'case')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();

describe('case export', () => {
  it('exports the searched selection within scope, reporters masked, and audits it', async () => {
    const res = await cast.leader.get(`/api/cases/export?${q('井盖')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="cases-.*\.xlsx"/);
    const [watermark, header, ...rows] = await sheetOf(res.rawPayload);
    expect(watermark![0]).toMatch(/^案件导出 · .*boss.* · 上报人已脱敏$/);
    expect(header!.slice(0, 4)).toEqual(['案件编号', '状态', '来源', '分类']);
    expect(rows.map((r) => r[0])).toEqual([caseNo.w1]);
    const text = JSON.stringify(rows);
    expect(text).toContain('张*明');
    expect(text).not.toContain('张伟明');
    expect(text).toContain('西社区第1网格');
    const [entry] = await exports();
    expect(entry).toMatchObject({ actor_id: expect.any(String) });
    expect(JSON.parse(entry!.detail)).toMatchObject({
      rows: 1,
      unmasked: false,
      filter: { q: '井盖' },
    });
  });

  it('names reporters in full with registry.export and a reason, which the audit keeps', async () => {
    const res = await cast.leader.get(
      `/api/cases/export?reporter=${encodeURIComponent('伟明')}&reason=${encodeURIComponent('季度案件复盘')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const [watermark, , ...rows] = await sheetOf(res.rawPayload);
    expect(watermark![0]).toContain('含上报人姓名');
    expect(rows.map((r) => r[0]).sort()).toEqual([caseNo.w1, caseNo.w2].sort());
    expect(JSON.stringify(rows)).toContain('张伟明（zhangw）');
    expect(JSON.parse((await exports())[0]!.detail)).toMatchObject({
      rows: 2,
      unmasked: true,
      reason: '季度案件复盘',
    });
  });

  it('refuses a clear export without registry.export or with a short reason, and writes no entry', async () => {
    const before = (await exports()).length;
    expectRefusal(
      await cast.intake.get(`/api/cases/export?reason=${encodeURIComponent('看看名单')}`),
      {
        code: 'forbidden',
        field: 'reason',
      },
    );
    expectRefusal(await cast.leader.get('/api/cases/export?reason=ab'), {
      code: 'validation_failed',
      field: 'querystring.reason',
    });
    expect((await exports()).length).toBe(before);
  });
});
