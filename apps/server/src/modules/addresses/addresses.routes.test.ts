import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { addNode, buildSunshine } from './addresses.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let ids: Awaited<ReturnType<typeof buildSunshine>>;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
});
afterAll(async () => t.close());

const fieldOf = (res: { json(): unknown }) =>
  (res.json() as { error: { field?: string } }).error.field;

describe('标准地址 tree', () => {
  it('refuses anonymous callers and roles without registry permissions', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/addresses' })).statusCode).toBe(401);
    const observer = await userSession(t, {
      username: 'obs',
      roles: ['observer'],
      areaCodes: [CITY.district],
    });
    expectRefusal(await observer.get('/api/addresses'), { status: 403, code: 'forbidden' });
    const supervisor = await userSession(t, {
      username: 'sup',
      roles: ['grid_supervisor'],
      areaCodes: [CITY.gridA],
    });
    expect((await supervisor.get('/api/addresses')).statusCode).toBe(200);
    expectRefusal(
      await supervisor.post('/api/addresses', {
        level: 'street_lane',
        name: '无权路',
        areaCode: CITY.district,
      }),
      { status: 403, code: 'forbidden' },
    );
  });

  it('builds a path from 街巷 to 户室: full address, places, building attributes, path and children', async () => {
    ids = await buildSunshine(admin, CITY.district, CITY.inA);
    const road = (await admin.get(`/api/addresses/${ids.road}`)).json();
    expect(road).toMatchObject({
      level: 'street_lane',
      fullName: '金水路',
      adminCode: CITY.district,
      streetCode: null,
      gridCode: null,
      areaName: '测试区',
      childCount: 1,
      version: 1,
    });
    const room = (await admin.get(`/api/addresses/${ids.room}`)).json();
    expect(room).toMatchObject({
      level: 'room',
      name: '502室',
      fullName: '金水路12号阳光小区3号楼3单元5层502室',
      gridCode: CITY.gridA,
      communityCode: CITY.communityW,
      areaName: '西社区第1网格',
      lng: null,
      children: [],
    });
    expect(room.path.map((p: { name: string }) => p.name)).toEqual([
      '金水路',
      '12号',
      '阳光小区',
      '3号楼',
      '3单元',
      '5层',
    ]);
    const plate = (await admin.get(`/api/addresses/${ids.plate}`)).json();
    expect(plate).toMatchObject({ lng: CITY.inA[0], lat: CITY.inA[1], gridCode: CITY.gridA });
    const building = (await admin.get(`/api/addresses/${ids.building}`)).json();
    expect(building.building).toEqual({
      floorsAbove: 18,
      structure: 'reinforced_concrete',
      use: 'residential',
    });
    expect(building.children).toEqual([
      expect.objectContaining({ id: ids.entrance, name: '3单元', childCount: 1 }),
    ]);
  });

  it('enforces the level order: optional 小区 and 楼层 may be skipped, nothing else', async () => {
    expect(
      fieldOf(
        await admin.post('/api/addresses', { parentId: ids.road, level: 'room', name: '1室' }),
      ),
    ).toBe('level');
    expect(
      fieldOf(
        await admin.post('/api/addresses', {
          level: 'door_plate',
          name: '1号',
          areaCode: CITY.gridA,
        }),
      ),
    ).toBe('level');
    expect(
      fieldOf(
        await admin.post('/api/addresses', {
          parentId: ids.plate,
          level: 'entrance',
          name: '1单元',
        }),
      ),
    ).toBe('level');
    const direct = await addNode(admin, { parentId: ids.plate, level: 'building', name: '1号楼' });
    const entrance = await addNode(admin, { parentId: direct, level: 'entrance', name: '1单元' });
    expect(
      (await admin.post('/api/addresses', { parentId: entrance, level: 'room', name: '101室' }))
        .statusCode,
    ).toBe(201);
    expect(
      fieldOf(
        await admin.post('/api/addresses', {
          parentId: entrance,
          level: 'floor',
          name: '2层',
          building: { floorsAbove: 3 },
        }),
      ),
    ).toBe('building');
  });

  it('keeps sibling names unique (compared after normalising width and spaces)', async () => {
    const dup = await admin.post('/api/addresses', {
      parentId: ids.road,
      level: 'door_plate',
      name: '１２号',
    });
    expectRefusal(dup, { status: 409, code: 'duplicate', field: 'name' });
    expect(
      errorCode(
        await admin.post('/api/addresses', {
          level: 'street_lane',
          name: ' 金水路 ',
          areaCode: CITY.streetW,
        }),
      ),
    ).toBe('duplicate');
  });

  it('answers bad input with a field: missing place, unknown area, point outside, half a point, outside the parent', async () => {
    expect(
      fieldOf(await admin.post('/api/addresses', { level: 'street_lane', name: '无名路' })),
    ).toBe('areaCode');
    expect(
      fieldOf(
        await admin.post('/api/addresses', {
          level: 'street_lane',
          name: '无名路',
          areaCode: '410199',
        }),
      ),
    ).toBe('areaCode');
    expect(
      fieldOf(
        await admin.post('/api/addresses', {
          parentId: ids.road,
          level: 'door_plate',
          name: '99号',
          lng: 113.5,
          lat: 34.05,
        }),
      ),
    ).toBe('lng');
    expect(
      fieldOf(
        await admin.post('/api/addresses', {
          parentId: ids.road,
          level: 'door_plate',
          name: '99号',
          lng: 113.02,
        }),
      ),
    ).toBe('lng');
    expect(
      fieldOf(
        await admin.post('/api/addresses', {
          parentId: ids.plate,
          level: 'building',
          name: '9号楼',
          lng: CITY.inC[0],
          lat: CITY.inC[1],
        }),
      ),
    ).toBe('lng');
    expect(
      fieldOf(
        await admin.post('/api/addresses', {
          parentId: ids.plate,
          level: 'building',
          name: '9号楼',
          areaCode: CITY.gridB,
        }),
      ),
    ).toBe('areaCode');
    expect(
      fieldOf(
        await admin.post('/api/addresses', { parentId: ids.plate, level: 'building', name: '' }),
      ),
    ).toBe('name');
    expect(
      fieldOf(
        await admin.post('/api/addresses', { parentId: 'nope', level: 'door_plate', name: '1号' }),
      ),
    ).toBe('parentId');
    expectRefusal(await admin.get('/api/addresses/nope'), { status: 404, code: 'not_found' });
  });

  it('searches by any parts of the address, in full-address order', async () => {
    const search = async (q: string) =>
      (await admin.get(`/api/addresses/search?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { fullName: string }) => i.fullName);
    expect(await search('金水路 12号 3单元')).toEqual([
      '金水路12号阳光小区3号楼3单元',
      '金水路12号阳光小区3号楼3单元5层',
      '金水路12号阳光小区3号楼3单元5层502室',
    ]);
    expect(await search('３单元，５０２')).toEqual(['金水路12号阳光小区3号楼3单元5层502室']);
    expect(await search('阳光 1单元 101')).toEqual([]);
    expect(await search('1号楼 101')).toEqual(['金水路12号1号楼1单元101室']);
    expect(await search('金水路 不存在')).toEqual([]);
    expectRefusal(await admin.get('/api/addresses/search?q=%25'), {
      status: 400,
      code: 'validation_failed',
      field: 'q',
    });
    expectRefusal(await admin.get('/api/addresses/search?q='), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.q',
    });
    const list = (await admin.get('/api/addresses?level=room&q=金水路')).json();
    expect(list).toMatchObject({ total: 2 });
  });

  it('lists roots in scope and children in natural order, paged', async () => {
    for (const n of ['2号', '10号', '1号'])
      await addNode(admin, {
        parentId: ids.road,
        level: 'door_plate',
        name: n,
        areaCode: CITY.gridB,
      });
    const children = (await admin.get(`/api/addresses?parentId=${ids.road}`)).json();
    expect(children.items.map((i: { name: string }) => i.name)).toEqual([
      '1号',
      '2号',
      '10号',
      '12号',
    ]);
    expect(children.total).toBe(4);
    expect(
      (await admin.get(`/api/addresses?parentId=${ids.road}&limit=2&offset=2`))
        .json()
        .items.map((i: { name: string }) => i.name),
    ).toEqual(['10号', '12号']);
    expect(
      (await admin.get('/api/addresses')).json().items.map((i: { name: string }) => i.name),
    ).toEqual(['金水路']);
    expect((await admin.get(`/api/addresses?areaCode=${CITY.gridB}`)).json().total).toBe(3);
    expectRefusal(await admin.get('/api/addresses?limit=201'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.limit',
    });
    expectRefusal(await admin.get('/api/addresses?parentId=nope'), {
      status: 404,
      code: 'not_found',
    });
  });

  it('renames with a version check, keeps the former name and rewrites the full address of the subtree', async () => {
    const stale = await admin.patch(`/api/addresses/${ids.road}`, { version: 7, name: '金水东路' });
    expectRefusal(stale, { status: 409, code: 'conflict' });
    expect(stale.json().error.details).toEqual({ version: 1 });
    const res = await admin.patch(`/api/addresses/${ids.road}`, { version: 1, name: '金水东路' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '金水东路',
      version: 2,
      formerNames: [{ name: '金水路', until: expect.any(String) }],
    });
    expect((await admin.get(`/api/addresses/${ids.room}`)).json().fullName).toBe(
      '金水东路12号阳光小区3号楼3单元5层502室',
    );
    const found = (
      await admin.get(`/api/addresses/search?q=${encodeURIComponent('金水东路 502')}`)
    ).json().items;
    expect(found.map((i: { id: string }) => i.id)).toEqual([ids.room]);
    expect(
      errorCode(await admin.patch(`/api/addresses/${ids.plate}`, { version: 1, name: '10号' })),
    ).toBe('duplicate');
    expectRefusal(await admin.patch('/api/addresses/nope', { version: 1, name: 'x' }), {
      status: 404,
      code: 'not_found',
    });
  });

  it('moves a node with the descendants that inherited its place, and refuses a move that strands others', async () => {
    const moved = await admin.patch(`/api/addresses/${ids.plate}`, {
      version: 1,
      lng: CITY.inB[0],
      lat: CITY.inB[1],
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ gridCode: CITY.gridB, lng: CITY.inB[0], version: 2 });
    expect((await admin.get(`/api/addresses/${ids.room}`)).json().gridCode).toBe(CITY.gridB);
    // A point alone must lie in the area; an area alone must contain the stored point.
    expect(
      fieldOf(
        await admin.patch(`/api/addresses/${ids.plate}`, { version: 2, areaCode: CITY.gridA }),
      ),
    ).toBe('lng');
    expect(
      fieldOf(
        await admin.patch(`/api/addresses/${ids.compound}`, { version: 1, areaCode: CITY.gridA }),
      ),
    ).toBe('areaCode');
    // A door plate filed at its community, with buildings in both grids: it cannot move into one of them.
    const plate = await addNode(admin, {
      parentId: ids.road,
      level: 'door_plate',
      name: '20号',
      areaCode: CITY.communityW,
    });
    await addNode(admin, {
      parentId: plate,
      level: 'building',
      name: '1号楼',
      areaCode: CITY.gridA,
    });
    await addNode(admin, {
      parentId: plate,
      level: 'building',
      name: '2号楼',
      areaCode: CITY.gridB,
    });
    const stranded = await admin.patch(`/api/addresses/${plate}`, {
      version: 1,
      areaCode: CITY.gridA,
    });
    expect(stranded.json().error).toMatchObject({ code: 'validation_failed', field: 'areaCode' });
    expect(stranded.json().error.message).toMatch(/1 个下级地址/);
    expect((await admin.get(`/api/addresses/${plate}`)).json()).toMatchObject({
      communityCode: CITY.communityW,
      gridCode: null,
      version: 1,
    });
  });

  it('keeps other streets out: 404 on reads, 403 on changes, nothing in searches', async () => {
    const east = await userSession(t, {
      username: 'eastLead',
      roles: ['community_leader'],
      areaCodes: [CITY.streetE],
    });
    // The 街巷 is filed at the district, so every worker of the district can browse from it.
    expect(
      (await east.get('/api/addresses')).json().items.map((i: { name: string }) => i.name),
    ).toEqual(['金水东路']);
    expect((await east.get(`/api/addresses/${ids.road}`)).json().children).toEqual([]);
    expectRefusal(await east.get(`/api/addresses/${ids.room}`), { status: 404, code: 'not_found' });
    expectRefusal(await east.get(`/api/addresses?parentId=${ids.plate}`), {
      status: 404,
      code: 'not_found',
    });
    expect((await east.get('/api/addresses/search?q=12号')).json().items).toEqual([]);
    expect((await east.get('/api/addresses?level=room')).json()).toEqual({ items: [], total: 0 });
    expectRefusal(await east.patch(`/api/addresses/${ids.plate}`, { version: 2, name: '13号' }), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await east.patch(`/api/addresses/${ids.road}`, { version: 2, name: '东路' }), {
      status: 403,
      code: 'forbidden',
    });
    expect(
      fieldOf(
        await east.post('/api/addresses', {
          parentId: ids.plate,
          level: 'building',
          name: '8号楼',
        }),
      ),
    ).toBe('parentId');
    expectRefusal(
      await east.post('/api/addresses', {
        parentId: ids.road,
        level: 'door_plate',
        name: '88号',
        areaCode: CITY.gridB,
      }),
      { status: 403, code: 'forbidden' },
    );
    expect(
      (
        await east.post('/api/addresses', {
          parentId: ids.road,
          level: 'door_plate',
          name: '88号',
          lng: CITY.inC[0],
          lat: CITY.inC[1],
        })
      ).statusCode,
    ).toBe(201);
    // A worker of the district may add a 街巷, but only district staff rename one.
    expect(
      (
        await east.post('/api/addresses', {
          level: 'street_lane',
          name: '东风路',
          areaCode: CITY.gridC,
        })
      ).json(),
    ).toMatchObject({ adminCode: CITY.district, gridCode: null });
  });
});
