import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { maskPhone } from '@wangge/shared';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { addNode, buildSunshine } from '../addresses/addresses.test-util';
import { readXlsx } from '../imports/imports.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let tree: Awaited<ReturnType<typeof buildSunshine>>;
let room2: string;
let houseId: string;
const PHONE = '13812345678';
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  tree = await buildSunshine(admin, CITY.district, CITY.inA);
  room2 = await addNode(admin, { parentId: tree.floor, level: 'room', name: '503室' });
});
afterAll(async () => t.close());
afterEach(() => vi.restoreAllMocks());

const fieldOf = (res: { json(): unknown }) =>
  (res.json() as { error: { field?: string } }).error.field;
const rented = {
  use: 'rented',
  ownership: 'private',
  areaM2: 89.5,
  landlordName: '张三明',
  landlordPhone: '138 1234 5678',
  rental: { purpose: 'residential', contractStart: '2026-01-01', contractEnd: '2026-12-31' },
};

describe('实有房屋', () => {
  it('refuses anonymous callers, bad bodies and unknown ids', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/houses' })).statusCode).toBe(401);
    expect(
      fieldOf(
        await admin.post('/api/houses', {
          addressId: tree.room,
          use: 'rented',
          ownership: 'private',
          landlordPhone: '12345',
        }),
      ),
    ).toBe('landlordPhone');
    expect(
      fieldOf(
        await admin.post('/api/houses', {
          addressId: tree.room,
          use: 'sold',
          ownership: 'private',
        }),
      ),
    ).toBe('use');
    expect(
      fieldOf(
        await admin.post('/api/houses', {
          ...rented,
          addressId: tree.room,
          rental: {
            purpose: 'residential',
            contractStart: '2026-05-01',
            contractEnd: '2026-04-30',
          },
        }),
      ),
    ).toBe('rental.contractEnd');
    expect(
      fieldOf(
        await admin.post('/api/houses', {
          ...rented,
          addressId: tree.room,
          rental: { purpose: 'residential', contractStart: '2026-02-30' },
        }),
      ),
    ).toBe('rental.contractStart');
    expect(
      fieldOf(
        await admin.post('/api/houses', { ...rented, addressId: tree.room, use: 'self_occupied' }),
      ),
    ).toBe('rental');
    expect(
      fieldOf(await admin.post('/api/houses', { ...rented, addressId: tree.room, areaM2: -1 })),
    ).toBe('areaM2');
    expect(fieldOf(await admin.post('/api/houses', { ...rented, addressId: 'nope' }))).toBe(
      'addressId',
    );
    expect(fieldOf(await admin.post('/api/houses', { ...rented, addressId: tree.building }))).toBe(
      'addressId',
    );
    expectRefusal(await admin.get('/api/houses/nope'), { status: 404, code: 'not_found' });
    expectRefusal(await admin.get('/api/houses?limit=500'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.limit',
    });
  });

  it('registers one house per room, landlord phone encrypted at rest and masked in answers', async () => {
    const res = await admin.post('/api/houses', { ...rented, addressId: tree.room });
    expect(res.statusCode).toBe(201);
    const h = res.json();
    houseId = h.id;
    expect(h).toMatchObject({
      addressId: tree.room,
      fullAddress: '金水路12号阳光小区3号楼3单元5层502室',
      use: 'rented',
      landlordName: '张三明',
      landlordPhone: '138****5678',
      rental: { purpose: 'residential', contractStart: '2026-01-01', contractEnd: '2026-12-31' },
      communityCode: CITY.communityW,
      communityName: '西社区',
      gridCode: CITY.gridA,
      version: 1,
    });
    expect(h.path.map((p: { name: string }) => p.name)).toEqual([
      '金水路',
      '12号',
      '阳光小区',
      '3号楼',
      '3单元',
      '5层',
      '502室',
    ]);
    const raw = await t.services.db
      .selectFrom('houses')
      .selectAll()
      .where('id', '=', houseId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain(PHONE);
    expect(raw.landlord_phone_enc).toMatch(/^v2:/);
    expect(t.services.cipher.decrypt(raw.landlord_phone_enc!)).toBe(PHONE);
    expect(raw.landlord_phone_hash).toBe(t.services.cipher.lookupHash(PHONE));
    expect(raw.landlord_phone_masked).toBe(maskPhone(PHONE));
    expect(
      errorCode(
        await admin.post('/api/houses', {
          addressId: tree.room,
          use: 'vacant',
          ownership: 'public',
        }),
      ),
    ).toBe('duplicate');
    expect(
      (
        await admin.post('/api/houses', {
          addressId: room2,
          use: 'self_occupied',
          ownership: 'public',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('lists with filters, masking the landlord name as well', async () => {
    const list = async (q: string) => (await admin.get(`/api/houses${q}`)).json();
    expect(await list('')).toMatchObject({
      total: 2,
      items: [
        { id: houseId, landlordName: '张*明', landlordPhone: '138****5678' },
        { landlordName: null },
      ],
    });
    expect((await list('?use=rented')).items.map((i: { id: string }) => i.id)).toEqual([houseId]);
    const byPhone = await admin.post('/api/houses/search', {
      landlordPhone: PHONE,
      reason: '联系房主',
    });
    expect(byPhone.json().items.map((i: { id: string }) => i.id)).toEqual([houseId]);
    expect((await list('?q=阳光 503')).total).toBe(1);
    expect((await list(`?areaCode=${CITY.gridA}&ownership=public`)).total).toBe(1);
    expect((await list(`?areaCode=${CITY.gridB}`)).total).toBe(0);
    expect(
      (await list(`?addressId=${room2}`)).items.map((i: { addressId: string }) => i.addressId),
    ).toEqual([room2]);
  });

  it('exports the filtered list as xlsx, landlords masked unless registry.export states a reason, and audits it', async () => {
    const sheetText = async (res: { rawPayload: Buffer }) =>
      JSON.stringify((await readXlsx(res.rawPayload)).rows);
    // Holding registry.export is not enough: without a reason the sheet is masked like anyone's.
    const noReason = await sheetText(await admin.get('/api/houses/export?use=rented'));
    expect(noReason).not.toContain(PHONE);
    expect(noReason).toContain('138****5678');
    const full = await admin.get(
      `/api/houses/export?use=rented&reason=${encodeURIComponent('出租房屋专项检查')}`,
    );
    expect(full.statusCode).toBe(200);
    expect(await sheetText(full)).toContain(PHONE);
    const worker = await userSession(t, {
      username: 'exportW',
      roles: ['grid_administrator'],
      areaCodes: [CITY.communityW],
    });
    const masked = await sheetText(await worker.get('/api/houses/export'));
    expect(masked).not.toContain(PHONE);
    expect(masked).toContain('138****5678');
    expect(masked).toContain('张*明');
    expect(masked).toContain('已脱敏');
    const worker3 = await userSession(t, {
      username: 'exportW3',
      roles: ['grid_administrator'],
      areaCodes: [CITY.communityW],
    });
    const refused = await worker3.get(
      `/api/houses/export?reason=${encodeURIComponent('出租房屋专项检查')}`,
    );
    expectRefusal(refused, { status: 403, code: 'forbidden', field: 'reason' });
    const audit = await t.services.audit.list({ action: 'registry_exported', limit: 5 });
    expect(audit.filter((a) => a.targetType === 'house')).toHaveLength(3);
    expect(audit.find((a) => (a.detail as { unmasked: boolean }).unmasked)).toMatchObject({
      detail: { reason: '出租房屋专项检查', filter: { use: 'rented' } },
    });
  });

  it('answers lists, details and the masked export from the stored mask, decrypting nothing', async () => {
    const decrypt = vi.spyOn(t.services.cipher, 'decrypt');
    const list = (await admin.get('/api/houses?use=rented')).json();
    expect(list.items.map((i: { landlordPhone: string }) => i.landlordPhone)).toEqual([
      maskPhone(PHONE),
    ]);
    expect((await admin.get(`/api/houses/${houseId}`)).json().landlordPhone).toBe(maskPhone(PHONE));
    const worker = await userSession(t, {
      username: 'exportW2',
      roles: ['grid_administrator'],
      areaCodes: [CITY.communityW],
    });
    const sheet = await readXlsx((await worker.get('/api/houses/export?use=rented')).rawPayload);
    expect(JSON.stringify(sheet.rows)).toContain(maskPhone(PHONE));
    expect(decrypt).not.toHaveBeenCalled();
    // The full export (registry.export and a reason) is the one read that still opens the ciphertext.
    expect(
      JSON.stringify(
        (
          await readXlsx(
            (await admin.get('/api/houses/export?use=rented&reason=核对房主信息')).rawPayload,
          )
        ).rows,
      ),
    ).toContain(PHONE);
    expect(decrypt).toHaveBeenCalledTimes(1);
  });

  it('fills the mask of a row from before the column once, on its first read, without a new version', async () => {
    const db = t.services.db;
    await db
      .updateTable('houses')
      .set({ landlord_phone_masked: null })
      .where('id', '=', houseId)
      .execute();
    const decrypt = vi.spyOn(t.services.cipher, 'decrypt');
    expect((await admin.get('/api/houses?use=rented')).json().items[0].landlordPhone).toBe(
      maskPhone(PHONE),
    );
    expect(decrypt).toHaveBeenCalledTimes(1);
    const raw = await db
      .selectFrom('houses')
      .selectAll()
      .where('id', '=', houseId)
      .executeTakeFirstOrThrow();
    expect(raw).toMatchObject({ landlord_phone_masked: maskPhone(PHONE), version: 1 });
    await admin.get('/api/houses?use=rented');
    await admin.get(`/api/houses/${houseId}`);
    expect(decrypt).toHaveBeenCalledTimes(1);
  });

  it('edits with a version check; leaving the rented use clears the rental details', async () => {
    const stale = await admin.patch(`/api/houses/${houseId}`, { version: 9, remarks: '旧' });
    expectRefusal(stale, { status: 409, code: 'conflict' });
    expect(stale.json().error.details).toEqual({ version: 1 });
    expect(
      fieldOf(
        await admin.patch(`/api/houses/${houseId}`, {
          version: 1,
          use: 'vacant',
          rental: { purpose: 'business' },
        }),
      ),
    ).toBe('rental');
    const res = await admin.patch(`/api/houses/${houseId}`, {
      version: 1,
      use: 'vacant',
      remarks: '租户已搬走',
    });
    expect(res.json()).toMatchObject({
      use: 'vacant',
      rental: null,
      remarks: '租户已搬走',
      landlordPhone: '138****5678',
      version: 2,
    });
    const back = await admin.patch(`/api/houses/${houseId}`, {
      version: 2,
      use: 'mixed',
      rental: { purpose: 'business' },
      landlordPhone: '0371-65551234',
    });
    expect(back.json()).toMatchObject({
      rental: { purpose: 'business', contractStart: null },
      landlordPhone: '037*****1234',
      version: 3,
    });
    const raw = await t.services.db
      .selectFrom('houses')
      .select('landlord_phone_masked')
      .where('id', '=', houseId)
      .executeTakeFirstOrThrow();
    expect(raw.landlord_phone_masked).toBe(maskPhone('037165551234'));
    expectRefusal(await admin.patch('/api/houses/nope', { version: 1 }), {
      status: 404,
      code: 'not_found',
    });
  });

  it('reveals the landlord phone only with personal.unmask and a reason, and audits it', async () => {
    const worker = await userSession(t, {
      username: 'gridA',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridA],
    });
    expect((await worker.get(`/api/houses/${houseId}`)).statusCode).toBe(200);
    expectRefusal(await worker.post(`/api/houses/${houseId}/unmask`, { reason: '核实出租信息' }), {
      status: 403,
      code: 'forbidden',
    });
    expect(fieldOf(await admin.post(`/api/houses/${houseId}/unmask`, { reason: ' 查 ' }))).toBe(
      'reason',
    );
    expectRefusal(await admin.post(`/api/houses/${houseId}/unmask`, {}), {
      status: 400,
      code: 'validation_failed',
      field: 'reason',
    });
    const res = await admin.post(`/api/houses/${houseId}/unmask`, { reason: '联系房主核实租户' });
    expect(res.json()).toEqual({ landlordPhone: '037165551234' });
    // Clearing the phone clears its mask with it.
    const cleared = await admin.patch(`/api/houses/${houseId}`, {
      version: 3,
      landlordPhone: null,
    });
    expect(cleared.json()).toMatchObject({ landlordPhone: null, version: 4 });
    expect(
      (
        await t.services.db
          .selectFrom('houses')
          .select('landlord_phone_masked')
          .where('id', '=', houseId)
          .executeTakeFirstOrThrow()
      ).landlord_phone_masked,
    ).toBeNull();
    expect(
      (await admin.post(`/api/houses/${houseId}/unmask`, { reason: '联系房主核实租户' })).json(),
    ).toEqual({ landlordPhone: null });
    await admin.patch(`/api/houses/${houseId}`, { version: 4, landlordPhone: '0371-65551234' });
    const audit = (await admin.get('/api/audit?action=personal_data_viewed')).json().items;
    expect(audit[0]).toMatchObject({
      targetType: 'house',
      targetId: houseId,
      detail: { field: 'landlordPhone', reason: '联系房主核实租户' },
    });
  });

  it('keeps other streets out: 404 on reads and unmasking, 403 on changes', async () => {
    const east = await userSession(t, {
      username: 'eastLead',
      roles: ['community_leader'],
      areaCodes: [CITY.streetE],
    });
    expect((await east.get('/api/houses')).json()).toEqual({ items: [], total: 0 });
    expectRefusal(await east.get(`/api/houses/${houseId}`), { status: 404, code: 'not_found' });
    expectRefusal(await east.post(`/api/houses/${houseId}/unmask`, { reason: '越权查看' }), {
      status: 404,
      code: 'not_found',
    });
    expectRefusal(await east.patch(`/api/houses/${houseId}`, { version: 3, remarks: '越权' }), {
      status: 403,
      code: 'forbidden',
    });
    expect(
      fieldOf(
        await east.post('/api/houses', {
          addressId: tree.room,
          use: 'vacant',
          ownership: 'public',
        }),
      ),
    ).toBe('addressId');
  });

  it('follows renames and moves of its address, and answers houseRefs for other modules', async () => {
    const road = (await admin.get(`/api/addresses/${tree.road}`)).json();
    expect(
      (
        await admin.patch(`/api/addresses/${tree.road}`, {
          version: road.version,
          name: '金水东路',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await admin.patch(`/api/addresses/${tree.plate}`, {
          version: 1,
          lng: CITY.inB[0],
          lat: CITY.inB[1],
        })
      ).statusCode,
    ).toBe(200);
    const h = (await admin.get(`/api/houses/${houseId}`)).json();
    expect(h).toMatchObject({
      fullAddress: '金水东路12号阳光小区3号楼3单元5层502室',
      gridCode: CITY.gridB,
      gridName: '西社区第2网格',
    });
    expect((await admin.get('/api/houses?q=金水东路 502')).json().total).toBe(1);
    expect(await t.services.housing.houseRefs([houseId, 'nope'])).toEqual([
      {
        id: houseId,
        addressId: tree.room,
        fullAddress: '金水东路12号阳光小区3号楼3单元5层502室',
        adminCode: CITY.district,
        streetCode: CITY.streetW,
        communityCode: CITY.communityW,
        gridCode: CITY.gridB,
      },
    ]);
  });

  it('needs the room to be filed at least at its community', async () => {
    const plate = await addNode(admin, {
      parentId: tree.road,
      level: 'door_plate',
      name: '30号',
      areaCode: CITY.streetW,
    });
    const building = await addNode(admin, { parentId: plate, level: 'building', name: '1号楼' });
    const entrance = await addNode(admin, { parentId: building, level: 'entrance', name: '1单元' });
    const room = await addNode(admin, { parentId: entrance, level: 'room', name: '101室' });
    expect(
      fieldOf(
        await admin.post('/api/houses', { addressId: room, use: 'vacant', ownership: 'private' }),
      ),
    ).toBe('addressId');
    // …and a move may not take a registered house above it: the whole change rolls back.
    const plate2 = await addNode(admin, {
      parentId: tree.road,
      level: 'door_plate',
      name: '32号',
      areaCode: CITY.communityW,
    });
    const b2 = await addNode(admin, { parentId: plate2, level: 'building', name: '1号楼' });
    const e2 = await addNode(admin, { parentId: b2, level: 'entrance', name: '1单元' });
    const r2 = await addNode(admin, { parentId: e2, level: 'room', name: '101室' });
    expect(
      (
        await admin.post('/api/houses', { addressId: r2, use: 'vacant', ownership: 'private' })
      ).json(),
    ).toMatchObject({ communityCode: CITY.communityW, gridCode: null });
    expect(
      fieldOf(
        await admin.patch(`/api/addresses/${plate2}`, { version: 1, areaCode: CITY.streetW }),
      ),
    ).toBe('areaCode');
    expect((await admin.get(`/api/addresses/${r2}`)).json()).toMatchObject({
      communityCode: CITY.communityW,
    });
    expect((await admin.get(`/api/addresses/${plate2}`)).json()).toMatchObject({
      communityCode: CITY.communityW,
      version: 1,
    });
  });
});
