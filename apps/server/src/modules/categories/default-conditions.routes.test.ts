import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationCondition, RegistrationConditionRow } from '@wangge/shared';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, type Session } from '../../../test/factories';
import { castCases, photo, step, type CaseCast } from '../cases/cases.test-util';
import { XLSX_TYPE, xlsxOf } from '../imports/imports.test-util';

// Issue 11 #1: every active 小类 can be registered out of the box, under a default 立结案标准 marked as such.

let t: TestApp;
let cast: CaseCast;
let admin: Session;
// Tuesday 2026-12-01 10:00 in Shanghai: inside the morning working window.
const clock = { now: () => new Date('2026-12-01T02:00:00.000Z') };
beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  admin = cast.admin;
});
afterAll(async () => t.close());

/** The seeded example rows of 2026-11-29T1600_case-config: these classes keep theirs and get no default. */
const SEEDED = ['01001', '01003', '06010', '07001', '09006', 'Z03002'];

const refusal = (res: { statusCode: number; json(): { error?: { field?: string } } }) => [
  res.statusCode,
  errorCode(res as never),
  res.json().error?.field,
];

async function search(
  query: string,
): Promise<{ items: RegistrationConditionRow[]; total: number }> {
  const res = await admin.get(`/api/registration-conditions?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('default 立结案标准', () => {
  it('gives every active 事项/综治 小类 an applicable condition; all but the seeded examples a default', async () => {
    const classes = (await admin.get('/api/categories?view=flat&activeOnly=true')).json().items as {
      code: string;
      kind: string;
      level: string;
    }[];
    const minors = classes.filter((c) => c.kind !== 'component' && c.level === 'minor');
    expect(minors.length).toBe(274);
    const missing: string[] = [];
    for (const c of minors)
      if ((await t.services.conditions.applicable(c.code, { areaCode: CITY.gridA })).length === 0)
        missing.push(c.code);
    expect(missing).toEqual([]);

    const defaults = await search('isDefault=true&limit=1000');
    expect(defaults.total).toBe(274 - SEEDED.length);
    expect(defaults.items.map((r) => r.classCode)).not.toContain('06010');
    const custom = await search('isDefault=false&limit=1000');
    expect(new Set(custom.items.map((r) => r.classCode))).toEqual(new Set(SEEDED));
    expect(custom.items.every((r) => !r.isDefault)).toBe(true);
  });

  it('marks the default and takes the 大类 time limit, with the class name in the condition', async () => {
    const rows = (await admin.get('/api/categories/09009/conditions')).json().items;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      classCode: '09009',
      isDefault: true,
      urgency: 'normal',
      limitValue: 4,
      limitType: 'work_hour',
      areaCode: null,
      validTo: null,
    });
    expect(rows[0].text).toMatch(/^\S+：/);
    expect(rows[0].stepLimits.check).toEqual({ value: 4, type: 'work_hour' });
    // 突发事件 are urgent by default.
    expect((await admin.get('/api/categories/Z06001/conditions')).json().items[0]).toMatchObject({
      isDefault: true,
      urgency: 'urgent',
      limitValue: 2,
      limitType: 'urgent_hour',
    });
  });

  it('lists current rows by class code or name, with the class name and a version count', async () => {
    const byCode = await search('q=0900');
    expect(byCode.items.length).toBeGreaterThan(5);
    expect(byCode.items.every((r) => r.classCode.startsWith('0900'))).toBe(true);
    const byName = await search(`q=${encodeURIComponent('井盖')}&limit=200`);
    expect(byName.items.length).toBeGreaterThan(10);
    expect(byName.items.every((r) => r.className.includes('井盖') || r.text.includes('井盖'))).toBe(
      true,
    );
    // 01001 has the two seeded rows and no default.
    const cover = byName.items.filter((r) => r.classCode === '01001');
    expect(cover.map((r) => r.isDefault)).toEqual([false, false]);
    expect(byName.items[0]).toMatchObject({ versionCount: 1, classActive: true });
    const page = await search('limit=10&offset=10');
    expect([page.items.length, page.total]).toEqual([10, 274 - SEEDED.length + 7]);
    expect((await search(`q=${encodeURIComponent('没有这种分类')}`)).items).toEqual([]);
    expect(refusal(await admin.get(`/api/registration-conditions?q=${'x'.repeat(51)}`))).toEqual([
      400,
      'validation_failed',
      'querystring.q',
    ]);
    expect(refusal(await admin.get('/api/registration-conditions?isDefault=yes'))).toEqual([
      400,
      'validation_failed',
      'querystring.isDefault',
    ]);
    expect((await t.app.inject({ url: '/api/registration-conditions' })).statusCode).toBe(401);
  });

  it('editing a default makes a new version that stays the default; the change is audited', async () => {
    const [first] = (await admin.get('/api/categories/09010/conditions')).json().items;
    const edit = await admin.patch(`/api/registration-conditions/${first.id}`, {
      limitValue: 3,
      limitType: 'work_day',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({
      lineageId: first.id,
      supersedesId: first.id,
      isDefault: true,
      limitValue: 3,
      limitType: 'work_day',
      text: first.text,
    });
    const [row] = (await search('q=09010')).items;
    expect(row).toMatchObject({ id: edit.json().id, versionCount: 2, isDefault: true });
    const history = (await admin.get('/api/categories/09010/conditions?history=true')).json()
      .items as RegistrationCondition[];
    expect(history.map((c) => [c.limitValue, c.validTo === null])).toEqual([
      [4, false],
      [3, true],
    ]);
    const audit = (await admin.get('/api/audit?action=condition_changed')).json().items as {
      targetId: string;
      detail: { change: string; lineageId: string };
    }[];
    expect(audit.find((e) => e.detail.lineageId === first.id)).toMatchObject({
      targetId: edit.json().id,
      detail: { change: 'updated' },
    });
    // Refusals name their field.
    expect(
      refusal(
        await admin.patch(`/api/registration-conditions/${edit.json().id}`, { limitValue: 0 }),
      ),
    ).toEqual([400, 'validation_failed', 'limitValue']);
    expect(
      refusal(
        await admin.patch(`/api/registration-conditions/${edit.json().id}`, {
          yellowCardAt: 1.5,
          redCardAt: 1.2,
        }),
      ),
    ).toEqual([400, 'validation_failed', 'redCardAt']);
  });

  it("keeps an active 小类's last condition: ending it is refused, ending one of two is not", async () => {
    const [only] = (await admin.get('/api/categories/09011/conditions')).json().items;
    expect(refusal(await admin.del(`/api/registration-conditions/${only.id}`))).toEqual([
      409,
      'conflict',
      'id',
    ]);
    const own = await admin.post('/api/registration-conditions', {
      classCode: '09011',
      text: '共享单车乱停放，阻碍盲道',
      closureCondition: '车辆已移走',
      limitValue: 2,
      limitType: 'work_hour',
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().isDefault).toBe(false);
    expect((await admin.del(`/api/registration-conditions/${only.id}`)).statusCode).toBe(200);
    expect(refusal(await admin.del(`/api/registration-conditions/${own.json().id}`))).toEqual([
      409,
      'conflict',
      'id',
    ]);
  });

  it('gives a local 小类 created later its default; a local 子类 uses its 小类 rows', async () => {
    const created = await admin.post('/api/categories', {
      kind: 'matter',
      parentCode: '06',
      code: '06901',
      name: '河道漂浮物',
    });
    expect(created.statusCode, created.body).toBe(201);
    const rows = (await admin.get('/api/categories/06901/conditions')).json().items;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      isDefault: true,
      limitValue: 1,
      limitType: 'work_day',
      text: '河道漂浮物：影响市容环境卫生，经核实属实',
    });
    const sub = await admin.post('/api/categories', {
      kind: 'matter',
      parentCode: '06901',
      code: '0690101',
      name: '河面垃圾',
    });
    expect(sub.statusCode, sub.body).toBe(201);
    expect((await admin.get('/api/categories/0690101/conditions')).json().items).toEqual([]);
    expect((await t.services.conditions.applicable('0690101', {})).map((c) => c.id)).toEqual([
      rows[0].id,
    ]);
  });

  it('gives a 小类 imported from the 分类字典 workbook its default too', async () => {
    const header = ['问题类型', '分类编码', '上级编码', '名称', '地方叫法', '自行处置', '必须核实'];
    const file = await xlsxOf(header, [['综治事件', 'Z04901', 'Z04', '噪声扰民投诉', '', '', '']]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/categories/sheet?mode=commit&fileName=t.xlsx',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': XLSX_TYPE },
      payload: file,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, created: 1 });
    const rows = (await admin.get('/api/categories/Z04901/conditions')).json().items;
    expect(
      rows.map((r: RegistrationCondition) => [r.isDefault, r.limitValue, r.limitType]),
    ).toEqual([[true, 5, 'work_day']]);
  });

  it('registers a case of a class that had no condition before under its default, with its limits', async () => {
    const { inspector, intake, shift, dispatcher } = cast;
    const created = await inspector.post('/api/cases', {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '西社区文化路 8 号',
      description: '机动车停在人行道上',
      classCode: '09009',
      photos: [await photo(t, inspector)],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await step(cast, intake, id, 'accept');
    const [def] = (await shift.get('/api/categories/09009/conditions')).json().items;
    // A condition of another class is refused on its field.
    const [other] = (await shift.get('/api/categories/09011/conditions')).json().items;
    const wrong = await shift.post(`/api/cases/${id}/transitions`, {
      action: 'register',
      version: (await admin.get(`/api/cases/${id}`)).json().version,
      classCode: '09009',
      conditionId: other.id,
    });
    expect(refusal(wrong)).toEqual([400, 'validation_failed', 'conditionId']);
    const registered = await step(cast, shift, id, 'register', {
      classCode: '09009',
      conditionId: def.id,
    });
    expect(registered).toMatchObject({ state: 'pending_dispatch', conditionId: def.id });
    const dispatched = await step(cast, dispatcher, id, 'dispatch', { departmentId: cast.deptId });
    // 09 街面秩序类 defaults to 4 working hours: 10:00 → 12:00, then 14:00 → 16:00.
    const handle = dispatched.clocks.find((k: { step: string }) => k.step === 'handle');
    expect(handle.deadlineAt).toBe('2026-12-01T08:00:00.000Z');
  });
});

describe('upgrade', () => {
  it('gives defaults to the classes of an existing database, local 小类 included, and keeps its own rows', async () => {
    const old = await createTestApp({
      upgradeFrom: {
        migration: '2026-12-07T1030_login-devices-token-limits',
        seed: async (db) => {
          const now = new Date().toISOString();
          await db
            .insertInto('categories')
            .values({
              id: 'local-minor',
              code: 'Z01901',
              kind: 'governance',
              level: 'minor',
              parent_code: 'Z01',
              name: '宠物纠纷',
              legacy_codes: '[]',
              synonyms: '[]',
              is_local_extension: 1,
              active: 1,
              self_handle_allowed: 0,
              verify_required: 0,
              duplicate_radius_m: 50,
              created_at: now,
              updated_at: now,
            })
            .execute();
          await db
            .insertInto('registration_conditions')
            .values({
              id: 'own-row',
              lineage_id: 'own-row',
              supersedes_id: null,
              class_code: '09009',
              text: '本市自定的乱停车立案条件',
              closure_condition: '车辆已移走',
              urgency: 'normal',
              limit_value: 1,
              limit_type: 'work_hour',
              step_limits: '{}',
              yellow_card_at: null,
              red_card_at: null,
              area_code: null,
              valid_from: '2020-01-01T00:00:00.000Z',
              valid_to: null,
              created_at: now,
            })
            .execute();
        },
      },
    });
    try {
      const local = await old.services.conditions.applicable('Z01901', {});
      expect(local.map((c) => [c.isDefault, c.limitValue, c.limitType])).toEqual([
        [true, 5, 'work_day'],
      ]);
      const own = await old.services.conditions.applicable('09009', {});
      expect(own.map((c) => [c.id, c.isDefault])).toEqual([['own-row', false]]);
    } finally {
      await old.close();
    }
  });
});
