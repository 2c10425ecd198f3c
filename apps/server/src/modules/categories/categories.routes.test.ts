import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let leader: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  leader = await userSession(t, {
    username: 'leader',
    roles: ['street_leader'],
    areaCodes: ['410101001'],
  });
});
afterAll(async () => t.close());

type Item = {
  code: string;
  kind: string;
  level: string;
  name: string;
  children?: Item[];
  [k: string]: unknown;
};
const items = async (s: Session, url: string): Promise<Item[]> => {
  const res = await s.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const count = (rows: Item[], level: string) => rows.filter((r) => r.level === level).length;

describe('category dictionary (分类字典)', () => {
  it('refuses anonymous callers, callers without the permission and writes without categories.manage', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/categories' })).statusCode).toBe(401);
    await admin.post('/api/roles', {
      code: 'map_only',
      name: '仅看地图',
      nameEn: 'Map only',
      permissions: ['areas.read'],
    });
    const mapOnly = await userSession(t, { username: 'maponly', roles: ['map_only'] });
    expectRefusal(await mapOnly.get('/api/categories'), { status: 403, code: 'forbidden' });
    expect((await leader.get('/api/categories?kind=matter')).statusCode).toBe(200);
    expectRefusal(
      await leader.post('/api/categories', {
        kind: 'matter',
        parentCode: '06010',
        code: '0601001',
        name: '河道暴露垃圾',
      }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await leader.patch('/api/categories/06010', { name: '改名' }), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('ships GB/T 47678.5-2026: 153 部件 and 250 事项 with their 大类, plus the 综治 domains', async () => {
    const components = await items(admin, '/api/categories?kind=component');
    expect([count(components, 'major'), count(components, 'minor')]).toEqual([5, 153]);
    const matters = await items(admin, '/api/categories?kind=matter');
    expect([count(matters, 'major'), count(matters, 'minor')]).toEqual([10, 250]);
    expect(matters.every((m) => m.isLocalExtension === false && m.active === true)).toBe(true);
    const governance = await items(admin, '/api/categories?kind=governance');
    expect(governance.filter((g) => g.level === 'major').map((g) => g.name)).toEqual([
      '矛盾纠纷',
      '治安隐患',
      '民生服务',
      '社情民意',
      '特殊人群报告',
      '突发事件',
    ]);
    expect(governance.find((g) => g.code === 'Z03002')).toMatchObject({
      name: '咨询',
      parentCode: 'Z03',
      level: 'minor',
    });

    const tree = await items(admin, '/api/categories?kind=matter&view=tree');
    expect(tree.map((r) => r.code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
    ]);
    expect(tree.find((r) => r.code === '06')!.children).toHaveLength(51);
  });

  it('reads one class: 事项 by default, 部件 with kind=component; 404 for an unknown code, 400 for a malformed one', async () => {
    expect((await admin.get('/api/categories/01001')).json()).toMatchObject({
      kind: 'matter',
      name: '供水井盖异常',
    });
    expect((await admin.get('/api/categories/01001?kind=component')).json()).toMatchObject({
      kind: 'component',
      name: '供水井盖',
    });
    expect((await admin.get('/api/categories/06010')).json()).toMatchObject({
      selfHandleAllowed: true,
      duplicateRadiusM: 50,
    });
    const missing = await admin.get('/api/categories/06999');
    expect([missing.statusCode, errorCode(missing)]).toEqual([404, 'not_found']);
    expectRefusal(await admin.get('/api/categories/06%25'), {
      status: 400,
      code: 'validation_failed',
      field: 'params.code',
    });
    expectRefusal(await admin.get('/api/categories?kind=rumour'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.kind',
    });
  });

  it('searches by name, code prefix, synonym (地方叫法) and legacy alias', async () => {
    expect((await items(admin, '/api/categories?q=暴露垃圾')).map((r) => r.code)).toEqual([
      '06010',
    ]);
    expect((await items(admin, '/api/categories?kind=matter&q=0901')).map((r) => r.code)).toEqual([
      '09010',
      '09011',
      '09012',
      '09013',
      '09014',
      '09015',
      '09016',
      '09017',
      '09018',
      '09019',
    ]);

    const upd = await admin.patch('/api/categories/06010', {
      synonyms: ['乱扔垃圾', '垃圾乱倒'],
      legacyCodes: ['01-10'],
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ synonyms: ['乱扔垃圾', '垃圾乱倒'], legacyCodes: ['0110'] });
    expect((await items(admin, '/api/categories?q=乱扔')).map((r) => r.code)).toEqual(['06010']);
    expect((await items(admin, '/api/categories?q=0110')).map((r) => r.code)).toEqual(['06010']);
    // A tree of hits keeps the path from the root.
    const tree = await items(admin, '/api/categories?q=乱扔&view=tree');
    expect(tree.map((r) => r.code)).toEqual(['06']);
    expect(tree[0]!.children!.map((r) => r.code)).toEqual(['06010']);
    expect(await items(admin, '/api/categories?q=%25')).toEqual([]);
  });

  it('resolves an old code to the current class and refuses an alias already taken', async () => {
    for (const old of ['01-10', '0110', '01.10']) {
      const res = await leader.get(`/api/categories/resolve?code=${old}`);
      expect(res.statusCode, old).toBe(200);
      expect(res.json()).toMatchObject({ code: '06010', name: '暴露垃圾' });
    }
    expectRefusal(await admin.get('/api/categories/resolve?code=0199'), {
      status: 404,
      code: 'not_found',
    });
    expectRefusal(await admin.get('/api/categories/resolve?code=01-10&kind=component'), {
      status: 404,
      code: 'not_found',
    });
    const taken = await admin.patch('/api/categories/06011', { legacyCodes: ['0110'] });
    expectRefusal(taken, { status: 409, code: 'duplicate', field: 'legacyCodes' });
    // The same old number may name a 部件, whose legacy table was separate.
    expect(
      (await admin.patch('/api/categories/01001?kind=component', { legacyCodes: ['0110'] }))
        .statusCode,
    ).toBe(200);
    expect(
      (await admin.get('/api/categories/resolve?code=0110&kind=component')).json(),
    ).toMatchObject({ kind: 'component', code: '01001' });
  });

  it('adds local extensions whose codes extend their parent', async () => {
    const sub = await admin.post('/api/categories', {
      kind: 'matter',
      parentCode: '06010',
      code: '0601001',
      name: '河道暴露垃圾',
      synonyms: ['河边垃圾'],
    });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({
      code: '0601001',
      level: 'sub',
      parentCode: '06010',
      isLocalExtension: true,
      active: true,
    });
    const detail = await admin.post('/api/categories', {
      kind: 'matter',
      parentCode: '0601001',
      code: '060100101',
      name: '河道漂浮垃圾',
    });
    expect(detail.json()).toMatchObject({ level: 'detail', isLocalExtension: true });
    const minor = await admin.post('/api/categories', {
      kind: 'matter',
      parentCode: '06',
      code: '06901',
      name: '本地新增小类',
      selfHandleAllowed: true,
    });
    expect(minor.json()).toMatchObject({
      level: 'minor',
      parentCode: '06',
      selfHandleAllowed: true,
    });
    const gov = await admin.post('/api/categories', {
      kind: 'governance',
      parentCode: 'Z01',
      code: 'Z01901',
      name: '宅基地纠纷',
    });
    expect(gov.json()).toMatchObject({ kind: 'governance', level: 'minor' });
    expect((await items(admin, '/api/categories?q=河边')).map((r) => r.code)).toEqual(['0601001']);
  });

  it('refuses a code that does not extend its parent, a duplicate, an unknown parent and a sixth level', async () => {
    const post = (body: object) =>
      admin.post('/api/categories', { kind: 'matter', name: '测试', ...body });
    const notExtending = await post({ parentCode: '06010', code: '0601101' });
    expect([
      notExtending.statusCode,
      errorCode(notExtending),
      notExtending.json().error.field,
    ]).toEqual([400, 'invalid_code', 'code']);
    expectRefusal(await post({ parentCode: '06010', code: '06010001' }), {
      status: 400,
      code: 'invalid_code',
      field: 'code',
    });
    expectRefusal(await post({ parentCode: '06', code: '0699' }), {
      status: 400,
      code: 'invalid_code',
      field: 'code',
    });
    const dup = await post({ parentCode: '06010', code: '0601001' });
    expectRefusal(dup, { status: 409, code: 'duplicate', field: 'code' });
    const national = await post({ parentCode: '06', code: '06011' });
    expectRefusal(national, { status: 409, code: 'duplicate', field: 'code' });
    const unknown = await post({ parentCode: '06999', code: '0699901' });
    expectRefusal(unknown, { status: 400, code: 'validation_failed', field: 'parentCode' });
    expectRefusal(await post({ parentCode: '060100101', code: '06010010101' }), {
      status: 400,
      code: 'validation_failed',
      field: 'parentCode',
    });
    expectRefusal(await post({ parentCode: '06010', code: '06010-1' }), {
      status: 400,
      code: 'validation_failed',
      field: 'code',
    });
    expectRefusal(await post({ kind: 'component', parentCode: 'Z01', code: 'Z01902' }), {
      status: 400,
      code: 'validation_failed',
      field: 'parentCode',
    });
  });

  it('edits names and flags, and deactivating a class hides it and its children from activeOnly lists', async () => {
    const upd = await admin.patch('/api/categories/0601001', {
      name: '河道沿岸暴露垃圾',
      verifyRequired: true,
      duplicateRadiusM: 100,
      active: false,
    });
    expect(upd.json()).toMatchObject({
      name: '河道沿岸暴露垃圾',
      verifyRequired: true,
      duplicateRadiusM: 100,
      active: false,
    });
    const active = await items(admin, '/api/categories?kind=matter&activeOnly=true&q=0601');
    expect(active.map((r) => r.code)).toEqual([
      '06010',
      '06011',
      '06012',
      '06013',
      '06014',
      '06015',
      '06016',
      '06017',
      '06018',
      '06019',
    ]);
    const all = await items(admin, '/api/categories?kind=matter&q=0601');
    expect(all.map((r) => r.code)).toEqual(expect.arrayContaining(['0601001', '060100101']));
    expectRefusal(await admin.patch('/api/categories/06999', { name: '无' }), {
      status: 404,
      code: 'not_found',
    });
    expectRefusal(await admin.patch('/api/categories/06010', { duplicateRadiusM: -1 }), {
      status: 400,
      code: 'validation_failed',
      field: 'duplicateRadiusM',
    });
  });
});

describe('category audit', () => {
  it('audits local extensions and edits with the actor, the class and a summary', async () => {
    const created = await admin.post('/api/categories', {
      kind: 'matter',
      parentCode: '06011',
      code: '0601101',
      name: '审计测试子类',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      (await admin.patch('/api/categories/0601101', { name: '审计测试子类（改）', active: false }))
        .statusCode,
    ).toBe(200);
    const items = (await admin.get('/api/audit?action=category_changed')).json().items as {
      actorName: string;
      targetType: string;
      targetId: string;
      detail: { change: string; summary: string };
    }[];
    const mine = items.filter((e) => e.targetId === 'matter:0601101').reverse();
    expect(mine.map((e) => [e.actorName, e.targetType, e.detail.change])).toEqual([
      ['root', 'category', 'created'],
      ['root', 'category', 'updated'],
    ]);
    expect(mine[0]!.detail.summary).toContain('新增分类 0601101 审计测试子类');
    expect(mine[1]!.detail.summary).toContain('停用');
    // A refused write leaves no entry.
    expectRefusal(
      await admin.post('/api/categories', {
        kind: 'matter',
        parentCode: '06011',
        code: '0601101',
        name: '重复',
      }),
      { status: 409, code: 'duplicate', field: 'code' },
    );
    expect((await admin.get('/api/audit?action=category_changed')).json().items).toHaveLength(
      items.length,
    );
  });
});
