import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { body, code } from './components.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
});
afterAll(async () => t.close());

describe('部件 registry', () => {
  it('refuses anonymous callers, readers without manage, bad bodies and unknown ids', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/components' })).statusCode).toBe(401);
    const observer = await userSession(t, {
      username: 'obs',
      roles: ['observer'],
      areaCodes: [CITY.district],
    });
    expect((await observer.get('/api/components')).statusCode).toBe(200);
    expectRefusal(await observer.post('/api/components', body(code('01001', 99))), {
      status: 403,
      code: 'forbidden',
    });
    const bad = await admin.post('/api/components', {
      ...body(code('01001', 99)),
      name: undefined,
    });
    expectRefusal(bad, { status: 400, code: 'validation_failed', field: 'name' });
    expectRefusal(
      await admin.post('/api/components', body(code('01001', 99), CITY.inA, { deptCode: '123' })),
      { status: 400, code: 'validation_failed', field: 'deptCode' },
    );
    expectRefusal(
      await admin.post(
        '/api/components',
        body(code('01001', 99), CITY.inA, { initialDate: '20260230' }),
      ),
      { status: 400, code: 'validation_failed', field: 'initialDate' },
    );
    expectRefusal(await admin.get('/api/components/nope'), { status: 404, code: 'not_found' });
  });

  it('registers a component located in its grid, with names and the opening history entry', async () => {
    const res = await admin.post(
      '/api/components',
      body(code('01001', 1), CITY.inA, {
        ownerName: '自来水公司',
        dataSource: '实测',
        extra: { 材质: '球墨铸铁', 直径: 700 },
      }),
    );
    expect(res.statusCode).toBe(201);
    const c = res.json();
    ids.a = c.id;
    expect(c).toMatchObject({
      code: code('01001', 1),
      classCode: '01001',
      className: '供水井盖',
      status: 'intact',
      adminCode: CITY.district,
      streetCode: CITY.streetW,
      streetName: '西街道',
      communityCode: CITY.communityW,
      gridCode: CITY.gridA,
      gridName: '西社区第1网格',
      position: CITY.inA,
      extra: { 材质: '球墨铸铁', 直径: 700 },
      version: 1,
    });
    expect(c.history).toEqual([
      expect.objectContaining({
        fromStatus: null,
        toStatus: 'intact',
        reason: '登记',
        caseId: null,
      }),
    ]);
    expect((await admin.get(`/api/components/${c.id}`)).json().code).toBe(code('01001', 1));
  });

  it('checks the code: district prefix, class digits, dictionary class; a 16-digit code only as legacyCode', async () => {
    const wrongAdmin = await admin.post('/api/components', body(`410102${'01001'}000002`));
    expectRefusal(wrongAdmin, { status: 400, code: 'invalid_code', field: 'code' });
    expect(wrongAdmin.json().error.message).toMatch(/wrong_admin_prefix/);
    const mismatch = await admin.post(
      '/api/components',
      body(code('01001', 2), CITY.inA, { classCode: '01002' }),
    );
    expect(mismatch.json().error).toMatchObject({ code: 'invalid_code', field: 'classCode' });
    const unknown = await admin.post('/api/components', body(code('01016', 2)));
    expect(unknown.json().error.message).toMatch(/unknown_class/);
    const legacyAsCode = await admin.post('/api/components', body('4101010101000002'));
    expectRefusal(legacyAsCode, { status: 400, code: 'validation_failed', field: 'code' });
    const withLegacy = await admin.post(
      '/api/components',
      body(code('01002', 2), CITY.inA, { name: '污水井盖', legacyCode: '4101010102000002' }),
    );
    expect(withLegacy.statusCode).toBe(201);
    expect(withLegacy.json().legacyCode).toBe('4101010102000002');
    expect((await t.services.components.findByCode('4101010102000002'))?.code).toBe(
      code('01002', 2),
    );
    expect(await t.services.components.findByCode(code('01002', 999))).toBeNull();
    expect(errorCode(await admin.post('/api/components', body(code('01001', 1))))).toBe(
      'duplicate',
    );
    expect(
      errorCode(
        await admin.post(
          '/api/components',
          body(code('01002', 3), CITY.inA, { legacyCode: '4101010102000002' }),
        ),
      ),
    ).toBe('duplicate');
    const outside = await admin.post('/api/components', body(code('01001', 3), [113.5, 34.05]));
    expect(outside.json().error).toMatchObject({ code: 'validation_failed', field: 'lng' });
  });

  it('changes the status with a reason and keeps the history; a case can update it through the service', async () => {
    const res = await admin.post(`/api/components/${ids.a}/status`, {
      status: 'damaged',
      reason: '井盖破损',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'damaged', version: 2 });
    expect(
      res
        .json()
        .history.map((h: { fromStatus: string | null; toStatus: string }) => [
          h.fromStatus,
          h.toStatus,
        ]),
    ).toEqual([
      [null, 'intact'],
      ['intact', 'damaged'],
    ]);
    expect(
      (
        await admin.post(`/api/components/${ids.a}/status`, { status: 'damaged', reason: '再次' })
      ).json().error.field,
    ).toBe('status');
    expect(
      (
        await admin.post(`/api/components/${ids.a}/status`, {
          status: 'lost',
          reason: '丢了',
          caseId: 'no-such-case',
        })
      ).json().error.field,
    ).toBe('caseId');
    expectRefusal(
      await admin.post(`/api/components/${ids.a}/status`, {
        status: 'lost',
        reason: '丢了',
        version: 1,
      }),
      { status: 409, code: 'conflict' },
    );

    const actor = { id: 'case-engine', displayName: '案件系统' };
    expect(
      await t.services.components.updateStatusFromCase(ids.a!, 'intact', 'case-1', actor),
    ).toEqual({ changed: true, status: 'intact', version: 3 });
    expect(
      await t.services.components.updateStatusFromCase(ids.a!, 'intact', 'case-1', actor),
    ).toEqual({ changed: false, status: 'intact', version: 3 });
    const last = (await admin.get(`/api/components/${ids.a}`)).json().history.at(-1);
    expect(last).toMatchObject({
      fromStatus: 'damaged',
      toStatus: 'intact',
      caseId: 'case-1',
      actorId: 'case-engine',
      actorName: '案件系统',
    });
  });

  it('edits attributes and location with a version check', async () => {
    const stale = await admin.patch(`/api/components/${ids.a}`, { version: 1, remarks: '旧版本' });
    expectRefusal(stale, { status: 409, code: 'conflict' });
    expect(stale.json().error.details).toEqual({ version: 3 });
    const moved = await admin.patch(`/api/components/${ids.a}`, {
      version: 3,
      lng: CITY.inB[0],
      lat: CITY.inB[1],
      remarks: '迁移',
      changeDate: '20260301',
      ownerName: null,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      gridCode: CITY.gridB,
      remarks: '迁移',
      changeDate: '20260301',
      ownerName: null,
      version: 4,
    });
    expect(
      (await admin.patch(`/api/components/${ids.a}`, { version: 4, changeDate: '20251231' })).json()
        .error.field,
    ).toBe('changeDate');
    expect(
      (await admin.patch(`/api/components/${ids.a}`, { version: 4, lng: 113.5, lat: 34.05 })).json()
        .error.field,
    ).toBe('lng');
    expectRefusal(await admin.patch(`/api/components/${ids.a}`, { version: 4, lng: 113.5 }), {
      status: 400,
      code: 'validation_failed',
      field: 'lng',
    });
    expectRefusal(await admin.patch('/api/components/nope', { version: 1 }), {
      status: 404,
      code: 'not_found',
    });
    // Moved back for the listing tests below.
    expect(
      (
        await admin.patch(`/api/components/${ids.a}`, {
          version: 4,
          lng: CITY.inA[0],
          lat: CITY.inA[1],
        })
      ).json().gridCode,
    ).toBe(CITY.gridA);
  });

  it('lists by bounding box, class, status and area, and serves a capped map layer', async () => {
    const c = await admin.post(
      '/api/components',
      body(code('02001', 1), CITY.inC, { name: '交通信号灯' }),
    );
    expect(c.statusCode).toBe(201);
    ids.c = c.json().id;
    await admin.post(`/api/components/${ids.c}/status`, { status: 'damaged', reason: '灯不亮' });
    const codes = async (q: string) =>
      (await admin.get(`/api/components${q}`)).json().items.map((i: { code: string }) => i.code);
    expect(await codes('')).toEqual([code('01001', 1), code('01002', 2), code('02001', 1)]);
    expect((await admin.get('/api/components?limit=1')).json()).toMatchObject({
      total: 3,
      items: [{ code: code('01001', 1) }],
    });
    expect(await codes('?bbox=113.1,34.0,113.2,34.1')).toEqual([code('02001', 1)]);
    expect(await codes('?bbox=113.0,34.0,113.05,34.1&classCode=01001')).toEqual([code('01001', 1)]);
    expect(await codes('?classCode=01')).toEqual([code('01001', 1), code('01002', 2)]);
    expect(await codes('?status=damaged')).toEqual([code('02001', 1)]);
    expect(await codes(`?areaCode=${CITY.streetE}`)).toEqual([code('02001', 1)]);
    expectRefusal(await admin.get('/api/components?bbox=113.2,34,113.1,34.1'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.bbox',
    });
    expectRefusal(await admin.get('/api/components?bbox=1,2,3'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.bbox',
    });

    const layer = (await admin.get('/api/components/geojson?bbox=113.0,34.0,113.1,34.1')).json();
    expect(layer).toMatchObject({ type: 'FeatureCollection', limit: 5000, truncated: false });
    expect(layer.features).toHaveLength(2);
    expect(layer.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: CITY.inA },
      properties: { code: code('01001', 1), classCode: '01001', status: 'intact' },
    });
    expect(
      (await admin.get('/api/components/geojson?classCode=02001')).json().features,
    ).toHaveLength(1);
  });

  it('limits a grid worker to their grid: others answer 404 to reads and 403 to changes', async () => {
    const worker = await userSession(t, {
      username: 'gridA',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridA],
    });
    expect((await worker.get('/api/components')).json()).toMatchObject({ total: 2 });
    expect((await worker.get('/api/components/geojson')).json().features).toHaveLength(2);
    expectRefusal(await worker.get(`/api/components/${ids.c}`), { status: 404, code: 'not_found' });
    expect((await worker.get(`/api/components/${ids.a}`)).statusCode).toBe(200);
    expectRefusal(
      await worker.post(`/api/components/${ids.a}/status`, { status: 'lost', reason: '丢失' }),
      { status: 403, code: 'forbidden' },
    );

    await t.services.users.createRole(
      t.services.system,
      {
        code: 'component_keeper',
        name: '部件管理员',
        nameEn: 'Component keeper',
        permissions: ['components.read', 'components.manage'],
      },
      null,
    );
    const keeper = await userSession(t, {
      username: 'keeperA',
      roles: ['component_keeper'],
      areaCodes: [CITY.gridA],
    });
    expectRefusal(await keeper.patch(`/api/components/${ids.c}`, { version: 2, remarks: '越权' }), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(
      await keeper.post(`/api/components/${ids.c}/status`, {
        status: 'intact',
        reason: '越权修复',
      }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await keeper.post('/api/components', body(code('02001', 2), CITY.inC)), {
      status: 403,
      code: 'forbidden',
    });
    expect(
      (await keeper.post('/api/components', body(code('01001', 5), CITY.inA))).statusCode,
    ).toBe(201);
    expect(
      (await keeper.patch(`/api/components/${ids.a}`, { version: 5, remarks: '本网格' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('部件 audit', () => {
  it('audits registration, edits and condition changes with the actor, the component and a summary', async () => {
    const created = await admin.post('/api/components', body(code('01001', 77)));
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(
      (await admin.patch(`/api/components/${c.id}`, { version: c.version, name: '供水井盖（改）' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await admin.post(`/api/components/${c.id}/status`, {
          status: 'damaged',
          reason: '巡查发现破损',
        })
      ).statusCode,
    ).toBe(200);
    const items = (await admin.get('/api/audit?action=component_changed')).json().items as {
      actorName: string;
      targetType: string;
      targetId: string;
      detail: { change: string; summary: string };
    }[];
    const mine = items.filter((e) => e.targetId === c.id).reverse();
    expect(mine.map((e) => [e.actorName, e.targetType, e.detail.change])).toEqual([
      ['root', 'component', 'created'],
      ['root', 'component', 'updated'],
      ['root', 'component', 'status'],
    ]);
    expect(mine[0]!.detail.summary).toContain(`登记部件 ${code('01001', 77)}`);
    expect(mine[2]!.detail.summary).toContain('intact → damaged');
    // A stale version writes nothing and audits nothing.
    expectRefusal(await admin.patch(`/api/components/${c.id}`, { version: c.version, name: 'x' }), {
      status: 409,
      code: 'conflict',
    });
    expect((await admin.get('/api/audit?action=component_changed')).json().items).toHaveLength(
      items.length,
    );
  });
});
