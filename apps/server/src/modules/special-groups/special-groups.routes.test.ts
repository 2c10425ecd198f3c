import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import {
  insertPerson,
  movableClock,
  movePerson,
  prisonerBody,
  staffSession,
} from './special-groups.test-util';
import { expectRefusal } from '../../../test/refusal';

const time = movableClock();
let t: TestApp;
let admin: Session, leaderA: Session, leaderC: Session;
let personA: string, personA2: string, personC: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock: time.clock });
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  leaderA = await staffSession(t, {
    username: 'leaderA',
    roles: ['grid_leader'],
    areaCodes: [CITY.gridA],
    gridRole: 'gridLeader',
  });
  leaderC = await staffSession(t, {
    username: 'leaderC',
    roles: ['grid_leader'],
    areaCodes: [CITY.gridC],
    gridRole: 'gridLeader',
  });
  personA = await insertPerson(t, '张三丰', CITY.gridA);
  personA2 = await insertPerson(t, '李四', CITY.gridA);
  personC = await insertPerson(t, '王五', CITY.gridC);
});
afterAll(async () => t.close());

describe('group dictionary', () => {
  it('is seeded with the five GB/T 31000 groups and the five 重点青少年 types, with fields and intervals', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/special-groups' })).statusCode).toBe(
      401,
    );
    const items = (await leaderA.get('/api/special-groups')).json().items;
    expect(items.map((g: { code: string }) => g.code)).toEqual([
      'released_prisoner',
      'community_correction',
      'drug_user',
      'severe_mental_disorder',
      'hiv_risk',
      'idle_youth',
      'misbehaving_youth',
      'street_minor',
      'prisoner_child',
      'left_behind_child',
    ]);
    const prisoner = items[0];
    expect(prisoner).toMatchObject({
      name: '刑满释放人员',
      kind: 'special_group',
      sensitivity: 'justice',
      intervals: { normal: 90, medium: 30, high: 7 },
      active: true,
    });
    expect(prisoner.fields.map((f: { label: string }) => f.label)).toEqual(
      expect.arrayContaining(['原罪名', '刑期', '释放日期', '是否累犯']),
    );
    expect(items.find((g: { code: string }) => g.code === 'drug_user').sensitivity).toBe('health');
    expect(items.filter((g: { kind: string }) => g.kind === 'key_youth')).toHaveLength(5);
  });

  it('lets an administrator add a local group with its own fields and edit its intervals', async () => {
    const body = {
      code: 'petitioner',
      name: '信访人员',
      fields: [
        {
          key: 'petitionType',
          label: '信访类型',
          type: 'select',
          options: ['个访', '集访'],
          required: true,
        },
        { key: 'reason', label: '信访原因', type: 'text', required: true },
        { key: 'lastPetitionOn', label: '最近信访日期', type: 'date' },
      ],
      intervals: { normal: 60, medium: 20, high: 5 },
    };
    expectRefusal(await leaderA.post('/api/special-groups', body), {
      status: 403,
      code: 'forbidden',
    });
    const bad = await admin.post('/api/special-groups', {
      ...body,
      fields: [{ key: 'x', label: '类型', type: 'select' }],
    });
    expectRefusal(bad, { status: 400, code: 'validation_failed', field: 'fields.0.options' });
    const res = await admin.post('/api/special-groups', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'petitioner',
      kind: 'local',
      sensitivity: 'general',
      version: 1,
      intervals: { normal: 60 },
    });
    expect(errorCode(await admin.post('/api/special-groups', body))).toBe('duplicate');

    expectRefusal(
      await admin.patch('/api/special-groups/petitioner', { version: 2, intervals: { high: 3 } }),
      { status: 409, code: 'conflict' },
    );
    const edited = await admin.patch('/api/special-groups/petitioner', {
      version: 1,
      intervals: { high: 3 },
    });
    expect(edited.json()).toMatchObject({
      intervals: { normal: 60, medium: 20, high: 3 },
      version: 2,
    });
    expectRefusal(await admin.patch('/api/special-groups/nope', { version: 1, active: false }), {
      status: 404,
      code: 'not_found',
    });
    const audit = (await admin.get('/api/audit?action=special_group_defined')).json().items;
    expect(audit).toHaveLength(2);
  });
});

describe('memberships', () => {
  it('validates the group and its own required fields, and the person', async () => {
    const bad = async (b: Record<string, unknown>) =>
      (await leaderA.post('/api/special-memberships', b)).json().error;
    expect(await bad({ ...prisonerBody(personA), groupCode: 'nope' })).toMatchObject({
      code: 'validation_failed',
      field: 'groupCode',
    });
    expect(await bad({ ...prisonerBody(personA), fields: { sentence: '3年' } })).toMatchObject({
      field: 'fields.charge',
    });
    expect(
      await bad({
        ...prisonerBody(personA),
        fields: { charge: '盗窃', releaseDate: '2026-02-30' },
      }),
    ).toMatchObject({ field: 'fields.releaseDate' });
    expect(
      await bad({
        ...prisonerBody(personA),
        fields: { charge: '盗窃', releaseDate: '2026-01-01', recidivist: '否' },
      }),
    ).toMatchObject({ field: 'fields.recidivist' });
    expect(
      await bad({
        ...prisonerBody(personA),
        fields: { charge: '盗窃', releaseDate: '2026-01-01', shoeSize: 42 },
      }),
    ).toMatchObject({ field: 'fields.shoeSize' });
    expect(await bad({ ...prisonerBody('no-such-person') })).toMatchObject({ field: 'personId' });
    expect(
      await bad({
        personId: personA2,
        groupCode: 'petitioner',
        startedAt: '2026-11-01',
        fields: { petitionType: '群访', reason: '拆迁' },
      }),
    ).toMatchObject({ field: 'fields.petitionType' });
    expect(
      await bad({
        personId: personA2,
        groupCode: 'petitioner',
        startedAt: '2026-11-01',
        fields: { petitionType: '个访' },
      }),
    ).toMatchObject({ field: 'fields.reason' });
    const local = await leaderA.post('/api/special-memberships', {
      personId: personA2,
      groupCode: 'petitioner',
      startedAt: '2026-11-01',
      fields: { petitionType: '个访', reason: '拆迁补偿' },
    });
    expect(local.statusCode).toBe(201);
    expect(local.json()).toMatchObject({
      groupCode: 'petitioner',
      groupName: '信访人员',
      groupKind: 'local',
      fields: { petitionType: '个访', reason: '拆迁补偿' },
    });
    ids.local = local.json().id;
  });

  it('creates a membership with the scope of the person, a masked helper phone and the first visit due', async () => {
    const res = await leaderA.post('/api/special-memberships', prisonerBody(personA));
    expect(res.statusCode).toBe(201);
    const m = res.json();
    ids.a = m.id;
    expect(m).toMatchObject({
      personId: personA,
      personName: '张*丰',
      groupCode: 'released_prisoner',
      groupName: '刑满释放人员',
      sensitivity: 'justice',
      fields: { charge: '盗窃罪', sentence: '3年', releaseDate: '2026-10-20', recidivist: false },
      attentionLevel: 'normal',
      guardianName: '王建国',
      guardianPhone: '139****5678',
      streetCode: CITY.streetW,
      communityCode: CITY.communityW,
      gridCode: CITY.gridA,
      gridName: '西社区第1网格',
      startedAt: '2026-11-01',
      nextVisitDue: '2027-01-30',
      active: true,
      version: 1,
    });
    expect(errorCode(await leaderA.post('/api/special-memberships', prisonerBody(personA)))).toBe(
      'duplicate',
    );
    // Another group for the same person is fine.
    const second = await leaderA.post('/api/special-memberships', {
      personId: personA,
      groupCode: 'idle_youth',
      startedAt: '2026-11-01',
      attentionLevel: 'high',
    });
    expect(second.json()).toMatchObject({ groupCode: 'idle_youth', nextVisitDue: '2026-11-15' });
    ids.a2 = second.json().id;
    const other = await leaderC.post('/api/special-memberships', {
      personId: personC,
      groupCode: 'drug_user',
      startedAt: '2026-11-10',
      fields: { usingNow: false },
    });
    expect(other.statusCode).toBe(201);
    ids.c = other.json().id;
  });

  it('keeps other streets out: 404 on reads, 403 on actions, nothing in lists', async () => {
    expectRefusal(await leaderC.get(`/api/special-memberships/${ids.a}`), {
      status: 404,
      code: 'not_found',
    });
    expectRefusal(
      await leaderC.patch(`/api/special-memberships/${ids.a}`, { version: 1, helpSituation: 'x' }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(
      await leaderC.post(`/api/special-memberships/${ids.a}/end`, {
        version: 1,
        endedAt: '2026-11-30',
        reason: 'moved_away',
      }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await leaderC.post('/api/special-memberships', prisonerBody(personA2)), {
      status: 404,
      code: 'not_found',
      field: 'personId',
    });
    expect((await leaderC.get('/api/special-memberships')).json()).toMatchObject({
      total: 1,
      items: [{ id: ids.c }],
    });
    expectRefusal(await leaderC.get(`/api/persons/${personA}/special-memberships`), {
      status: 404,
      code: 'not_found',
      field: 'personId',
    });
    expectRefusal(await leaderA.get('/api/special-memberships/nope'), {
      status: 404,
      code: 'not_found',
    });
  });

  it('lists by group, level and area; the person page lists one person', async () => {
    const list = async (q: string) => (await admin.get(`/api/special-memberships${q}`)).json();
    expect((await list('')).total).toBe(4);
    expect(
      (await list('?groupCode=released_prisoner')).items.map((m: { id: string }) => m.id),
    ).toEqual([ids.a]);
    expect((await list('?attentionLevel=high')).items.map((m: { id: string }) => m.id)).toEqual([
      ids.a2,
    ]);
    expect(
      (await list(`?areaCode=${CITY.streetE}`)).items.map((m: { id: string }) => m.id),
    ).toEqual([ids.c]);
    expect(
      (await leaderA.get(`/api/persons/${personA}/special-memberships`)).json().items,
    ).toHaveLength(2);
  });

  it('edits with a version check, unmasks the helper phone with a reason (audited), and ends the membership', async () => {
    expectRefusal(
      await leaderA.patch(`/api/special-memberships/${ids.a}`, { version: 9, difficulties: 'x' }),
      { status: 409, code: 'conflict' },
    );
    expect(
      (
        await leaderA.patch(`/api/special-memberships/${ids.a}`, {
          version: 1,
          fields: { charge: '盗窃罪' },
        })
      ).json().error.field,
    ).toBe('fields.releaseDate');
    const edited = await leaderA.patch(`/api/special-memberships/${ids.a}`, {
      version: 1,
      difficulties: '缺少技能培训',
      guardianPhone: '13700001111',
    });
    expect(edited.json()).toMatchObject({
      difficulties: '缺少技能培训',
      guardianPhone: '137****1111',
      helpSituation: '已安排社区公益岗位',
      version: 2,
    });

    expectRefusal(
      await leaderA.post(`/api/special-memberships/${ids.a}/unmask`, { reason: '联系帮教人' }),
      { status: 403, code: 'forbidden' },
    );
    const lead = await userSession(t, {
      username: 'streetW',
      roles: ['street_leader'],
      areaCodes: [CITY.streetW],
    });
    expectRefusal(await lead.post(`/api/special-memberships/${ids.a}/unmask`, {}), {
      status: 400,
      code: 'validation_failed',
      field: 'reason',
    });
    expectRefusal(
      await lead.post(`/api/special-memberships/${ids.c}/unmask`, { reason: '联系帮教人' }),
      { status: 404, code: 'not_found' },
    );
    expect(
      (
        await lead.post(`/api/special-memberships/${ids.a}/unmask`, { reason: '联系帮教人' })
      ).json(),
    ).toEqual({ guardianPhone: '13700001111' });
    const viewed = (await admin.get('/api/audit?action=personal_data_viewed')).json().items;
    expect(viewed[0]).toMatchObject({
      targetType: 'special_membership',
      targetId: ids.a,
      detail: { field: 'guardianPhone', reason: '联系帮教人' },
    });

    expect(
      (
        await leaderA.post(`/api/special-memberships/${ids.a2}/end`, {
          version: 1,
          endedAt: '2026-11-30',
          reason: 'other',
        })
      ).json().error.field,
    ).toBe('note');
    const ended = await leaderA.post(`/api/special-memberships/${ids.a2}/end`, {
      version: 1,
      endedAt: '2026-11-30',
      reason: 'aged_out',
    });
    expect(ended.json()).toMatchObject({
      active: false,
      endedAt: '2026-11-30',
      endReason: 'aged_out',
      nextVisitDue: null,
    });
    expectRefusal(
      await leaderA.patch(`/api/special-memberships/${ids.a2}`, { version: 2, difficulties: 'x' }),
      { status: 409, code: 'conflict' },
    );
    expect(
      (await leaderA.get('/api/special-memberships?active=false'))
        .json()
        .items.map((m: { id: string }) => m.id),
    ).toEqual([ids.a2]);
    const changes = (await admin.get('/api/audit?action=special_membership_changed')).json().items;
    expect(changes.map((c: { detail: { change: string } }) => c.detail.change)).toEqual(
      expect.arrayContaining(['created', 'updated', 'ended']),
    );
  });

  it('follows the person when they move: scope refreshed on write or through refreshScope', async () => {
    await movePerson(t, personA2, CITY.gridC);
    await t.services.specialGroups.refreshScope(personA2);
    expectRefusal(await leaderA.get(`/api/special-memberships/${ids.local}`), {
      status: 404,
      code: 'not_found',
    });
    const moved = (await leaderC.get(`/api/special-memberships/${ids.local}`)).json();
    expect(moved).toMatchObject({ gridCode: CITY.gridC, streetCode: CITY.streetE });
    const task = (await leaderC.get('/api/visits/tasks?mine=1'))
      .json()
      .items.find((x: { membershipId: string }) => x.membershipId === ids.local);
    expect(task).toMatchObject({ gridCode: CITY.gridC, assigneeName: 'leaderC' });
  });
});
