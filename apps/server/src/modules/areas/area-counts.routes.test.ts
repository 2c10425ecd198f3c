import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '@wangge/shared';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, userSession, type Session } from '../../../test/factories';
import { castCases, type CaseCast } from '../cases/cases.test-util';
import { uploadSheet, xlsxOf } from '../imports/imports.test-util';
import { expectRefusal } from '../../../test/refusal';

// The map's grid panel (issue 11 #8): people living in the area, its houses and its open cases, each counted by the
// register that owns it within the caller's scope, and only for those who may read that register. Also the map
// search: any part of a code, the exact code first.
let t: TestApp;
let cast: CaseCast;
let admin: Session;
let observer: Session;
let west: Session;
const id = (first17: string) => first17 + idCheckChar(first17);

const areaId = async (s: Session, code: string) =>
  (
    (await s.get(`/api/areas/search?q=${code}`)).json().items as { id: string; code: string }[]
  ).find((a) => a.code === code)!.id;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  admin = await userSession(t, { username: 'counter', roles: ['admin'] });
  observer = await userSession(t, {
    username: 'watcher',
    roles: ['observer'],
    areaCodes: [CITY.district],
  });
  west = await userSession(t, {
    username: 'westadm',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityW],
  });
  const houses = await xlsxOf(
    ['所在网格编码', '街路巷', '门牌号', '楼栋', '单元', '楼层', '户室', '房屋用途'],
    [
      [CITY.gridA, '文化路', '12号', '1号楼', '1单元', '1层', '101室', '自住'],
      [CITY.gridA, '文化路', '12号', '1号楼', '1单元', '1层', '102室', '自住'],
    ],
  );
  expect((await uploadSheet(t, west, 'houses', houses, 'commit')).json()).toMatchObject({
    committed: true,
  });
  const persons = await xlsxOf(
    ['姓名', '证件号码', '人口类型', '所在网格编码'],
    [
      ['张三', id('41010519800101123'), '户籍人口', CITY.gridA],
      ['李四', id('41010519900215234'), '户籍人口', CITY.gridA],
      ['王五', id('41010520010308345'), '户籍人口', CITY.gridB],
    ],
  );
  expect((await uploadSheet(t, west, 'persons', persons, 'commit')).json()).toMatchObject({
    committed: true,
  });
  const c = await cast.inspector.post('/api/cases', {
    lng: CITY.inA[0],
    lat: CITY.inA[1],
    address: '文化路 12 号',
    description: '暴露垃圾',
    classCode: '06010',
  });
  expect(c.statusCode).toBe(201);
});
afterAll(async () => t.close());

describe('GET /api/areas/:id/counts', () => {
  it('counts a grid’s people, houses and open cases, and a community’s over its grids', async () => {
    expect(
      (await admin.get(`/api/areas/${await areaId(admin, CITY.gridA)}/counts`)).json(),
    ).toEqual({
      persons: 2,
      houses: 2,
      openCases: 1,
    });
    expect(
      (await admin.get(`/api/areas/${await areaId(admin, CITY.communityW)}/counts`)).json(),
    ).toEqual({ persons: 3, houses: 2, openCases: 1 });
    expect((await west.get(`/api/areas/${await areaId(west, CITY.gridB)}/counts`)).json()).toEqual({
      persons: 1,
      houses: 0,
      openCases: 0,
    });
  });

  it('leaves out the registers the caller may not read', async () => {
    const r = await observer.get(`/api/areas/${await areaId(observer, CITY.gridA)}/counts`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ persons: null, houses: null, openCases: 1 });
  });

  it('answers 404 for an area outside the scope or unknown', async () => {
    const east = await areaId(admin, CITY.gridC);
    expectRefusal(await west.get(`/api/areas/${east}/counts`), { status: 404, code: 'not_found' });
    expectRefusal(await west.get('/api/areas/nope/counts'), { status: 404, code: 'not_found' });
  });
});

describe('GET /api/areas/search', () => {
  it('matches any part of a code, the exact code first, and treats wildcards as text', async () => {
    const tail = (await admin.get(`/api/areas/search?q=${CITY.gridA.slice(-5)}`)).json().items;
    expect(tail.map((a: { code: string }) => a.code)).toContain(CITY.gridA);
    const exact = (await admin.get(`/api/areas/search?q=${CITY.communityW}`)).json().items;
    expect(exact[0].code).toBe(CITY.communityW);
    expect(exact.length).toBeGreaterThan(1); // its grids too
    expect((await admin.get('/api/areas/search?q=%25')).json().items).toEqual([]);
    expect((await admin.get('/api/areas/search?q=zzzz')).json().items).toEqual([]);
  });
});
