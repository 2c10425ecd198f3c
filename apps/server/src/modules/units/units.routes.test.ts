import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { credit, residentId, unitBody } from './units.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let workerW: Session;
let leaderE: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  workerW = await userSession(t, {
    username: 'gridW',
    roles: ['grid_administrator'],
    areaCodes: [CITY.streetW],
  });
  leaderE = await userSession(t, {
    username: 'leadE',
    roles: ['street_leader'],
    areaCodes: [CITY.streetE],
  });
});
afterAll(async () => t.close());

describe('实有单位', () => {
  it('refuses anonymous callers, readers without manage, bad bodies and unknown ids', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    expect((await leaderE.get('/api/units')).statusCode).toBe(200);
    expectRefusal(await leaderE.post('/api/units', unitBody(90, CITY.inC)), {
      status: 403,
      code: 'forbidden',
    });
    const noName = await admin.post('/api/units', { ...unitBody(90), name: undefined });
    expect(noName.json().error).toMatchObject({ code: 'validation_failed', field: 'name' });
    expect(
      (await admin.post('/api/units', unitBody(90, CITY.inA, { legalRepPhone: '12345' }))).json()
        .error.field,
    ).toBe('legalRepPhone');
    expect(
      (await admin.post('/api/units', unitBody(90, CITY.inA, { unitType: 'bank' }))).json().error
        .field,
    ).toBe('unitType');
    expect(
      (await admin.post('/api/units', unitBody(90, CITY.inA, { lat: undefined }))).json().error
        .field,
    ).toBe('lng');
    expect(
      (
        await admin.post('/api/units', unitBody(90, CITY.inA, { lng: undefined, lat: undefined }))
      ).json().error.field,
    ).toBe('lng');
    expect(
      (await admin.post('/api/units', unitBody(90, [113.5, 34.05]))).json().error,
    ).toMatchObject({ code: 'validation_failed', field: 'lng' });
    expectRefusal(await admin.get('/api/units/nope'), { status: 404, code: 'not_found' });
    expectRefusal(await admin.get('/api/units?limit=201'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.limit',
    });
  });

  it('checks the 统一社会信用代码: format, check character; a registration no. only for individual businesses', async () => {
    const wrongCheck = `${credit(1).slice(0, 17)}${credit(1).endsWith('0') ? '1' : '0'}`;
    const bad = await admin.post('/api/units', unitBody(1, CITY.inA, { creditCode: wrongCheck }));
    expectRefusal(bad, { status: 400, code: 'invalid_code', field: 'creditCode' });
    expect(bad.json().error).toMatchObject({
      code: 'invalid_code',
      field: 'creditCode',
      message: '统一社会信用代码校验位错误',
      details: { problem: 'check_digit' },
    });
    const format = await admin.post(
      '/api/units',
      unitBody(1, CITY.inA, { creditCode: '91410101MA0000001I' }),
    );
    expect(format.json().error).toMatchObject({
      code: 'invalid_code',
      field: 'creditCode',
      details: { problem: 'format' },
    });
    expect(
      (await admin.post('/api/units', unitBody(1, CITY.inA, { creditCode: null }))).json().error,
    ).toMatchObject({ code: 'validation_failed', field: 'creditCode' });
    const shopNoId = await admin.post(
      '/api/units',
      unitBody(2, CITY.inA, { creditCode: null, unitType: 'individual_business' }),
    );
    expect(shopNoId.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'registrationNo',
    });

    // Lower case is normalised; the stored code is the canonical one.
    const ok = await admin.post(
      '/api/units',
      unitBody(1, CITY.inA, {
        creditCode: credit(1).toLowerCase(),
        focusTags: ['fire_safety', 'above_scale', 'fire_safety'],
      }),
    );
    expect(ok.statusCode).toBe(201);
    ids.a = ok.json().id;
    expect(ok.json()).toMatchObject({
      creditCode: credit(1),
      focusTags: ['fire_safety', 'above_scale'],
      isKeyUnit: true,
      inspectionIntervalDays: 30,
      streetCode: CITY.streetW,
      streetName: '西街道',
      gridCode: CITY.gridA,
      gridName: '西社区第1网格',
      position: CITY.inA,
      status: 'operating',
      version: 1,
      employees: [],
    });
    const shop = await admin.post(
      '/api/units',
      unitBody(3, CITY.inB, {
        creditCode: null,
        registrationNo: '410101600012345',
        unitType: 'individual_business',
      }),
    );
    expect(shop.statusCode).toBe(201);
    expect(shop.json()).toMatchObject({
      creditCode: null,
      registrationNo: '410101600012345',
      isKeyUnit: false,
      inspectionIntervalDays: null,
      nextInspectionDue: null,
    });
    ids.shop = shop.json().id;
  });

  it('answers a duplicate code naming the unit in scope, and only "exists elsewhere" outside it', async () => {
    const east = await admin.post(
      '/api/units',
      unitBody(4, CITY.inC, { name: '东区化工仓库', unitType: 'hazardous_chemicals' }),
    );
    expect(east.json()).toMatchObject({
      isKeyUnit: true,
      inspectionIntervalDays: 30,
      streetCode: CITY.streetE,
    });
    ids.east = east.json().id;

    const mine = await workerW.post('/api/units', unitBody(1, CITY.inB, { name: '重名单位' }));
    expectRefusal(mine, { status: 409, code: 'duplicate', field: 'creditCode' });
    expect(mine.json().error).toMatchObject({
      code: 'duplicate',
      field: 'creditCode',
      details: { id: ids.a, name: '测试单位1' },
    });
    expect(mine.json().error.message).toContain('测试单位1');
    const elsewhere = await workerW.post('/api/units', unitBody(4, CITY.inA, { name: '冒名单位' }));
    expect(elsewhere.json().error).toMatchObject({ code: 'duplicate', field: 'creditCode' });
    expect(elsewhere.json().error.message).toBe('与已有记录冲突，请联系区级管理员');
    expect(elsewhere.json().error.details).toBeUndefined();
    expect(JSON.stringify(elsewhere.json())).not.toContain('东区化工仓库');
    const reg = await workerW.post(
      '/api/units',
      unitBody(5, CITY.inA, {
        creditCode: null,
        registrationNo: '410101600012345',
        unitType: 'individual_business',
      }),
    );
    expect(reg.json().error).toMatchObject({ code: 'duplicate', field: 'registrationNo' });
    // Nothing was half-written.
    expect((await admin.get('/api/units?q=冒名')).json().total).toBe(0);
  });

  it('stores phones encrypted with a lookup hash, and answers them masked', async () => {
    const raw = await t.services.db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', ids.a!)
      .executeTakeFirstOrThrow();
    expect(raw.legal_rep_phone_enc).toMatch(/^v2:/);
    expect(JSON.stringify(raw)).not.toContain('13812345678');
    expect(JSON.stringify(raw)).not.toContain('12345678');
    expect(raw.legal_rep_phone_hash).toBe(t.services.cipher.lookupHash('13812345678'));
    expect(raw.contact_phone_hash).toBe(t.services.cipher.lookupHash('037112345678'));

    const detail = (await admin.get(`/api/units/${ids.a}`)).json();
    expect(detail).toMatchObject({
      legalRepName: '王大明',
      legalRepPhone: '138****5678',
      contactName: '李小红',
      contactPhone: '037******5678',
    });
    const listed = (await admin.get('/api/units?q=测试单位1')).json().items[0];
    expect(listed).toMatchObject({
      legalRepName: '王*明',
      legalRepPhone: '138****5678',
      contactName: '李*红',
    });
    // An exact phone finds its unit through the hash, whatever the punctuation: a personal search, in a body.
    const search = (phone: string) =>
      admin.post('/api/units/search', { phone, reason: '联系整改事宜' });
    expect((await search('0371-12345678')).json().items.map((u: { id: string }) => u.id)).toContain(
      ids.a,
    );
    expect((await search('13900000000')).json().total).toBe(0);
  });

  it('unmasks with personal.unmask and a reason, audited; refuses without either', async () => {
    const body = { reason: '联系整改事宜', fields: ['legalRepPhone', 'contactPhone'] };
    expectRefusal(await workerW.post(`/api/units/${ids.a}/unmask`, body), {
      status: 403,
      code: 'forbidden',
    });
    const noReason = await admin.post(`/api/units/${ids.a}/unmask`, {
      reason: '看',
      fields: ['legalRepPhone'],
    });
    expect(noReason.json().error).toMatchObject({ code: 'validation_failed', field: 'reason' });
    expect(
      (
        await admin.post(`/api/units/${ids.a}/unmask`, { reason: '联系整改事宜', fields: [] })
      ).json().error.field,
    ).toBe('fields');
    // Another street's leader cannot even learn that the unit exists.
    expectRefusal(await leaderE.post(`/api/units/${ids.a}/unmask`, body), {
      status: 404,
      code: 'not_found',
    });

    const res = await admin.post(`/api/units/${ids.a}/unmask`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ legalRepPhone: '13812345678', contactPhone: '0371-12345678' });
    expect(
      (
        await admin.post(`/api/units/${ids.a}/unmask`, {
          reason: '核实法人电话',
          fields: ['legalRepPhone'],
        })
      ).json(),
    ).toEqual({ legalRepPhone: '13812345678' });
    const audit = await t.services.audit.list({ action: 'personal_data_viewed', limit: 10 });
    expect(audit.filter((e) => e.targetId === ids.a)).toHaveLength(2);
    expect(
      audit.find(
        (e) => e.targetId === ids.a && (e.detail as { reason: string }).reason === '联系整改事宜',
      ),
    ).toMatchObject({
      targetType: 'unit',
      detail: { fields: ['legalRepPhone', 'contactPhone'], reason: '联系整改事宜' },
    });
  });

  it('edits with a version check; new tags move a default interval, a chosen one stays', async () => {
    const stale = await admin.patch(`/api/units/${ids.a}`, { version: 9, name: '旧名称' });
    expectRefusal(stale, { status: 409, code: 'conflict' });
    expect(stale.json().error.details).toEqual({ version: 1 });
    const retag = await admin.patch(`/api/units/${ids.a}`, {
      version: 1,
      focusTags: ['pollution_source'],
      contactPhone: null,
      employeeCount: 12,
    });
    expect(retag.json()).toMatchObject({
      version: 2,
      focusTags: ['pollution_source'],
      inspectionIntervalDays: 90,
      contactPhone: null,
      employeeCount: 12,
    });
    const chosen = await admin.patch(`/api/units/${ids.a}`, {
      version: 2,
      inspectionIntervalDays: 14,
    });
    expect(chosen.json()).toMatchObject({ version: 3, inspectionIntervalDays: 14 });
    expect(
      (await admin.patch(`/api/units/${ids.a}`, { version: 3, focusTags: ['fire_safety'] })).json(),
    ).toMatchObject({ inspectionIntervalDays: 14, version: 4 });
    // An unchanged body writes nothing and keeps the version.
    expect(
      (
        await admin.patch(`/api/units/${ids.a}`, {
          version: 4,
          focusTags: ['fire_safety'],
          legalRepPhone: '13812345678',
        })
      ).json().version,
    ).toBe(4);
    expect(
      (await admin.patch(`/api/units/${ids.a}`, { version: 4, creditCode: credit(4) })).json()
        .error,
    ).toMatchObject({ code: 'duplicate', field: 'creditCode' });
    expect(
      (await admin.patch(`/api/units/${ids.a}`, { version: 4, lng: 113.5, lat: 34.05 })).json()
        .error.field,
    ).toBe('lng');
    const moved = await admin.patch(`/api/units/${ids.a}`, {
      version: 4,
      lng: CITY.inB[0],
      lat: CITY.inB[1],
    });
    expect(moved.json()).toMatchObject({ gridCode: CITY.gridB, version: 5 });
    expectRefusal(await admin.patch('/api/units/nope', { version: 1 }), {
      status: 404,
      code: 'not_found',
    });
  });

  it('locates a unit by a standard address when it has no point', async () => {
    const lane = await admin.post('/api/addresses', {
      level: 'street_lane',
      name: '花园路',
      lng: CITY.inA[0],
      lat: CITY.inA[1],
    });
    expect(lane.statusCode, lane.body).toBe(201);
    const plate = await admin.post('/api/addresses', {
      parentId: lane.json().id,
      level: 'door_plate',
      name: '8号',
      lng: CITY.inA[0],
      lat: CITY.inA[1],
    });
    const res = await admin.post('/api/units', {
      ...unitBody(6),
      lng: undefined,
      lat: undefined,
      address: undefined,
      addressId: plate.json().id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      addressId: plate.json().id,
      position: null,
      gridCode: CITY.gridA,
      communityCode: CITY.communityW,
    });
    expect(res.json().address).toContain('花园路');
    expect(
      (
        await admin.post('/api/units', {
          ...unitBody(7),
          lng: undefined,
          lat: undefined,
          addressId: 'nope',
        })
      ).json().error.field,
    ).toBe('addressId');
  });

  it('links employees from the population registry, masked', async () => {
    const person = await admin.post('/api/persons', {
      name: '孙悟空',
      idNumber: residentId(11),
      populationType: 'registered',
      areaCode: CITY.gridA,
    });
    expect(person.statusCode, person.body).toBe(201);
    const pid = person.json().id;
    expect(
      (await admin.post(`/api/units/${ids.a}/employees`, { personId: 'nobody' })).json().error
        .field,
    ).toBe('personId');
    expect(
      (
        await admin.post(`/api/units/${ids.a}/employees`, {
          personId: pid,
          from: '2026-03-01',
          to: '2026-02-01',
        })
      ).json().error.field,
    ).toBe('to');
    const added = await admin.post(`/api/units/${ids.a}/employees`, {
      personId: pid,
      position: '安全员',
      from: '2026-01-05',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().employees).toEqual([
      expect.objectContaining({
        personId: pid,
        personName: '孙*空',
        position: '安全员',
        from: '2026-01-05',
        to: null,
      }),
    ]);
    expect(errorCode(await admin.post(`/api/units/${ids.a}/employees`, { personId: pid }))).toBe(
      'duplicate',
    );
    const employeeId = added.json().employees[0].id;
    expectRefusal(await leaderE.del(`/api/units/${ids.a}/employees/${employeeId}`), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await admin.del(`/api/units/${ids.a}/employees/nope`), {
      status: 404,
      code: 'not_found',
    });
    expect(
      (await admin.del(`/api/units/${ids.a}/employees/${employeeId}`)).json().employees,
    ).toEqual([]);
  });

  it('keeps every route inside the caller scope: lists never leak, reads 404, actions 403', async () => {
    const names = async (s: Session, q = '') =>
      (await s.get(`/api/units${q}`)).json().items.map((u: { name: string }) => u.name);
    expect(await names(workerW)).not.toContain('东区化工仓库');
    expect(await names(workerW, '?q=化工')).toEqual([]);
    expect(await names(workerW, `?areaCode=${CITY.streetE}`)).toEqual([]);
    expect(await names(leaderE)).toEqual(['东区化工仓库']);
    expectRefusal(await workerW.get(`/api/units/${ids.east}`), { status: 404, code: 'not_found' });
    expectRefusal(await workerW.patch(`/api/units/${ids.east}`, { version: 1, name: '越权' }), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await workerW.post(`/api/units/${ids.east}/employees`, { personId: 'x' }), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await workerW.post('/api/units', unitBody(8, CITY.inC)), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(
      await workerW.patch(`/api/units/${ids.shop}`, {
        version: 1,
        lng: CITY.inC[0],
        lat: CITY.inC[1],
      }),
      { status: 403, code: 'forbidden' },
    );
    expect(
      (await workerW.patch(`/api/units/${ids.shop}`, { version: 1, industry: '餐饮' })).json(),
    ).toMatchObject({ industry: '餐饮', version: 2 });
  });

  it('filters by type, focus tag, key units, area and text, paged', async () => {
    const count = async (q: string) => (await admin.get(`/api/units${q}`)).json().total;
    expect(await count('')).toBe(4);
    expect(await count('?unitType=hazardous_chemicals')).toBe(1);
    expect(await count('?focusTag=fire_safety')).toBe(1);
    expect(await count('?keyOnly=true')).toBe(2);
    expect(await count(`?areaCode=${CITY.gridB}`)).toBe(2);
    expect(await count(`?q=${credit(4).slice(10)}`)).toBe(1);
    expect(await count('?q=%25')).toBe(4);
    expect((await admin.get('/api/units?limit=1&offset=1')).json().items).toHaveLength(1);
  });

  it('upserts rows idempotently on the credit code, all or nothing', async () => {
    const actor = t.services.system;
    const rows = [
      {
        ...unitBody(20),
        focusTags: [],
        status: 'operating' as const,
        crs: 'wgs84' as const,
        unitType: 'enterprise' as const,
      },
      {
        ...unitBody(21, CITY.inB),
        focusTags: ['work_safety' as const],
        status: 'operating' as const,
        crs: 'wgs84' as const,
        unitType: 'school' as const,
      },
    ];
    expect(await t.services.units.upsertUnits(actor, rows)).toMatchObject({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const again = await t.services.units.upsertUnits(actor, rows);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(
      await t.services.units.upsertUnits(actor, [{ ...rows[0]!, employeeCount: 40 }]),
    ).toMatchObject({ updated: 1 });
    const bad = [rows[0]!, { ...rows[1]!, creditCode: `${credit(22).slice(0, 17)}Z` }];
    await expect(t.services.units.upsertUnits(actor, bad)).rejects.toMatchObject({
      code: 'invalid_code',
      field: 'rows.1.creditCode',
    });
    await expect(t.services.units.upsertUnits(actor, [rows[0]!, rows[0]!])).rejects.toMatchObject({
      code: 'duplicate',
      field: 'rows.1.creditCode',
    });
    // A row after a good one that fails in the write phase leaves nothing behind.
    const worker = { ...actor, scope: { all: false, prefixes: [CITY.streetW] } };
    const mixed = [
      { ...rows[0]!, creditCode: credit(23), name: '新单位23' },
      { ...rows[1]!, creditCode: credit(4) },
    ];
    await expect(t.services.units.upsertUnits(worker, mixed)).rejects.toMatchObject({
      code: 'duplicate',
      field: 'rows.1.creditCode',
    });
    expect((await admin.get('/api/units?q=新单位23')).json().total).toBe(0);
  });
});
