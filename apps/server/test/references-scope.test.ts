import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from './factories';
import {
  createHouse,
  personBody,
  residentId,
} from '../src/modules/population/population.test-util';
import { placeBody, unitBody } from '../src/modules/units/units.test-util';

/**
 * Finding 11 of issue 9: every id a request names (a person to employ, an address to file under, a house to live in)
 * is resolved through the caller's scope. Outside it the answer is the 404 of an unknown id, on the same field, and
 * none of the record's data comes back.
 */
let t: TestApp;
let admin: Session;
let west: Session;
const ids = { eastPerson: '', eastAddress: '', eastHouse: '', eastUnit: '', westUnit: '' };
const EAST_NAME = '东区居民甲';
const EAST_ROAD = '东区专用路';
const KIND = 'visit_log';

/** A 404 on `field` that tells nothing more than an unknown id does. */
async function sameAsUnknown(
  send: (id: string) => Promise<{ statusCode: number; json(): unknown; body: string }>,
  realId: string,
  field: string,
  secrets: string[],
) {
  const outside = await send(realId);
  const unknown = await send('no-such-record');
  expect(outside.statusCode, outside.body).toBe(404);
  expect(errorCode(outside as never)).toBe('not_found');
  expect((outside.json() as { error: { field?: string } }).error.field).toBe(field);
  expect(outside.json()).toEqual(unknown.json());
  for (const s of secrets) expect(outside.body).not.toContain(s);
}

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'admin1', roles: ['admin'] });
  west = await userSession(t, {
    username: 'west_leader',
    roles: ['community_leader'],
    areaCodes: [CITY.communityW],
  });
  const person = await admin.post(
    '/api/persons',
    personBody(residentId('19700101', 321), { name: EAST_NAME, areaCode: CITY.gridC }),
  );
  expect(person.statusCode, person.body).toBe(201);
  ids.eastPerson = person.json().id;
  const lane = await admin.post('/api/addresses', {
    level: 'street_lane',
    name: EAST_ROAD,
    lng: CITY.inC[0],
    lat: CITY.inC[1],
  });
  const plate = await admin.post('/api/addresses', {
    parentId: lane.json().id,
    level: 'door_plate',
    name: '88号',
    lng: CITY.inC[0],
    lat: CITY.inC[1],
  });
  expect(plate.statusCode, plate.body).toBe(201);
  ids.eastAddress = plate.json().id;
  ids.eastHouse = await createHouse(admin, CITY.inC, '101', '东区住宅路');
  ids.eastUnit = (
    await admin.post('/api/units', unitBody(71, CITY.inC, { name: '东区单位' }))
  ).json().id;
  ids.westUnit = (
    await west.post('/api/units', unitBody(72, CITY.inA, { name: '西区单位' }))
  ).json().id;
  expect(ids.westUnit).toBeTruthy();
});
afterAll(async () => t.close());

describe("references resolve through the caller's scope (404 outside, as unknown)", () => {
  it('unit employees: an out-of-scope person is not found, and their masked name never comes back', async () => {
    await sameAsUnknown(
      (id) => west.post(`/api/units/${ids.westUnit}/employees`, { personId: id }),
      ids.eastPerson,
      'personId',
      ['东*', EAST_NAME],
    );
    const unit = (await west.get(`/api/units/${ids.westUnit}`)).json();
    expect(unit.employees).toEqual([]);
  });

  it('places: an out-of-scope standard address is not found and its text is not copied into the record', async () => {
    const body = (addressId: string) =>
      placeBody('西区网吧', CITY.inA, { addressId, address: undefined });
    await sameAsUnknown((id) => west.post('/api/places', body(id)), ids.eastAddress, 'addressId', [
      EAST_ROAD,
    ]);
    // Units take the same path.
    await sameAsUnknown(
      (id) =>
        west.post('/api/units', unitBody(73, CITY.inA, { addressId: id, address: undefined })),
      ids.eastAddress,
      'addressId',
      [EAST_ROAD],
    );
    expect((await admin.get(`/api/places?q=${encodeURIComponent('西区网吧')}`)).json().total).toBe(
      0,
    );
  });

  it('places: a unit of another area is as unknown', async () => {
    await sameAsUnknown(
      (id) => west.post('/api/places', placeBody('西区旅馆', CITY.inA, { unitId: id })),
      ids.eastUnit,
      'unitId',
      ['东区单位'],
    );
  });

  it('special-group memberships and 民情日志: an out-of-scope person or house is not found', async () => {
    await sameAsUnknown(
      (id) =>
        west.post('/api/special-memberships', {
          personId: id,
          groupCode: 'idle_youth',
          startedAt: '2026-11-01',
          attentionLevel: 'normal',
        }),
      ids.eastPerson,
      'personId',
      [EAST_NAME],
    );
    await sameAsUnknown(
      (id) =>
        west.post('/api/resident-files', { kind: KIND, raised: '走访了解情况', personId: id }),
      ids.eastPerson,
      'personId',
      [EAST_NAME],
    );
    await sameAsUnknown(
      (id) => west.post('/api/resident-files', { kind: KIND, raised: '走访了解情况', houseId: id }),
      ids.eastHouse,
      'houseId',
      ['东区住宅路'],
    );
  });

  it('persons: moving into or registering at a house of another area is as unknown', async () => {
    await sameAsUnknown(
      (id) =>
        west.post(
          '/api/persons',
          personBody(residentId('19900101', 777), { areaCode: undefined, houseId: id }),
        ),
      ids.eastHouse,
      'houseId',
      ['东区住宅路'],
    );
  });
});
