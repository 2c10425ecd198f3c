import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { personBody, residentId } from './population.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let worker: Session;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  worker = await userSession(t, {
    username: 'gridworker',
    displayName: '王网格',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityW],
  });
});
afterAll(async () => t.close());

describe('实有人口: registration', () => {
  it('refuses anonymous callers, users without the registry permissions and bad bodies', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/persons' })).statusCode).toBe(401);
    const inspector = await userSession(t, {
      username: 'insp',
      roles: ['inspector'],
      areaCodes: [CITY.district],
    });
    expectRefusal(await inspector.get('/api/persons'), { status: 403, code: 'forbidden' });
    const reader = await userSession(t, {
      username: 'super',
      roles: ['grid_supervisor'],
      areaCodes: [CITY.district],
    });
    expect((await reader.get('/api/persons')).statusCode).toBe(200);
    expectRefusal(await reader.post('/api/persons', personBody(residentId())), {
      status: 403,
      code: 'forbidden',
    });
    const noName = await worker.post('/api/persons', personBody(residentId(), { name: '' }));
    expect(noName.json().error).toMatchObject({ code: 'validation_failed', field: 'name' });
    const noPlace = await worker.post(
      '/api/persons',
      personBody(residentId(), { areaCode: undefined }),
    );
    expect(noPlace.json().error).toMatchObject({ code: 'validation_failed', field: 'areaCode' });
    const badPhone = await worker.post('/api/persons', personBody(residentId(), { phone: 'abc' }));
    expect(badPhone.json().error).toMatchObject({ code: 'validation_failed', field: 'phone' });
    expectRefusal(await worker.get('/api/persons/nope'), { status: 404, code: 'not_found' });
  });

  it('validates resident IDs (GB 11643) with the Chinese message of the problem', async () => {
    const good = residentId('19800101', 123);
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await worker.post('/api/persons', personBody(wrongCheck));
    expectRefusal(res, { status: 400, code: 'validation_failed', field: 'idNumber' });
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'idNumber',
      message: '身份证号码校验位错误',
    });
    const feb30 = await worker.post('/api/persons', personBody(residentId('20010230', 5)));
    expect(feb30.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'idNumber',
      message: '身份证号码中的出生日期无效',
    });
    const format = await worker.post('/api/persons', personBody('12345'));
    expect(format.json().error).toMatchObject({
      field: 'idNumber',
      message: '身份证号码应为18位（末位可为X）或15位数字',
    });
    const nothingWritten = await admin.get('/api/persons');
    expect(nothingWritten.json().total).toBe(0);
  });

  it('registers a person, deriving birth date and gender, and converts 15-digit numbers', async () => {
    const res = await worker.post(
      '/api/persons',
      personBody(residentId('19800101', 123), {
        gender: 'female',
        birthDate: '1990-01-01',
        ethnicity: '汉族',
      }),
    );
    expect(res.statusCode).toBe(201);
    const p = res.json();
    ids.zhang = p.id;
    expect(p).toMatchObject({
      name: '张三明',
      gender: 'male',
      birthYear: 1980,
      idType: 'resident_id',
      idNumber: '410101************',
      phone: '138****5678',
      populationType: 'registered',
      householdStatus: 'together',
      status: 'active',
      dataState: 'entered',
      adminCode: CITY.district,
      streetCode: CITY.streetW,
      communityCode: CITY.communityW,
      communityName: '西社区',
      gridCode: CITY.gridA,
      gridName: '西社区第1网格',
      version: 1,
      houseId: null,
    });
    expect(p.events).toEqual([expect.objectContaining({ action: 'created', actorName: '王网格' })]);
    // 410101 49 12 31 002 → 410101 1949 12 31 002 + check character
    const old = await worker.post('/api/persons', personBody('410101491231002', { name: '李四' }));
    expect(old.statusCode).toBe(201);
    expect(old.json()).toMatchObject({
      birthYear: 1949,
      gender: 'female',
      idNumber: '410101************',
    });
    expect(old.json()).not.toHaveProperty('birthDate');
    ids.li = old.json().id;
    // The converted number is the one stored: the 18-digit form is now a duplicate.
    expect(
      errorCode(
        await worker.post('/api/persons', personBody(residentId('19491231', 2), { name: '李四' })),
      ),
    ).toBe('duplicate');
  });

  it('takes passports of foreign residents (5–20 letters or digits) and needs their nationality', async () => {
    const base = {
      name: 'John Smith',
      idType: 'passport',
      populationType: 'foreign',
      gender: 'male',
      birthDate: '1985-05-05',
      areaCode: CITY.communityW,
    };
    const bad = await worker.post(
      '/api/persons',
      personBody('AB-1', { ...base, nationality: '英国' }),
    );
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'idNumber' });
    const noNation = await worker.post('/api/persons', personBody('E12345678', base));
    expect(noNation.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'nationality',
    });
    const ok = await worker.post(
      '/api/persons',
      personBody('e12345678', {
        ...base,
        nationality: '英国',
        details: { visaType: 'Z', stayUntil: '2027-06-30' },
      }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      idType: 'passport',
      idNumber: '*********',
      gender: 'male',
      birthYear: 1985,
      gridCode: null,
      householdStatus: null,
      details: { visaType: 'Z', stayUntil: '2027-06-30' },
    });
    ids.john = ok.json().id;
  });

  it('refuses a duplicate: naming the record within scope, saying only "elsewhere" outside it', async () => {
    const inScope = await worker.post(
      '/api/persons',
      personBody(residentId('19800101', 123), { name: '另一人' }),
    );
    expectRefusal(inScope, { status: 409, code: 'duplicate', field: 'idNumber' });
    expect(inScope.json().error).toMatchObject({
      code: 'duplicate',
      field: 'idNumber',
      details: { existing: { id: ids.zhang, name: '张*明' } },
    });
    const east = await userSession(t, {
      username: 'eastworker',
      roles: ['grid_administrator'],
      areaCodes: [CITY.communityE],
    });
    const elsewhere = await east.post(
      '/api/persons',
      personBody(residentId('19800101', 123), { areaCode: CITY.gridC }),
    );
    expectRefusal(elsewhere, { status: 409, code: 'duplicate', field: 'idNumber' });
    expect(elsewhere.json().error).toEqual({
      code: 'duplicate',
      message: '与已有记录冲突，请联系区级管理员',
      field: 'idNumber',
    });
  });

  it('lists masked names, IDs and phones; searches by any part of the name and filters', async () => {
    const list = await worker.get('/api/persons');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(3);
    const zhang = body.items.find((i: { id: string }) => i.id === ids.zhang);
    expect(zhang).toMatchObject({
      name: '张*明',
      phone: '138****5678',
      idNumber: '410101************',
      birthYear: 1980,
    });
    expect(JSON.stringify(body)).not.toContain('张三明');
    expect(JSON.stringify(body)).not.toContain('13812345678');
    expect(
      (await worker.get(`/api/persons?name=${encodeURIComponent('张三')}`))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([ids.zhang]);
    // Any part of the name, not only its start (issue 11 #4).
    expect((await worker.get(`/api/persons?name=${encodeURIComponent('三明')}`)).json().total).toBe(
      1,
    );
    expect(
      (await worker.get('/api/persons?name=JOHN%20s'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([ids.john]);
    expect((await worker.get('/api/persons?populationType=foreign')).json().total).toBe(1);
    expect((await worker.get(`/api/persons?areaCode=${CITY.gridA}`)).json().total).toBe(2);
    expect((await worker.get(`/api/persons?areaCode=${CITY.gridB}`)).json().total).toBe(0);
    expect((await worker.get('/api/persons?limit=1')).json().items).toHaveLength(1);
    expectRefusal(await worker.get('/api/persons?limit=201'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.limit',
    });
  });

  it('updates under the version (409 with the current one), logging the changed fields', async () => {
    const stale = await worker.patch(`/api/persons/${ids.zhang}`, {
      version: 9,
      ethnicity: '回族',
    });
    expectRefusal(stale, { status: 409, code: 'conflict' });
    expect(stale.json().error).toMatchObject({ code: 'conflict', details: { version: 1 } });
    const res = await worker.patch(`/api/persons/${ids.zhang}`, {
      version: 1,
      name: '张三明',
      ethnicity: '回族',
      phone: '139 0000 1111',
      registeredPlace: '河南省郑州市',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ethnicity: '回族',
      phone: '139****1111',
      registeredPlace: '河南省郑州市',
      version: 2,
    });
    expect(res.json().events.at(-1)).toMatchObject({
      action: 'updated',
      fields: ['ethnicity', 'registeredPlace', 'phone'],
    });
    const same = await worker.patch(`/api/persons/${ids.zhang}`, { version: 2, ethnicity: '回族' });
    expect(same.json().version).toBe(2);
    const dup = await worker.patch(`/api/persons/${ids.li}`, {
      version: 1,
      idNumber: residentId('19800101', 123),
    });
    expect(dup.json().error).toMatchObject({ code: 'duplicate', field: 'idNumber' });
    const moveByArea = await worker.patch(`/api/persons/${ids.li}`, {
      version: 1,
      areaCode: CITY.gridB,
    });
    expect(moveByArea.json()).toMatchObject({ gridCode: CITY.gridB, version: 2 });
    const outside = await worker.patch(`/api/persons/${ids.li}`, {
      version: 2,
      areaCode: CITY.gridC,
    });
    expectRefusal(outside, { status: 403, code: 'forbidden' });
  });

  it('claims and verifies records: 录入 → 认领 → 已核实', async () => {
    const claimed = await worker.post(`/api/persons/${ids.zhang}/claim`);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({
      dataState: 'claimed',
      claimedByName: '王网格',
      claimedAt: expect.any(String),
    });
    expect((await worker.post(`/api/persons/${ids.zhang}/claim`)).json().error).toMatchObject({
      code: 'validation_failed',
      field: 'dataState',
    });
    const verified = await worker.post(`/api/persons/${ids.zhang}/verify`);
    expect(verified.json()).toMatchObject({ dataState: 'verified', verifiedByName: '王网格' });
    expect(verified.json().events.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'updated',
      'claimed',
      'verified',
    ]);
    expect(
      (await worker.get('/api/persons?dataState=verified'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([ids.zhang]);
  });

  it('records a death as a state, never a deletion', async () => {
    const cur = (await worker.get(`/api/persons/${ids.john}`)).json();
    const res = await worker.patch(`/api/persons/${ids.john}`, {
      version: cur.version,
      status: 'deceased',
    });
    expect(res.json()).toMatchObject({ status: 'deceased' });
    expect(res.json().events.at(-1).action).toBe('deceased');
    expect((await worker.get('/api/persons?status=deceased')).json().total).toBe(1);
    expectRefusal(
      await worker.patch(`/api/persons/${ids.john}`, {
        version: res.json().version,
        status: 'deceased',
      }),
      { status: 400, code: 'validation_failed', field: 'status' },
    );
  });
});
