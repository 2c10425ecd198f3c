import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
});
afterAll(async () => t.close());

describe('departments (专业部门)', () => {
  it('creates, lists, reads and updates a department with an area scope', async () => {
    const res = await admin.post('/api/departments', {
      code: 'hw',
      name: '区环卫中心',
      creditCode: '12410101MB1234567X',
      areaCode: CITY.district,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'hw', areaCode: CITY.district, areaName: '测试区' });
    const west = await admin.post('/api/departments', {
      code: 'west_sz',
      name: '西街道市政所',
      areaCode: CITY.streetW,
    });
    expect(west.statusCode).toBe(201);
    const upd = await admin.patch(`/api/departments/${west.json().id}`, {
      name: '西街道市政服务所',
    });
    expect(upd.json().name).toBe('西街道市政服务所');
    expect((await admin.get('/api/departments')).json().items).toHaveLength(2);
  });

  it('shows a street leader only departments of the street', async () => {
    const leader = await userSession(t, {
      username: 'east',
      roles: ['street_leader'],
      areaCodes: [CITY.streetE],
    });
    const items = (await leader.get('/api/departments')).json().items;
    expect(items).toEqual([]);
    const westId = (await admin.get('/api/departments'))
      .json()
      .items.find((d: { code: string }) => d.code === 'west_sz').id;
    expectRefusal(await leader.get(`/api/departments/${westId}`), {
      status: 404,
      code: 'not_found',
    });
    expectRefusal(await leader.patch(`/api/departments/${westId}`, { name: '改名' }), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('refuses bad codes, bad credit codes, unknown areas and duplicates', async () => {
    const bad = [
      [{ code: '!', name: '部门', areaCode: CITY.district }, 'code'],
      [{ code: 'ok1', name: '部门', creditCode: '123', areaCode: CITY.district }, 'creditCode'],
      [{ code: 'ok2', name: '部', areaCode: CITY.district }, 'name'],
    ] as const;
    for (const [b, field] of bad)
      expectRefusal(await admin.post('/api/departments', b), {
        status: 400,
        code: 'validation_failed',
        field,
      });
    const unknown = await admin.post('/api/departments', {
      code: 'ok3',
      name: '部门',
      areaCode: '410199',
    });
    expectRefusal(unknown, { status: 400, code: 'validation_failed', field: 'areaCode' });
    expectRefusal(
      await admin.post('/api/departments', { code: 'hw', name: '重复', areaCode: CITY.district }),
      { status: 409, code: 'duplicate', field: 'code' },
    );
    expect((await admin.get('/api/departments')).json().items).toHaveLength(2);
  });
});
