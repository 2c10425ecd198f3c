import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { sheetRows, XLSX_TYPE, xlsxOf } from './imports.test-util';
import { expectRefusal } from '../../../test/refusal';

// The case-configuration workbooks (分类字典, 派遣矩阵, 立结案标准): export → import round trips, all-or-nothing
// imports reported by row and column, their own permissions, and the rule that a class in use is not retired.

let t: TestApp;
let admin: Session;
let deptId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  const res = await admin.post('/api/departments', {
    code: 'hw',
    name: '区环卫中心',
    areaCode: CITY.district,
  });
  deptId = res.json().id;
  await admin.post('/api/departments', {
    code: 'west_hw',
    name: '西街道环卫所',
    areaCode: CITY.streetW,
  });
});
afterAll(async () => t.close());

const PATHS = {
  categories: '/api/categories/sheet',
  dispatch: '/api/dispatch-rules/sheet',
  conditions: '/api/registration-conditions/sheet',
} as const;

async function exported(s: Session, path: string): Promise<{ buf: Buffer; rows: string[][] }> {
  const res = await s.get(`${path}.xlsx`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return { buf: res.rawPayload, rows: await sheetRows(res.rawPayload) };
}

function upload(s: Session, path: string, body: Buffer, mode: 'dry-run' | 'commit') {
  return t.app.inject({
    method: 'POST',
    url: `${path}?mode=${mode}&fileName=t.xlsx`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': XLSX_TYPE },
    payload: body,
  });
}

type Report = {
  rows: number;
  problemCount: number;
  committed: boolean;
  created: number;
  updated: number;
  unchanged: number;
  problems: { row: number; column: string; value: string; problem: string }[];
};
const report = (res: LightMyRequestResponse): Report => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as Report;
};

/** The sheet without its watermark line: header row first. */
const table = (rows: string[][]) => rows.slice(1);
const col = (header: string[], name: string) => {
  const i = header.indexOf(name);
  expect(i, name).toBeGreaterThanOrEqual(0);
  return i;
};

describe('config workbooks: export → import changes nothing', () => {
  for (const [name, path] of Object.entries(PATHS))
    it(`${name}: the exported workbook imports back unchanged`, async () => {
      if (name === 'dispatch')
        await admin.post('/api/dispatch-rules', {
          classCode: '06010',
          areaCode: CITY.streetW,
          departmentId: deptId,
          role: 'backup',
          priority: 3,
        });
      const first = await exported(admin, path);
      expect(first.rows[0]![0]).toMatch(/导出 · .*root/);
      expect(table(first.rows).length).toBeGreaterThan(1);
      const dry = report(await upload(admin, path, first.buf, 'dry-run'));
      expect(dry.problems).toEqual([]);
      const done = report(await upload(admin, path, first.buf, 'commit'));
      expect(done).toMatchObject({ committed: true, created: 0, updated: 0 });
      expect(done.unchanged).toBe(table(first.rows).length - 1);
      const again = await exported(admin, path);
      expect(table(again.rows)).toEqual(table(first.rows));
    });

  it('is audited: an export names its table, a commit is a registry_imported entry', async () => {
    const items = (await admin.get('/api/audit?limit=50')).json().items as {
      action: string;
      targetType: string;
    }[];
    expect(items.some((e) => e.action === 'config_exported' && e.targetType === 'categories')).toBe(
      true,
    );
    expect(
      items.some((e) => e.action === 'registry_imported' && e.targetType === 'dispatch_rules'),
    ).toBe(true);
  });
});

describe('分类字典 import', () => {
  const header = [
    '问题类型',
    '分类编码',
    '上级编码',
    '名称',
    '地方叫法',
    '自行处置',
    '必须核实',
    '重复判定半径(米)',
    '启用',
  ];

  it('adds a local 子类 and its 细类 from one file, with flags and synonyms', async () => {
    const file = await xlsxOf(header, [
      ['事项', '0601099', '06010', '背街积存垃圾', '垃圾堆、乱倒垃圾', '是', '否', '80', ''],
      ['事项', '060109901', '0601099', '楼道口积存垃圾', '', '', '是', '', '是'],
    ]);
    const done = report(await upload(admin, PATHS.categories, file, 'commit'));
    expect(done).toMatchObject({ committed: true, created: 2, updated: 0 });
    const sub = (await admin.get('/api/categories/0601099')).json();
    expect(sub).toMatchObject({
      level: 'sub',
      isLocalExtension: true,
      selfHandleAllowed: true,
      duplicateRadiusM: 80,
    });
    expect(sub.synonyms).toEqual(['垃圾堆', '乱倒垃圾']);
    // The 细类 left its radius empty: it takes its new parent's.
    expect((await admin.get('/api/categories/060109901')).json()).toMatchObject({
      level: 'detail',
      verifyRequired: true,
      duplicateRadiusM: 80,
    });
  });

  it('writes nothing when one row fails, and reports row, column, value and message', async () => {
    const file = await xlsxOf(header, [
      ['事项', '0601098', '06010', '好的一行', '', '', '', '', ''],
      ['事项', '06010981', '06010', '编码位数不对', '', '', '', '', ''],
      ['事项', '0601097', '99999', '上级不存在', '', '', '', '', ''],
      ['事项', '0601096', '06010', '半径太大', '', '', '', '9000', ''],
      ['事项', '0601095', '06010', '开关写错', '', '也许', '', '', ''],
      ['部门', '0601094', '06010', '类型写错', '', '', '', '', ''],
    ]);
    const r = report(await upload(admin, PATHS.categories, file, 'commit'));
    expect(r.committed).toBe(false);
    const at = (row: number) => r.problems.filter((p) => p.row === row).map((p) => p.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['分类编码']);
    expect(r.problems.find((p) => p.row === 3)!.problem).toContain('加 2 位');
    expect(at(4)).toEqual(['上级编码']);
    expect(at(5)).toEqual(['重复判定半径(米)']);
    expect(at(6)).toEqual(['自行处置']);
    expect(r.problems.find((p) => p.row === 6)!.value).toBe('也许');
    expect(at(7)).toEqual(['问题类型']);
    expectRefusal(await admin.get('/api/categories/0601098'), { status: 404, code: 'not_found' });
  });

  it('refuses a duplicate code in the file and an alias that names another class', async () => {
    const withAlias = [...header, '旧编码'];
    const file = await xlsxOf(withAlias, [
      ['事项', '0601093', '06010', '甲', '', '', '', '', '', ''],
      ['事项', '0601093', '06010', '乙', '', '', '', '', '', ''],
      ['事项', '0601092', '06010', '丙', '', '', '', '', '', 'X1'],
      ['事项', '0601091', '06010', '丁', '', '', '', '', '', 'X1'],
    ]);
    const r = report(await upload(admin, PATHS.categories, file, 'dry-run'));
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '分类编码'],
      [4, '旧编码'],
      [5, '旧编码'],
    ]);
  });

  it('does not retire a class with open cases: PATCH and import are refused on 启用', async () => {
    const insp = await userSession(t, {
      username: 'insp',
      roles: ['inspector'],
      areaCodes: [CITY.streetW],
    });
    const reported = await insp.post('/api/cases', {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '西社区文化路 12 号',
      description: '楼道口垃圾',
      classCode: '060109901',
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const res = await admin.patch('/api/categories/0601099', { active: false });
    expect([res.statusCode, res.json().error.code, res.json().error.field]).toEqual([
      409,
      'conflict',
      'active',
    ]);
    expect(res.json().error.message).toContain('1 件未办结案件');
    const file = await xlsxOf(header, [
      ['事项', '060109901', '0601099', '楼道口积存垃圾', '', '', '是', '', '否'],
    ]);
    const r = report(await upload(admin, PATHS.categories, file, 'commit'));
    expect([r.committed, r.problems.map((p) => p.column)]).toEqual([false, ['启用']]);
    expect((await admin.get('/api/categories/060109901')).json().active).toBe(true);
    // A class without open cases is retired at once.
    const ok = await admin.patch('/api/categories/0601098', { active: false });
    expectRefusal(ok, { status: 404, code: 'not_found' });
    expect((await admin.patch('/api/categories/06011', { active: false })).statusCode).toBe(200);
  });

  it('is refused to a registry importer without categories.manage', async () => {
    const grid = await userSession(t, {
      username: 'gw',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridA],
    });
    const file = await xlsxOf(header, [['事项', '0601089', '06010', '甲', '', '', '', '', '']]);
    const res = await upload(grid, PATHS.categories, file, 'commit');
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden']);
    expect((await grid.get(`${PATHS.dispatch}.xlsx`)).statusCode).toBe(200);
    expectRefusal(await upload(grid, PATHS.dispatch, file, 'dry-run'), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await upload(grid, PATHS.conditions, file, 'dry-run'), {
      status: 403,
      code: 'forbidden',
    });
  });
});

describe('派遣矩阵 import', () => {
  const header = ['分类编码', '区域编码', '部门编码', '角色', '优先级', '启用'];

  it('adds a rule the suggestion then names, and updates it by its key on a second import', async () => {
    const file = await xlsxOf(header, [['06030', CITY.streetW, 'west_hw', '主办', '1', '']]);
    expect(report(await upload(admin, PATHS.dispatch, file, 'commit'))).toMatchObject({
      created: 1,
    });
    const s = (
      await admin.get(`/api/dispatch-rules/suggest?classCode=06030&gridCode=${CITY.gridA}`)
    ).json();
    expect(s.primary.code).toBe('west_hw');
    const again = await xlsxOf(header, [['06030', CITY.streetW, 'west_hw', '主办', '5', '']]);
    expect(report(await upload(admin, PATHS.dispatch, again, 'commit'))).toMatchObject({
      created: 0,
      updated: 1,
    });
    const dept = (await admin.get('/api/departments'))
      .json()
      .items.find((d: { code: string }) => d.code === 'west_hw').id as string;
    const byDept = (await admin.get(`/api/dispatch-rules?departmentId=${dept}`)).json().items;
    expect(
      byDept.map((r: { classCode: string; priority: number }) => [r.classCode, r.priority]),
    ).toEqual([['06030', 5]]);
  });

  it('checks every row: unknown department, class and area, role; out of scope for a street admin', async () => {
    const file = await xlsxOf(header, [
      ['06030', CITY.streetW, 'nobody', '主办', '', ''],
      ['99999', CITY.streetW, 'hw', '主办', '', ''],
      ['06030', '410101999', 'hw', '主办', '', ''],
      ['06030', CITY.streetW, 'hw', '牵头', '', ''],
      ['06030', CITY.streetE, 'hw', '协办', '', ''],
    ]);
    const r = report(await upload(admin, PATHS.dispatch, file, 'commit'));
    expect(r.committed).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '部门编码'],
      [3, '分类编码'],
      [4, '区域编码'],
      [5, '角色'],
    ]);
    await admin.post('/api/roles', {
      code: 'street_dispatch',
      name: '街道派遣配置',
      nameEn: 'Street dispatch admin',
      permissions: ['categories.read', 'dispatch.manage'],
    });
    const west = await userSession(t, {
      username: 'westadmin',
      roles: ['street_dispatch'],
      areaCodes: [CITY.streetW],
    });
    const out = report(
      await upload(
        west,
        PATHS.dispatch,
        await xlsxOf(header, [['06030', CITY.streetE, 'hw', '', '', '']]),
        'dry-run',
      ),
    );
    expect(out.problems.map((p) => [p.row, p.column])).toEqual([[2, '区域编码']]);
    // The street's own export holds only its rules.
    const rows = table((await exported(west, PATHS.dispatch)).rows);
    const area = col(rows[0]!, '区域编码');
    expect(rows.slice(1).every((r) => r[area]!.startsWith(CITY.streetW))).toBe(true);
  });
});

describe('立结案标准 import', () => {
  it('a changed limit becomes a new version of the condition; other rows stay', async () => {
    const { rows } = await exported(admin, PATHS.conditions);
    const [header, ...data] = table(rows);
    const cls = col(header!, '分类编码');
    const limit = col(header!, '处置时限');
    const id = col(header!, '条件ID');
    const i = data.findIndex((r) => r[cls] === '06010');
    expect(i).toBeGreaterThanOrEqual(0);
    const edited = data.map((r, k) =>
      k === i ? r.map((v, c) => (c === limit ? '7 工作日' : v)) : r,
    );
    const file = await xlsxOf(header!, edited);
    const done = report(await upload(admin, PATHS.conditions, file, 'commit'));
    expect(done).toMatchObject({
      committed: true,
      created: 0,
      updated: 1,
      unchanged: data.length - 1,
    });
    const lineage = data[i]![id]!;
    const history = (await admin.get('/api/categories/06010/conditions?history=true')).json()
      .items as {
      lineageId: string;
      limitValue: number;
      limitType: string;
      validTo: string | null;
    }[];
    const versions = history.filter((h) => h.lineageId === lineage);
    expect(versions.length).toBe(2);
    expect(versions.find((v) => v.validTo === null)).toMatchObject({
      limitValue: 7,
      limitType: 'work_day',
    });
  });

  it('adds a condition from a row without 条件ID and refuses bad cells by column', async () => {
    const header = [
      '分类编码',
      '立案条件',
      '结案条件',
      '处置时限',
      '受理时限',
      '红牌倍数',
      '黄牌倍数',
      '条件ID',
    ];
    const bad = await xlsxOf(header, [
      ['06010', '新的立案条件：垃圾超过两平方米', '清理干净', '2 工作日', '', '', '', ''],
      ['06010', '时限写错', '清理干净', '两天', '', '', '', ''],
      ['06', '大类不能立标准', '清理干净', '1 工作日', '', '', '', ''],
      ['06010', '步骤时限写错', '清理干净', '1 工作日', '3 小时', '', '', ''],
      ['06010', '倍数颠倒', '清理干净', '1 工作日', '', '1', '2', ''],
      ['06010', '条件不存在', '清理干净', '1 工作日', '', '', '', 'nope'],
    ]);
    const r = report(await upload(admin, PATHS.conditions, bad, 'commit'));
    expect(r.committed).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '处置时限'],
      [4, '分类编码'],
      [5, '受理时限'],
      [6, '红牌倍数'],
      [7, '条件ID'],
    ]);
    const good = await xlsxOf(header.slice(0, 4), [
      ['06010', '新的立案条件：垃圾超过两平方米', '清理干净', '2 工作日'],
    ]);
    expect(report(await upload(admin, PATHS.conditions, good, 'commit'))).toMatchObject({
      created: 1,
    });
    const items = (await admin.get('/api/categories/06010/conditions')).json().items as {
      text: string;
      stepLimits: { accept: { value: number } };
    }[];
    expect(items.find((c) => c.text.startsWith('新的立案条件'))!.stepLimits.accept.value).toBe(1);
  });
});
