import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { createHouse, personBody, residentId } from './population.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let west: Session;
let eastLeader: Session;
let pid: string;
let house: string;
let eastHouse: string;
const ID = residentId('19660606', 77);

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  const admin = await userSession(t, { username: 'root', roles: ['admin'] });
  house = await createHouse(admin, CITY.inA, '101室');
  eastHouse = await createHouse(admin, CITY.inC, '102室', '东路');
  west = await userSession(t, {
    username: 'west',
    roles: ['community_leader'],
    areaCodes: [CITY.streetW],
  });
  // Every permission the routes ask for, but only over the east street.
  eastLeader = await userSession(t, {
    username: 'eastleader',
    roles: ['community_leader'],
    areaCodes: [CITY.streetE],
  });
  const res = await west.post(
    '/api/persons',
    personBody(ID, { name: '周西人', houseId: house, areaCode: undefined }),
  );
  pid = res.json().id;
});
afterAll(async () => t.close());

describe('实有人口: area scope on every route', () => {
  it('answers reads of another street with 404', async () => {
    expectRefusal(await eastLeader.get(`/api/persons/${pid}`), { status: 404, code: 'not_found' });
    expectRefusal(
      await eastLeader.post('/api/persons/lookup', { idNumber: ID, reason: '核对身份' }),
      { status: 404, code: 'not_found' },
    );
    expectRefusal(await eastLeader.get(`/api/houses/${house}/residents`), {
      status: 404,
      code: 'not_found',
    });
    const unmask = await eastLeader.post(`/api/persons/${pid}/unmask`, {
      reason: '核对身份',
      fields: ['idNumber'],
    });
    expectRefusal(unmask, { status: 404, code: 'not_found' });
    expect(await t.services.audit.list({ action: 'personal_data_viewed', limit: 5 })).toHaveLength(
      0,
    );
  });

  it('answers actions on another street with 403 and changes nothing', async () => {
    const version = (await west.get(`/api/persons/${pid}`)).json().version;
    const calls = [
      eastLeader.patch(`/api/persons/${pid}`, { version, name: '改名' }),
      eastLeader.post(`/api/persons/${pid}/claim`),
      eastLeader.post(`/api/persons/${pid}/verify`),
      eastLeader.post(`/api/persons/${pid}/move-in`, {
        houseId: eastHouse,
        residenceType: 'rent',
        movedInAt: '2025-01-01',
      }),
      eastLeader.post(`/api/persons/${pid}/move-out`, { at: '2025-01-01', reason: '迁走' }),
    ];
    for (const res of await Promise.all(calls)) {
      expectRefusal(res, { status: 403, code: 'forbidden' });
    }
    expect((await west.get(`/api/persons/${pid}`)).json()).toMatchObject({
      version,
      name: '周西人',
      dataState: 'entered',
      houseId: house,
    });
    // Registering into a house or area elsewhere is an action too.
    expectRefusal(
      await eastLeader.post(
        '/api/persons',
        personBody(residentId('19700101', 1), { houseId: house, areaCode: undefined }),
      ),
      { status: 404, code: 'not_found', field: 'houseId' },
    );
    expectRefusal(
      await eastLeader.post(
        '/api/persons',
        personBody(residentId('19700101', 1), { areaCode: CITY.gridA }),
      ),
      { status: 403, code: 'forbidden' },
    );
  });

  it('never lets lists or exports leak another street', async () => {
    expect((await eastLeader.get('/api/persons')).json()).toEqual({ items: [], total: 0 });
    expect((await eastLeader.get(`/api/persons?areaCode=${CITY.communityW}`)).json().total).toBe(0);
    expect((await eastLeader.get(`/api/persons?areaCode=${CITY.district}`)).json().total).toBe(0);
    expect(
      (await eastLeader.get(`/api/persons?name=${encodeURIComponent('周')}`)).json().total,
    ).toBe(0);
    const exported = await eastLeader.get(`/api/persons/export?areaCode=${CITY.streetW}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.includes(Buffer.from('周西人'))).toBe(false);
    expect(
      (await t.services.audit.list({ action: 'registry_exported', limit: 5 }))[0],
    ).toMatchObject({ detail: { rows: 0 } });
    expect((await west.get(`/api/persons?areaCode=${CITY.district}`)).json().total).toBe(1);
  });
});
