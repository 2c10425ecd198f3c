import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { createHouse, personBody, residentId } from './population.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let west: Session;
let east: Session;
let gridA: Session;
let district: Session;
const h: Record<string, string> = {};
let pid: string;
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  west = await userSession(t, {
    username: 'west',
    displayName: '西社区网格员',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityW],
  });
  east = await userSession(t, {
    username: 'east',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityE],
  });
  gridA = await userSession(t, {
    username: 'grida',
    roles: ['grid_administrator'],
    areaCodes: [CITY.gridA],
  });
  district = await userSession(t, {
    username: 'district',
    roles: ['grid_administrator'],
    areaCodes: [CITY.district],
  });
  h.a = await createHouse(admin, CITY.inA, '101室', '甲路');
  h.b = await createHouse(admin, CITY.inB, '201室', '乙路');
  h.c = await createHouse(admin, CITY.inC, '301室', '丙路');
});
afterAll(async () => t.close());

describe('实有人口: residence history', () => {
  it('registers a person into a house, taking its place codes and opening the residence', async () => {
    expect(
      (
        await west.post(
          '/api/persons',
          personBody(residentId('19900101', 11), { houseId: 'nope', areaCode: undefined }),
        )
      ).json().error,
    ).toMatchObject({ code: 'not_found', field: 'houseId' });
    // Another area's house is a reference outside scope: as unknown (404).
    expectRefusal(
      await west.post(
        '/api/persons',
        personBody(residentId('19900101', 11), { houseId: h.c, areaCode: undefined }),
      ),
      { status: 404, code: 'not_found', field: 'houseId' },
    );
    const res = await west.post(
      '/api/persons',
      personBody(residentId('19900101', 11), {
        name: '孙小红',
        houseId: h.a,
        areaCode: undefined,
        populationType: 'floating',
        relation: 'self',
        movedInAt: '2025-03-01',
        details: { origin: '河南省周口市', arrivalDate: '2025-02-20' },
      }),
    );
    expect(res.statusCode).toBe(201);
    const p = res.json();
    pid = p.id;
    expect(p).toMatchObject({
      houseId: h.a,
      houseAddress: '甲路101室1号1号楼1单元101室',
      gridCode: CITY.gridA,
      relation: 'self',
      householdStatus: null,
      details: { origin: '河南省周口市' },
    });
    expect(p.residences).toEqual([
      expect.objectContaining({
        inScope: true,
        houseId: h.a,
        residenceType: 'rent',
        relation: 'self',
        movedInAt: '2025-03-01',
        movedOutAt: null,
      }),
    ]);
    // The lookup by ID number reads the house's address in the same query, and the area names from memory.
    const found = (
      await admin.post('/api/persons/lookup', {
        idNumber: residentId('19900101', 11),
        reason: '核对住址',
      })
    ).json();
    expect(found).toMatchObject({
      id: pid,
      houseId: h.a,
      houseAddress: '甲路101室1号1号楼1单元101室',
      gridCode: CITY.gridA,
    });
    expect(found.gridName).toBeTruthy();
    const edited = await west.patch(`/api/persons/${pid}`, { version: 1, relation: 'spouse' });
    expect(edited.json().residences[0]).toMatchObject({ relation: 'spouse' });
    const reverted = await west.patch(`/api/persons/${pid}`, { version: 2, relation: 'self' });
    expect(reverted.json()).toMatchObject({ relation: 'self', version: 3 });
  });

  it('moves within scope: the old residence is closed, never rewritten', async () => {
    const early = await west.post(`/api/persons/${pid}/move-in`, {
      houseId: h.b,
      residenceType: 'lodge',
      movedInAt: '2025-01-01',
    });
    expect(early.json().error).toMatchObject({ code: 'validation_failed', field: 'movedInAt' });
    const future = await west.post(`/api/persons/${pid}/move-in`, {
      houseId: h.b,
      residenceType: 'lodge',
      movedInAt: '2999-01-01',
    });
    expect(future.json().error).toMatchObject({ code: 'validation_failed', field: 'movedInAt' });
    const same = await west.post(`/api/persons/${pid}/move-in`, {
      houseId: h.a,
      residenceType: 'lodge',
      movedInAt: '2025-06-01',
    });
    expect(same.json().error).toMatchObject({ code: 'validation_failed', field: 'houseId' });
    const res = await west.post(`/api/persons/${pid}/move-in`, {
      houseId: h.b,
      residenceType: 'lodge',
      relation: 'non_relative',
      movedInAt: '2025-06-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      houseId: h.b,
      gridCode: CITY.gridB,
      relation: 'non_relative',
      version: 4,
    });
    expect(
      res
        .json()
        .residences.map((r: { houseId: string; movedInAt: string; movedOutAt: string | null }) => [
          r.houseId,
          r.movedInAt,
          r.movedOutAt,
        ]),
    ).toEqual([
      [h.b, '2025-06-01', null],
      [h.a, '2025-03-01', '2025-06-01'],
    ]);
    expect(res.json().events.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'updated',
      'updated',
      'moved_out',
      'moved_in',
    ]);
    // The grid A worker followed the house, not the person: the record has left their grid.
    expectRefusal(await gridA.get(`/api/persons/${pid}`), { status: 404, code: 'not_found' });
    expect((await gridA.get('/api/persons')).json().total).toBe(0);
  });

  it('follows a person across communities for users covering both; others see 辖区外 without address', async () => {
    expectRefusal(
      await west.post(`/api/persons/${pid}/move-in`, {
        houseId: h.c,
        residenceType: 'rent',
        movedInAt: '2025-09-01',
      }),
      { status: 404, code: 'not_found', field: 'houseId' },
    );
    const moved = await district.post(`/api/persons/${pid}/move-in`, {
      houseId: h.c,
      residenceType: 'rent',
      movedInAt: '2025-09-01',
    });
    expect(moved.statusCode).toBe(200);
    expect(
      moved
        .json()
        .residences.every(
          (r: { inScope: boolean; address: string | null }) => r.inScope && r.address,
        ),
    ).toBe(true);
    expectRefusal(await west.get(`/api/persons/${pid}`), { status: 404, code: 'not_found' });
    const seenEast = (await east.get(`/api/persons/${pid}`)).json();
    expect(seenEast.communityCode).toBe(CITY.communityE);
    expect(seenEast.residences).toEqual([
      expect.objectContaining({
        inScope: true,
        houseId: h.c,
        address: '丙路301室1号1号楼1单元301室',
        movedOutAt: null,
      }),
      {
        id: expect.any(String),
        inScope: false,
        houseId: null,
        address: null,
        residenceType: 'lodge',
        relation: null,
        movedInAt: '2025-06-01',
        movedOutAt: '2025-09-01',
        reason: null,
        destination: null,
      },
      expect.objectContaining({
        inScope: false,
        houseId: null,
        address: null,
        movedInAt: '2025-03-01',
      }),
    ]);
    expect(JSON.stringify(seenEast)).not.toContain('甲路');
  });

  it('moves out with reason and destination, keeping the person as 已迁出 where they lived', async () => {
    expect(
      (await east.post(`/api/persons/${pid}/move-out`, { at: '2025-08-01', reason: '返乡' })).json()
        .error,
    ).toMatchObject({ field: 'at' });
    expect(
      (await east.post(`/api/persons/${pid}/move-out`, { at: today() })).json().error,
    ).toMatchObject({ code: 'validation_failed', field: 'reason' });
    const res = await east.post(`/api/persons/${pid}/move-out`, {
      at: '2025-12-01',
      reason: '返乡',
      destination: '河南省周口市',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'moved_out',
      houseId: null,
      communityCode: CITY.communityE,
    });
    expect(res.json().residences[0]).toMatchObject({
      movedOutAt: '2025-12-01',
      reason: '返乡',
      destination: '河南省周口市',
    });
    expectRefusal(
      await east.post(`/api/persons/${pid}/move-out`, { at: '2025-12-02', reason: '返乡' }),
      { status: 400, code: 'validation_failed', field: 'at' },
    );
    expect((await east.get('/api/persons?status=moved_out')).json().total).toBe(1);
    const back = await east.post(`/api/persons/${pid}/move-in`, {
      houseId: h.c,
      residenceType: 'rent',
      movedInAt: today(),
    });
    expect(back.json()).toMatchObject({ status: 'active', houseId: h.c });
    expect(back.json().residences).toHaveLength(4);
  });

  it('lists the current and former residents of a house, names masked, within scope', async () => {
    const a = await west.get(`/api/houses/${h.a}/residents`);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual({
      current: [],
      former: [
        expect.objectContaining({
          personId: pid,
          name: '孙*红',
          movedInAt: '2025-03-01',
          movedOutAt: '2025-06-01',
        }),
      ],
    });
    const c = (await east.get(`/api/houses/${h.c}/residents`)).json();
    expect(c.current).toEqual([
      expect.objectContaining({ personId: pid, name: '孙*红', residenceType: 'rent' }),
    ]);
    expect(c.former).toHaveLength(1);
    expectRefusal(await east.get(`/api/houses/${h.a}/residents`), {
      status: 404,
      code: 'not_found',
    });
    expectRefusal(await west.get('/api/houses/nope/residents'), { status: 404, code: 'not_found' });
  });
});
