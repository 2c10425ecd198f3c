import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { photo } from '../cases/cases.test-util';
import { placeBody, testClock, unitBody } from './units.test-util';
import { expectRefusal } from '../../../test/refusal';

const clock = testClock();
let t: TestApp;
let admin: Session;
let workerW: Session;
let workerE: Session;
let leaderE: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  workerW = await userSession(t, {
    username: 'gridW',
    roles: ['grid_administrator'],
    areaCodes: [CITY.streetW],
  });
  workerE = await userSession(t, {
    username: 'gridE',
    roles: ['grid_administrator'],
    areaCodes: [CITY.streetE],
  });
  leaderE = await userSession(t, {
    username: 'leadE',
    roles: ['street_leader'],
    areaCodes: [CITY.streetE],
  });
});
afterAll(async () => t.close());

const overdue = async (s: Session, q = '') => (await s.get(`/api/inspections/overdue${q}`)).json();
const overdueNames = async (s: Session, q = '') =>
  (await overdue(s, q)).items.map((i: { name: string }) => i.name);

describe('重点场所', () => {
  it('registers places with a default interval by type, linked to a unit, phone masked', async () => {
    expectRefusal(await leaderE.post('/api/places', placeBody('越权网吧', CITY.inC)), {
      status: 403,
      code: 'forbidden',
    });
    expect(
      (
        await workerW.post('/api/places', placeBody('类型错', CITY.inA, { placeType: 'bar' }))
      ).json().error.field,
    ).toBe('placeType');
    expect(
      (await workerW.post('/api/places', placeBody('无单位', CITY.inA, { unitId: 'nope' }))).json()
        .error.field,
    ).toBe('unitId');

    const unit = await workerW.post(
      '/api/units',
      unitBody(1, CITY.inA, { name: '消防重点单位', focusTags: ['fire_safety'] }),
    );
    expect(unit.json()).toMatchObject({
      isKeyUnit: true,
      inspectionIntervalDays: 30,
      nextInspectionDue: '2026-12-30',
    });
    ids.unit = unit.json().id;
    const cafe = await workerW.post(
      '/api/places',
      placeBody('星际网吧', CITY.inA, { unitId: ids.unit }),
    );
    expect(cafe.statusCode).toBe(201);
    expect(cafe.json()).toMatchObject({
      placeType: 'internet_cafe',
      unitName: '消防重点单位',
      inspectionIntervalDays: 15,
      nextInspectionDue: '2026-12-15',
      responsiblePhone: '139****1111',
      responsibleName: '赵责任',
      gridCode: CITY.gridA,
    });
    ids.cafe = cafe.json().id;
    const hotel = await workerW.post(
      '/api/places',
      placeBody('如家酒店', CITY.inB, { placeType: 'lodging', inspectionIntervalDays: 7 }),
    );
    expect(hotel.json()).toMatchObject({
      inspectionIntervalDays: 7,
      nextInspectionDue: '2026-12-07',
    });
    ids.hotel = hotel.json().id;
    const site = await workerE.post(
      '/api/places',
      placeBody('东区工地', CITY.inC, { placeType: 'construction' }),
    );
    expect(site.json()).toMatchObject({ inspectionIntervalDays: 7, streetCode: CITY.streetE });
    ids.site = site.json().id;

    const raw = await t.services.db
      .selectFrom('places')
      .selectAll()
      .where('id', '=', ids.cafe!)
      .executeTakeFirstOrThrow();
    expect(raw.responsible_phone_enc).toMatch(/^v2:/);
    expect(JSON.stringify(raw)).not.toContain('13900001111');
    expect((await workerW.get('/api/places?q=星际')).json().items[0]).toMatchObject({
      responsibleName: '赵*任',
      responsiblePhone: '139****1111',
    });
  });

  it('edits with a version check and recomputes the due date when the interval changes', async () => {
    expectRefusal(
      await workerW.patch(`/api/places/${ids.cafe}`, { version: 2, name: '改名网吧' }),
      { status: 409, code: 'conflict' },
    );
    const res = await workerW.patch(`/api/places/${ids.cafe}`, {
      version: 1,
      inspectionIntervalDays: 10,
    });
    expect(res.json()).toMatchObject({
      version: 2,
      inspectionIntervalDays: 10,
      nextInspectionDue: '2026-12-10',
    });
    expect(
      (
        await workerW.patch(`/api/places/${ids.cafe}`, { version: 2, inspectionIntervalDays: null })
      ).json(),
    ).toMatchObject({ inspectionIntervalDays: 15, nextInspectionDue: '2026-12-15' });
  });

  it('unmasks the responsible phone with a reason, audited', async () => {
    expectRefusal(
      await workerW.post(`/api/places/${ids.cafe}/unmask`, {
        reason: '联系负责人',
        fields: ['responsiblePhone'],
      }),
      { status: 403, code: 'forbidden' },
    );
    const res = await admin.post(`/api/places/${ids.cafe}/unmask`, {
      reason: '联系负责人',
      fields: ['responsiblePhone'],
    });
    expect(res.json()).toEqual({ responsiblePhone: '13900001111' });
    const audit = await t.services.audit.list({ action: 'personal_data_viewed', limit: 5 });
    expect(audit[0]).toMatchObject({
      targetType: 'place',
      targetId: ids.cafe,
      detail: { reason: '联系负责人' },
    });
  });

  it('keeps places in scope: lists never leak, reads 404, actions 403', async () => {
    expect(
      (await workerW.get('/api/places')).json().items.map((p: { name: string }) => p.name),
    ).toEqual(['如家酒店', '星际网吧']);
    expect((await workerW.get(`/api/places?areaCode=${CITY.streetE}`)).json().total).toBe(0);
    expect((await admin.get('/api/places?placeType=construction')).json().total).toBe(1);
    expect((await admin.get(`/api/places?unitId=${ids.unit}`)).json().total).toBe(1);
    expectRefusal(await workerW.get(`/api/places/${ids.site}`), { status: 404, code: 'not_found' });
    expect((await leaderE.get(`/api/places/${ids.site}`)).statusCode).toBe(200);
    expectRefusal(
      await workerW.patch(`/api/places/${ids.site}`, { version: 1, name: '越权改名' }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(
      await workerW.post(`/api/places/${ids.site}/unmask`, {
        reason: '越权查看',
        fields: ['responsiblePhone'],
      }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await admin.get('/api/places/nope'), { status: 404, code: 'not_found' });
  });
});

describe('检查记录', () => {
  it('lists nothing overdue on the day of registration', async () => {
    expect(await overdue(admin)).toMatchObject({ items: [], total: 0, today: '2026-11-30' });
  });

  it('finds places past their due date, scoped, most overdue first', async () => {
    clock.advanceDays(8); // 2026-12-08
    expect(await overdueNames(admin)).toEqual(['东区工地', '如家酒店']);
    const mine = await overdue(workerW);
    expect(mine).toMatchObject({
      total: 1,
      today: '2026-12-08',
      items: [
        {
          targetType: 'place',
          id: ids.hotel,
          kind: 'lodging',
          nextInspectionDue: '2026-12-07',
          daysOverdue: 1,
          gridCode: CITY.gridB,
          gridName: '西社区第2网格',
        },
      ],
    });
    expect(await overdueNames(admin, '?targetType=unit')).toEqual([]);
    expect(await overdueNames(admin, `?areaCode=${CITY.streetE}`)).toEqual(['东区工地']);
  });

  it('refuses bad inspections with the field at fault, and other streets with 403', async () => {
    const base = { targetType: 'place', targetId: ids.hotel, result: 'passed' };
    expect(
      (
        await workerW.post('/api/inspections', {
          ...base,
          hazards: [{ description: '消防通道堵塞', level: 'general' }],
        })
      ).json().error.field,
    ).toBe('hazards');
    expect(
      (await workerW.post('/api/inspections', { ...base, result: 'hazards_found' })).json().error
        .field,
    ).toBe('hazards');
    const early = await workerW.post('/api/inspections', {
      ...base,
      result: 'hazards_found',
      hazards: [{ description: '灭火器过期', level: 'general', rectifyBy: '2026-12-01' }],
    });
    expect(early.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'hazards.0.rectifyBy',
    });
    expect(
      (await workerW.post('/api/inspections', { ...base, at: '2026-12-20T00:00:00Z' })).json().error
        .field,
    ).toBe('at');
    expect(
      (await workerW.post('/api/inspections', { ...base, targetId: 'nope' })).json().error.field,
    ).toBe('targetId');
    const theirs = await photo(t, admin);
    expect(
      (await workerW.post('/api/inspections', { ...base, photos: [theirs] })).json().error.field,
    ).toBe('photos');
    expectRefusal(await workerW.post('/api/inspections', { ...base, targetId: ids.site }), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await leaderE.post('/api/inspections', { ...base, targetId: ids.site }), {
      status: 403,
      code: 'forbidden',
    });
    expect((await workerW.get(`/api/inspections?targetId=${ids.hotel}`)).json().total).toBe(0);
  });

  it('records an inspection with hazards and photos; the re-check date comes first', async () => {
    const pic = await photo(t, workerW);
    const res = await workerW.post('/api/inspections', {
      targetType: 'place',
      targetId: ids.hotel,
      result: 'hazards_found',
      findings: '消防设施检查',
      hazards: [
        { description: '安全出口指示灯损坏', level: 'general', rectifyBy: '2026-12-12' },
        { description: '消防通道堆放杂物', level: 'major', rectifyBy: '2026-12-10' },
      ],
      photos: [pic],
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.inspection = res.json().id;
    expect(res.json()).toMatchObject({
      targetName: '如家酒店',
      inspectorName: 'gridW',
      result: 'hazards_found',
      photos: [pic],
      gridCode: CITY.gridB,
      version: 1,
    });
    expect(res.json().hazards).toEqual([
      expect.objectContaining({
        description: '安全出口指示灯损坏',
        level: 'general',
        rectifyBy: '2026-12-12',
        caseId: null,
      }),
      expect.objectContaining({
        description: '消防通道堆放杂物',
        level: 'major',
        rectifyBy: '2026-12-10',
        caseId: null,
      }),
    ]);
    const hotel = (await workerW.get(`/api/places/${ids.hotel}`)).json();
    expect(hotel).toMatchObject({
      nextInspectionDue: '2026-12-10',
      lastInspectedAt: '2026-12-08T01:00:00.000Z',
      version: 1,
    });
    expect(await overdueNames(workerW)).toEqual([]);

    // A back-dated record joins the history without moving the schedule.
    const old = await workerW.post('/api/inspections', {
      targetType: 'place',
      targetId: ids.hotel,
      result: 'passed',
      at: '2026-12-02T02:00:00Z',
    });
    expect(old.statusCode).toBe(201);
    expect((await workerW.get(`/api/places/${ids.hotel}`)).json().nextInspectionDue).toBe(
      '2026-12-10',
    );
    const history = (await workerW.get(`/api/inspections?targetId=${ids.hotel}`)).json();
    expect(history.items.map((i: { id: string }) => i.id)).toEqual([ids.inspection, old.json().id]);
    expect((await workerE.get(`/api/inspections?targetId=${ids.hotel}`)).json()).toEqual({
      items: [],
      total: 0,
    });
    expect((await admin.get('/api/inspections?result=hazards_found')).json().total).toBe(1);
    // The photo is seen by colleagues who may read the place's registry, not by another street.
    const colleague = await userSession(t, {
      username: 'gridW2',
      roles: ['grid_supervisor'],
      areaCodes: [CITY.communityW],
    });
    expect((await colleague.get(`/api/attachments/${pic}`)).statusCode).toBe(200);
    expectRefusal(await workerE.get(`/api/attachments/${pic}`), { status: 404, code: 'not_found' });

    clock.advanceDays(3); // 2026-12-11
    expect((await overdue(workerW)).items).toEqual([
      expect.objectContaining({ id: ids.hotel, nextInspectionDue: '2026-12-10', daysOverdue: 1 }),
    ]);
  });

  it('moves a key unit schedule on inspection and lists overdue units', async () => {
    const res = await workerW.post('/api/inspections', {
      targetType: 'unit',
      targetId: ids.unit,
      result: 'passed',
    });
    expect(res.statusCode).toBe(201);
    expect((await workerW.get(`/api/units/${ids.unit}`)).json()).toMatchObject({
      nextInspectionDue: '2027-01-10',
      version: 1,
    });
    clock.advanceDays(31); // 2027-01-11
    const names = await overdueNames(workerW, '?targetType=unit');
    expect(names).toEqual(['消防重点单位']);
    expect((await overdue(workerW)).total).toBe(3);
    expect((await overdue(workerW, '?limit=1&offset=1')).items).toHaveLength(1);
    // A closed unit is not visited any more.
    await workerW.patch(`/api/units/${ids.unit}`, { version: 1, status: 'closed' });
    expect(await overdueNames(workerW, '?targetType=unit')).toEqual([]);
  });

  it('raises a case for a hazard at the place, linked on the hazard, once', async () => {
    const inspection = (
      await workerW.get(`/api/inspections?targetId=${ids.hotel}&result=hazards_found`)
    ).json().items[0];
    const hazard = inspection.hazards[1];
    expectRefusal(
      await workerE.post(`/api/inspections/${ids.inspection}/raise-case`, {
        hazardId: hazard.id,
        classCode: '06010',
      }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(
      await leaderE.post(`/api/inspections/${ids.inspection}/raise-case`, {
        hazardId: hazard.id,
        classCode: '06010',
      }),
      { status: 403, code: 'forbidden' },
    );
    expect(
      (
        await workerW.post(`/api/inspections/${ids.inspection}/raise-case`, {
          hazardId: 'nope',
          classCode: '06010',
        })
      ).json().error.field,
    ).toBe('hazardId');
    expect(
      (
        await workerW.post(`/api/inspections/${ids.inspection}/raise-case`, { hazardId: hazard.id })
      ).json().error.field,
    ).toBe('classCode');
    expectRefusal(
      await workerW.post('/api/inspections/nope/raise-case', {
        hazardId: hazard.id,
        classCode: '06010',
      }),
      { status: 404, code: 'not_found' },
    );

    const res = await workerW.post(`/api/inspections/${ids.inspection}/raise-case`, {
      hazardId: hazard.id,
      classCode: '06010',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { caseId, caseNo, inspection: updated } = res.json();
    expect(caseNo).toEqual(expect.any(String));
    expect(updated.version).toBe(2);
    expect(updated.hazards[1].caseId).toBe(caseId);
    expect(updated.hazards[0].caseId).toBeNull();
    const c = (await admin.get(`/api/cases/${caseId}`)).json();
    expect(c).toMatchObject({
      source: 'patrol',
      classCode: '06010',
      gridCode: CITY.gridB,
      position: CITY.inB,
      address: '如家酒店所在地',
      urgent: true,
      photos: inspection.photos,
    });
    expect(c.description).toContain('消防通道堆放杂物');

    const again = await workerW.post(`/api/inspections/${ids.inspection}/raise-case`, {
      hazardId: hazard.id,
      classCode: '06010',
    });
    expect(errorCode(again)).toBe('duplicate');
    expect(again.json().error.details).toEqual({ caseId });
    expect(
      (await workerW.get(`/api/inspections?targetId=${ids.hotel}&result=hazards_found`)).json()
        .items[0].hazards[1].caseId,
    ).toBe(caseId);
  });
});
