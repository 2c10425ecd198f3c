import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
const dept: Record<string, string> = {};

type Gap = {
  classCode: string;
  streetCode: string;
  coverage: string;
  kind: string;
  partialAreaCodes: string[];
  partialClassCodes: string[];
  conditionOnly: boolean;
};
type Report = {
  items: Gap[];
  classCount: number;
  streetCount: number;
  uncovered: number;
  partial: number;
  truncated: boolean;
};

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  for (const [code, name] of [
    ['hw', '区环卫中心'],
    ['sz', '区市政所'],
  ] as const) {
    const res = await admin.post('/api/departments', { code, name, areaCode: CITY.district });
    dept[code] = res.json().id;
  }
});
afterAll(async () => t.close());

const report = async (s: Session, query = ''): Promise<Report> => {
  const res = await s.get(`/api/dispatch-rules/gaps?limit=5000${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const find = (r: Report, classCode: string, streetCode: string) =>
  r.items.find((g) => g.classCode === classCode && g.streetCode === streetCode);
const rule = async (body: Record<string, unknown>) => {
  const res = await admin.post('/api/dispatch-rules', body);
  expect(res.statusCode, res.body).toBe(201);
};

describe('未配置主责部门 report', () => {
  it('lists every active 小类 × street while the matrix is empty', async () => {
    const r = await report(admin);
    expect(r.streetCount).toBe(2);
    expect(r.classCount).toBeGreaterThan(250);
    expect(r.items).toHaveLength(r.classCount * 2);
    expect([r.uncovered, r.partial, r.truncated]).toEqual([r.classCount * 2, 0, false]);
    expect(find(r, '06010', CITY.streetW)).toMatchObject({ coverage: 'none', kind: 'matter' });
    expect(r.items.some((g) => g.kind === 'governance')).toBe(true);
    // Only 小类: no 大类 and no 部件 classes.
    expect(r.items.every((g) => g.classCode.length > 2)).toBe(true);
  });

  it('drops covered pairs and flags partly covered ones', async () => {
    await rule({ classCode: '06010', areaCode: CITY.district, departmentId: dept.hw });
    await rule({ classCode: '07', areaCode: CITY.streetE, departmentId: dept.sz });
    await rule({ classCode: '06042', areaCode: CITY.gridA, departmentId: dept.sz });
    // A backup names no primary department.
    await rule({
      classCode: '06042',
      areaCode: CITY.streetE,
      departmentId: dept.hw,
      role: 'backup',
    });
    const urgent = (await admin.get('/api/categories/01001/conditions'))
      .json()
      .items.find((c: { urgency: string }) => c.urgency === 'urgent');
    await rule({
      classCode: '01001',
      areaCode: CITY.district,
      departmentId: dept.sz,
      conditionId: urgent.id,
    });
    const r = await report(admin);
    expect(find(r, '06010', CITY.streetW)).toBeUndefined();
    expect(find(r, '06010', CITY.streetE)).toBeUndefined();
    expect(find(r, '07001', CITY.streetE)).toBeUndefined();
    expect(find(r, '07001', CITY.streetW)).toMatchObject({ coverage: 'none' });
    expect(find(r, '06042', CITY.streetW)).toMatchObject({
      coverage: 'partial',
      partialAreaCodes: [CITY.gridA],
    });
    expect(find(r, '06042', CITY.streetE)).toMatchObject({ coverage: 'none' });
    expect(find(r, '01001', CITY.streetW)).toMatchObject({
      coverage: 'partial',
      conditionOnly: true,
    });
    expect(r.uncovered + r.partial).toBe(r.items.length);
    expect(r.partial).toBe(3);

    const none = await report(admin, '&partial=false');
    expect(none.items.every((g) => g.coverage === 'none')).toBe(true);
    expect(none.items).toHaveLength(r.uncovered);
    const governance = await report(admin, '&kind=governance');
    expect(governance.items.every((g) => g.kind === 'governance')).toBe(true);
    const east = await report(admin, `&areaCode=${CITY.streetE}`);
    expect([east.streetCount, east.items.every((g) => g.streetCode === CITY.streetE)]).toEqual([
      1,
      true,
    ]);
    const cut = await admin.get('/api/dispatch-rules/gaps?limit=2');
    expect([cut.json().items.length, cut.json().truncated]).toEqual([2, true]);
    expectRefusal(await admin.get('/api/dispatch-rules/gaps?limit=0'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.limit',
    });
  });

  it('keeps a street administrator to their streets', async () => {
    const west = await userSession(t, {
      username: 'westreader',
      roles: ['street_leader'],
      areaCodes: [CITY.streetW],
    });
    const r = await report(west);
    expect(r.streetCount).toBe(1);
    expect(r.items.every((g) => g.streetCode === CITY.streetW)).toBe(true);
    expectRefusal(await west.get(`/api/dispatch-rules/gaps?areaCode=${CITY.streetE}`), {
      status: 404,
      code: 'not_found',
    });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/dispatch-rules/gaps' })).statusCode,
    ).toBe(401);
  });
});
