import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

// A clock the test moves, so versions have distinct validity windows.
let nowMs = Date.parse('2026-12-01T02:00:00.000Z');
const clock = { now: () => new Date(nowMs) };
const advance = (minutes: number) => (nowMs += minutes * 60_000);

let t: TestApp;
let admin: Session;
let leader: Session;
beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  leader = await userSession(t, {
    username: 'leader',
    roles: ['street_leader'],
    areaCodes: [CITY.streetW],
  });
});
afterAll(async () => t.close());

const valid = {
  classCode: '09009',
  text: '机动车在人行道、绿地等处乱停放',
  closureCondition: '车辆已驶离或已规范停放',
  limitValue: 2,
  limitType: 'work_hour',
};

describe('立结案标准 (registration conditions)', () => {
  it('ships local example rows for common classes', async () => {
    const cover = (await leader.get('/api/categories/01001/conditions')).json().items;
    expect(
      cover
        .map((c: { urgency: string; limitValue: number; limitType: string }) => [
          c.urgency,
          c.limitValue,
          c.limitType,
        ])
        .sort(),
    ).toEqual([
      ['normal', 3, 'work_day'],
      ['urgent', 6, 'urgent_hour'],
    ]);
    const garbage = (await leader.get('/api/categories/06010/conditions')).json().items;
    expect(garbage).toHaveLength(1);
    expect(garbage[0]).toMatchObject({
      limitValue: 2,
      limitType: 'work_hour',
      areaCode: null,
      validTo: null,
      yellowCardAt: null,
    });
    expect(garbage[0].stepLimits).toMatchObject({
      accept: { value: 1, type: 'work_hour' },
      check: { value: 4, type: 'work_hour' },
    });
    expect((await leader.get('/api/categories/09006/conditions')).json().items[0]).toMatchObject({
      limitValue: 4,
      limitType: 'work_hour',
    });
    expect((await leader.get('/api/categories/Z03002/conditions')).json().items[0]).toMatchObject({
      limitValue: 3,
      limitType: 'work_day',
    });
    expectRefusal(await leader.get('/api/categories/06999/conditions'), {
      status: 404,
      code: 'not_found',
    });
  });

  it('guards writes: 401 anonymous, 403 without categories.manage', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/registration-conditions', payload: valid }))
        .statusCode,
    ).toBe(401);
    expectRefusal(await leader.post('/api/registration-conditions', valid), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await leader.del('/api/registration-conditions/x'), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('validates limits, limit types, the class and the card ratios', async () => {
    const bad: [object, string][] = [
      [{ limitValue: 0 }, 'limitValue'],
      [{ limitValue: -2 }, 'limitValue'],
      [{ limitValue: '2' }, 'limitValue'],
      [{ limitType: 'hour' }, 'limitType'],
      [{ urgency: 'asap' }, 'urgency'],
      [{ classCode: '06999' }, 'classCode'],
      [{ classCode: '06' }, 'classCode'],
      [{ yellowCardAt: 2, redCardAt: 1.5 }, 'redCardAt'],
      [{ yellowCardAt: 2.5 }, 'redCardAt'],
      [{ areaCode: '410199' }, 'areaCode'],
      [{ stepLimits: { check: { value: 0, type: 'work_hour' } } }, 'stepLimits.check.value'],
      [{ stepLimits: { handle: { value: 1, type: 'work_hour' } } }, 'stepLimits'],
      [{ validFrom: '2026-12-02T00:00:00Z', validTo: '2026-12-01T00:00:00Z' }, 'validTo'],
    ];
    for (const [patch, field] of bad) {
      const res = await admin.post('/api/registration-conditions', { ...valid, ...patch });
      expect(
        [res.statusCode, errorCode(res), res.json().error.field],
        JSON.stringify(patch),
      ).toEqual([400, 'validation_failed', field]);
    }
    // JSON has no Infinity, but 1e400 parses to it.
    const inf = await t.app.inject({
      method: 'POST',
      url: '/api/registration-conditions',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
        'content-type': 'application/json',
      },
      payload: JSON.stringify(valid).replace('"limitValue":2', '"limitValue":1e400'),
    });
    expectRefusal(inf, { status: 400, code: 'validation_failed', field: 'limitValue' });
  });

  it('creates a row with default step limits, overrides and an area', async () => {
    const res = await admin.post('/api/registration-conditions', {
      ...valid,
      urgency: 'urgent',
      stepLimits: { dispatch: { value: 30, type: 'urgent_hour' } },
      yellowCardAt: 0.9,
      redCardAt: 1.5,
      areaCode: CITY.streetW,
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      classCode: '09009',
      urgency: 'urgent',
      yellowCardAt: 0.9,
      redCardAt: 1.5,
      areaCode: CITY.streetW,
      validTo: null,
      supersedesId: null,
    });
    expect(c.lineageId).toBe(c.id);
    expect(c.stepLimits.dispatch).toEqual({ value: 30, type: 'urgent_hour' });
    expect(c.stepLimits.accept).toEqual({ value: 1, type: 'work_hour' });
    // Area-limited rows only show for areas inside theirs (beside the class's default, which applies everywhere).
    const ids = async (area: string) =>
      (
        (await admin.get(`/api/categories/09009/conditions?areaCode=${area}`)).json().items as {
          id: string;
          isDefault: boolean;
        }[]
      )
        .filter((r) => !r.isDefault)
        .map((r) => r.id);
    expect(await ids(CITY.gridA)).toEqual([c.id]);
    expect(await ids(CITY.gridC)).toEqual([]);
  });

  it('versions edits: the old row is closed, the new one carries the lineage; deletion sets valid_to', async () => {
    const first = (
      await admin.post('/api/registration-conditions', {
        ...valid,
        classCode: '09010',
        text: '非机动车乱停放，影响通行',
      })
    ).json();
    const createdAt = new Date(nowMs).toISOString();
    advance(10);
    const edit = await admin.patch(`/api/registration-conditions/${first.id}`, {
      limitValue: 3,
      closureCondition: '车辆已移走',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const second = edit.json();
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({
      lineageId: first.id,
      supersedesId: first.id,
      limitValue: 3,
      closureCondition: '车辆已移走',
      text: first.text,
      validTo: null,
    });
    const old = (await admin.get(`/api/registration-conditions/${first.id}`)).json();
    expect(old).toMatchObject({ limitValue: 2, validTo: second.validFrom });

    // The class's default (09010 had no condition of its own before) stays beside the hand-made row.
    const own = async (query: string) =>
      (
        (await admin.get(`/api/categories/09010/conditions${query}`)).json().items as {
          id: string;
          isDefault: boolean;
        }[]
      )
        .filter((c) => !c.isDefault)
        .map((c) => c.id);
    expect(await own('')).toEqual([second.id]);
    expect(await own(`?at=${encodeURIComponent(createdAt)}`)).toEqual([first.id]);
    expect(await own('?history=true')).toHaveLength(2);

    const stale = await admin.patch(`/api/registration-conditions/${first.id}`, { limitValue: 5 });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'conflict']);
    const badRatio = await admin.patch(`/api/registration-conditions/${second.id}`, {
      yellowCardAt: 3,
    });
    expect(badRatio.json().error.field).toBe('redCardAt');
    expectRefusal(await admin.patch(`/api/registration-conditions/${second.id}`, {}), {
      status: 400,
      code: 'validation_failed',
      field: 'body',
    });
    expectRefusal(await admin.patch('/api/registration-conditions/nope', { limitValue: 1 }), {
      status: 404,
      code: 'not_found',
    });

    advance(10);
    expect((await admin.del(`/api/registration-conditions/${second.id}`)).json()).toEqual({
      ok: true,
    });
    expect(await own('')).toEqual([]);
    expect((await admin.get(`/api/registration-conditions/${second.id}`)).json().validTo).toBe(
      new Date(nowMs).toISOString(),
    );
    expect((await admin.del(`/api/registration-conditions/${second.id}`)).statusCode).toBe(200);
    expectRefusal(await admin.del('/api/registration-conditions/nope'), {
      status: 404,
      code: 'not_found',
    });
  });

  it('lets a local subclass inherit its 小类 rows for the case engine', async () => {
    expect(
      (
        await admin.post('/api/categories', {
          kind: 'matter',
          parentCode: '06010',
          code: '0601001',
          name: '河道暴露垃圾',
        })
      ).statusCode,
    ).toBe(201);
    const inherited = await t.services.conditions.applicable('0601001', { areaCode: CITY.gridA });
    expect(inherited.map((c) => [c.classCode, c.limitValue, c.limitType])).toEqual([
      ['06010', 2, 'work_hour'],
    ]);
    const own = await admin.post('/api/registration-conditions', {
      ...valid,
      classCode: '0601001',
      text: '河道沿岸暴露垃圾',
    });
    expect(own.statusCode).toBe(201);
    expect((await t.services.conditions.applicable('0601001', {})).map((c) => c.id)).toEqual([
      own.json().id,
    ]);
    expect(await t.services.conditions.applicable('06999', {})).toEqual([]);
  });
});

describe('立结案标准 audit', () => {
  it('audits creation, new versions and deactivation with the actor and a summary', async () => {
    const created = await admin.post('/api/registration-conditions', {
      ...valid,
      classCode: '06011',
      text: '审计测试条件',
    });
    expect(created.statusCode, created.body).toBe(201);
    advance(5);
    const next = await admin.patch(`/api/registration-conditions/${created.json().id}`, {
      limitValue: 5,
    });
    expect(next.statusCode, next.body).toBe(200);
    advance(5);
    expect((await admin.del(`/api/registration-conditions/${next.json().id}`)).statusCode).toBe(
      200,
    );
    const items = (await admin.get('/api/audit?action=condition_changed')).json().items as {
      actorName: string;
      targetType: string;
      targetId: string;
      detail: { change: string; summary: string; lineageId: string };
    }[];
    const mine = items.filter((e) => e.detail.lineageId === created.json().id).reverse();
    expect(mine.map((e) => [e.actorName, e.targetType, e.targetId, e.detail.change])).toEqual([
      ['root', 'registration_condition', created.json().id, 'created'],
      ['root', 'registration_condition', next.json().id, 'updated'],
      ['root', 'registration_condition', next.json().id, 'deactivated'],
    ]);
    expect(mine[1]!.detail.summary).toContain(
      '处置时限；时限 2 工作小时（一般） → 5 工作小时（一般）',
    );
  });
});
