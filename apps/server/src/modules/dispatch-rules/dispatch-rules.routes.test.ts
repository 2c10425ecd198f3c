import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
const dept: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  const make = async (code: string, name: string, areaCode: string) => {
    const res = await admin.post('/api/departments', { code, name, areaCode });
    if (res.statusCode !== 201) throw new Error(res.body);
    dept[code] = res.json().id;
  };
  await make('district_hw', '区环卫中心', CITY.district);
  await make('west_hw', '西街道环卫所', CITY.streetW);
  await make('grid_a_hw', '西社区保洁队', CITY.communityW);
  await make('east_cg', '东街道城管科', CITY.streetE);
  await make('east_hw', '东街道环卫所', CITY.streetE);
  await make('market', '市场监管所', CITY.district);
  await make('police', '派出所', CITY.district);
  await make('water', '供水公司', CITY.district);
  await make('water_emergency', '供水抢修队', CITY.district);
});
afterAll(async () => t.close());

const rule = async (s: Session, body: Record<string, unknown>) => {
  const res = await s.post('/api/dispatch-rules', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; [k: string]: unknown };
};
const suggest = async (classCode: string, gridCode: string, extra = '') => {
  const res = await admin.get(
    `/api/dispatch-rules/suggest?classCode=${classCode}&gridCode=${gridCode}${extra}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    primary: { code: string } | null;
    backups: { code: string }[];
    matchedRuleId: string | null;
    matchedRole: string | null;
    fallback: string | null;
    streetCode: string | null;
  };
};

describe('dispatch matrix (派遣矩阵)', () => {
  it('guards the routes: 401 anonymous, 403 without dispatch.manage', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/dispatch-rules' })).statusCode).toBe(
      401,
    );
    const inspector = await userSession(t, { username: 'insp', roles: ['inspector'] });
    expect((await inspector.get('/api/dispatch-rules')).statusCode).toBe(200);
    const res = await inspector.post('/api/dispatch-rules', {
      classCode: '06010',
      areaCode: CITY.district,
      departmentId: dept.district_hw,
    });
    expect([res.statusCode, errorCode(res)]).toEqual([403, 'forbidden']);
  });

  it('validates the class, the area, the department, the role and the condition', async () => {
    const base = { classCode: '06010', areaCode: CITY.district, departmentId: dept.district_hw };
    const cover = (await admin.get('/api/categories/01001/conditions')).json().items[0]
      .id as string;
    const bad: [object, string][] = [
      [{ classCode: '06999' }, 'classCode'],
      [{ classCode: '6' }, 'classCode'],
      [{ areaCode: '410199' }, 'areaCode'],
      [{ departmentId: 'nope' }, 'departmentId'],
      [{ role: 'lead' }, 'role'],
      [{ priority: -1 }, 'priority'],
      [{ conditionId: 'nope' }, 'conditionId'],
      [{ conditionId: cover }, 'conditionId'],
    ];
    for (const [patch, field] of bad) {
      const res = await admin.post('/api/dispatch-rules', { ...base, ...patch });
      expectRefusal(res, { status: 400, code: 'validation_failed', field });
    }
    expectRefusal(await admin.patch('/api/dispatch-rules/nope', { priority: 1 }), {
      status: 404,
      code: 'not_found',
    });
  });

  it('prefers the grid rule over the street rule over the district rule', async () => {
    const district = await rule(admin, {
      classCode: '06010',
      areaCode: CITY.district,
      departmentId: dept.district_hw,
    });
    expect(district).toMatchObject({
      className: '暴露垃圾',
      areaName: '测试区',
      departmentName: '区环卫中心',
      role: 'primary',
      active: true,
    });
    const street = await rule(admin, {
      classCode: '06010',
      areaCode: CITY.streetW,
      departmentId: dept.west_hw,
    });
    const grid = await rule(admin, {
      classCode: '06010',
      areaCode: CITY.gridA,
      departmentId: dept.grid_a_hw,
    });
    expect(await suggest('06010', CITY.gridA)).toMatchObject({
      primary: { code: 'grid_a_hw' },
      matchedRuleId: grid.id,
      matchedRole: 'primary',
      fallback: null,
      streetCode: CITY.streetW,
    });
    expect((await suggest('06010', CITY.gridB)).matchedRuleId).toBe(street.id);
    expect((await suggest('06010', CITY.gridC)).matchedRuleId).toBe(district.id);
    // A local subclass is covered by its 小类's rules.
    await admin.post('/api/categories', {
      kind: 'matter',
      parentCode: '06010',
      code: '0601001',
      name: '河道暴露垃圾',
    });
    expect((await suggest('0601001', CITY.gridA)).matchedRuleId).toBe(grid.id);
    const dup = await admin.post('/api/dispatch-rules', {
      classCode: '06010',
      areaCode: CITY.gridA,
      departmentId: dept.grid_a_hw,
    });
    expect([dup.statusCode, errorCode(dup)]).toEqual([409, 'duplicate']);
  });

  it('prefers the 小类 over the 大类 wildcard in the same area', async () => {
    const wildcard = await rule(admin, {
      classCode: '09',
      areaCode: CITY.streetE,
      departmentId: dept.east_cg,
    });
    const minor = await rule(admin, {
      classCode: '09006',
      areaCode: CITY.streetE,
      departmentId: dept.market,
    });
    expect((await suggest('09006', CITY.gridC)).matchedRuleId).toBe(minor.id);
    expect((await suggest('09009', CITY.gridC)).matchedRuleId).toBe(wildcard.id);
    expect((await suggest('09009', CITY.gridA)).fallback).toBe('street');
    // Area comes first: the east street's 大类 wildcard beats the district's 小类 rule.
    const districtMinor = await rule(admin, {
      classCode: '09009',
      areaCode: CITY.district,
      departmentId: dept.police,
    });
    expect((await suggest('09009', CITY.gridC)).matchedRuleId).toBe(wildcard.id);
    expect((await suggest('09009', CITY.gridA)).matchedRuleId).toBe(districtMinor.id);
  });

  it('uses the backup when the primary is inactive, primaries ordered by priority', async () => {
    const p2 = await rule(admin, {
      classCode: '06042',
      areaCode: CITY.gridD,
      departmentId: dept.east_cg,
      priority: 2,
    });
    const p1 = await rule(admin, {
      classCode: '06042',
      areaCode: CITY.gridD,
      departmentId: dept.east_hw,
      priority: 1,
    });
    const backup = await rule(admin, {
      classCode: '06042',
      areaCode: CITY.gridD,
      departmentId: dept.district_hw,
      role: 'backup',
    });
    let s = await suggest('06042', CITY.gridD);
    expect([s.primary?.code, s.backups.map((d) => d.code), s.matchedRuleId]).toEqual([
      'east_hw',
      ['east_cg', 'district_hw'],
      p1.id,
    ]);
    expect((await admin.del(`/api/dispatch-rules/${p1.id}`)).json()).toEqual({ ok: true });
    expect(
      (await admin.patch(`/api/dispatch-rules/${p2.id}`, { active: false })).json().active,
    ).toBe(false);
    s = await suggest('06042', CITY.gridD);
    expect([s.primary?.code, s.backups, s.matchedRuleId, s.matchedRole]).toEqual([
      'district_hw',
      [],
      backup.id,
      'backup',
    ]);
    const listed = (
      await admin.get(`/api/dispatch-rules?classCode=06042&areaCode=${CITY.gridD}&activeOnly=true`)
    ).json().items;
    expect(listed.map((r: { id: string }) => r.id)).toEqual([backup.id]);
    expect((await admin.get(`/api/dispatch-rules?classCode=06042`)).json().items).toHaveLength(3);
  });

  it('falls back to the street containing the grid when no rule matches (属地兜底)', async () => {
    expect(await suggest('07001', CITY.gridD)).toEqual({
      primary: null,
      backups: [],
      matchedRuleId: null,
      matchedRole: null,
      fallback: 'street',
      streetCode: CITY.streetE,
      componentRole: null,
    });
    expect(await suggest('Z01002', CITY.gridA)).toMatchObject({
      fallback: 'street',
      streetCode: CITY.streetW,
    });
    const district = await admin.get(
      `/api/dispatch-rules/suggest?classCode=07001&gridCode=${CITY.district}`,
    );
    expect(district.json()).toMatchObject({ fallback: null, streetCode: null });
    expectRefusal(
      await admin.get(`/api/dispatch-rules/suggest?classCode=07001&gridCode=41010100100199`),
      { status: 400, code: 'validation_failed', field: 'gridCode' },
    );
    expectRefusal(
      await admin.get(`/api/dispatch-rules/suggest?classCode=07999&gridCode=${CITY.gridA}`),
      { status: 400, code: 'validation_failed', field: 'classCode' },
    );
    expectRefusal(await admin.get(`/api/dispatch-rules/suggest?gridCode=${CITY.gridA}`), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.classCode',
    });
  });

  it('routes by 立案条件 when a rule names one, across versions of the condition', async () => {
    const conds = (await admin.get('/api/categories/01001/conditions')).json().items as {
      id: string;
      urgency: string;
    }[];
    const urgent = conds.find((c) => c.urgency === 'urgent')!;
    await rule(admin, { classCode: '01001', areaCode: CITY.district, departmentId: dept.water });
    const special = await rule(admin, {
      classCode: '01',
      areaCode: CITY.district,
      departmentId: dept.water_emergency,
      conditionId: urgent.id,
    });
    expect(special.conditionId).toBe(urgent.id);
    expect((await suggest('01001', CITY.gridB)).primary?.code).toBe('water');
    expect((await suggest('01001', CITY.gridB, `&conditionId=${urgent.id}`)).primary?.code).toBe(
      'water_emergency',
    );
    const next = (
      await admin.patch(`/api/registration-conditions/${urgent.id}`, { limitValue: 4 })
    ).json();
    expect((await suggest('01001', CITY.gridB, `&conditionId=${next.id}`)).primary?.code).toBe(
      'water_emergency',
    );
    expectRefusal(
      await admin.get(
        `/api/dispatch-rules/suggest?classCode=01001&gridCode=${CITY.gridB}&conditionId=nope`,
      ),
      { status: 400, code: 'validation_failed', field: 'conditionId' },
    );
  });

  it('keeps a street administrator inside the street', async () => {
    await admin.post('/api/roles', {
      code: 'street_dispatch',
      name: '街道派遣配置',
      nameEn: 'Street dispatch admin',
      permissions: ['categories.read', 'dispatch.manage'],
    });
    const west = await userSession(t, {
      username: 'westadmin',
      roles: ['street_dispatch'],
      areaCodes: [CITY.streetW],
    });
    const east = await west.post('/api/dispatch-rules', {
      classCode: '07001',
      areaCode: CITY.streetE,
      departmentId: dept.east_cg,
    });
    expect([east.statusCode, errorCode(east)]).toEqual([403, 'forbidden']);
    const district = await west.post('/api/dispatch-rules', {
      classCode: '07001',
      areaCode: CITY.district,
      departmentId: dept.district_hw,
    });
    expectRefusal(district, { status: 403, code: 'forbidden', field: 'areaCode' });
    const own = await rule(west, {
      classCode: '07001',
      areaCode: CITY.gridB,
      departmentId: dept.west_hw,
    });
    const moved = await west.patch(`/api/dispatch-rules/${own.id}`, { areaCode: CITY.gridC });
    expectRefusal(moved, { status: 403, code: 'forbidden', field: 'areaCode' });
    expect(
      (await west.patch(`/api/dispatch-rules/${own.id}`, { priority: 3 })).json().priority,
    ).toBe(3);

    const listed = (await west.get('/api/dispatch-rules')).json().items as { areaCode: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((r) => r.areaCode.startsWith(CITY.streetW))).toBe(true);
    const eastRules = (await admin.get(`/api/dispatch-rules?areaCode=${CITY.streetE}`)).json()
      .items as { id: string; areaCode: string }[];
    // The area filter keeps rules that apply there (the district's) and rules inside it.
    expect(eastRules.some((r) => r.areaCode === CITY.district)).toBe(true);
    const eastRule = eastRules.find((r) => r.areaCode.startsWith(CITY.streetE))!;
    expectRefusal(await west.patch(`/api/dispatch-rules/${eastRule.id}`, { priority: 9 }), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await west.del(`/api/dispatch-rules/${eastRule.id}`), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(
      await west.get(`/api/dispatch-rules/suggest?classCode=07001&gridCode=${CITY.gridC}`),
      { status: 404, code: 'not_found' },
    );
    expect(
      (await west.get(`/api/dispatch-rules/suggest?classCode=07001&gridCode=${CITY.gridB}`)).json()
        .primary.code,
    ).toBe('west_hw');
  });
});

describe('dispatch matrix audit', () => {
  it('audits every rule change with the actor, the rule and a summary', async () => {
    const created = await rule(admin, {
      classCode: '06030',
      areaCode: CITY.streetW,
      departmentId: dept.west_hw,
      priority: 4,
    });
    await admin.patch(`/api/dispatch-rules/${created.id}`, { priority: 2 });
    await admin.del(`/api/dispatch-rules/${created.id}`);
    const entries = (await admin.get('/api/audit?action=dispatch_rule_changed')).json().items as {
      actorName: string;
      targetType: string;
      targetId: string;
      detail: { change: string; summary: string };
    }[];
    const mine = entries.filter((e) => e.targetId === created.id).reverse();
    expect(mine.map((e) => [e.actorName, e.targetType, e.detail.change])).toEqual([
      ['root', 'dispatch_rule', 'created'],
      ['root', 'dispatch_rule', 'updated'],
      ['root', 'dispatch_rule', 'deactivated'],
    ]);
    expect(mine[0]!.detail.summary).toBe(
      `新增派遣规则 06030 @ ${CITY.streetW} → 西街道环卫所 (主办, 优先级 4)`,
    );
    expect(mine[1]!.detail.summary).toContain('优先级 2');
    // A refused write leaves no entry.
    await admin.post('/api/dispatch-rules', {
      classCode: '06999',
      areaCode: CITY.district,
      departmentId: dept.district_hw,
    });
    expect((await admin.get('/api/audit?action=dispatch_rule_changed')).json().items).toHaveLength(
      entries.length,
    );
  });
});
