import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionBoard, SupervisionCase } from '@wangge/shared';
import { createApp } from '../../app';
import type { Clock } from '../../core/clock';
import { openDatabase } from '../../core/db/database';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, login, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { act, castCases, step as stepOn, type CaseCast } from '../cases/cases.test-util';

// A clock the test moves: Friday 2026-12-04 09:00 in Shanghai (working hours 08:30–12:00, 14:00–17:30).
let now = new Date('2026-12-04T09:00:00+08:00');
const clock: Clock = { now: () => now };
/** Moves the clock; sessions idle for days have expired, so everyone signs in again. */
async function at(iso: string) {
  now = new Date(iso);
  Object.assign(cast, {
    admin: await login(t, 'root'),
    inspector: await login(t, 'insp'),
    intake: await login(t, 'intake'),
    shift: await login(t, 'shift'),
    dispatcher: await login(t, 'disp'),
    leader: await login(t, 'boss'),
    handler: await login(t, 'hw1'),
  });
  street = cast.leader;
  streetE = await login(t, 'east-boss');
  community = await login(t, 'comm-boss');
  district = await login(t, 'district-boss');
}
const put = (s: Session, url: string, body: unknown) =>
  t.app.inject({
    method: 'PUT',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    payload: body as object,
  });
let t: TestApp;
let cast: CaseCast;
let street: Session, streetE: Session, community: Session, district: Session;
let caseW: string, caseE: string;

const step = (s: Session, id: string, action: string, input: Record<string, unknown> = {}) =>
  stepOn(cast, s, id, action, input);

async function newCase(s: Session, where: [number, number], text: string): Promise<string> {
  const res = await s.post('/api/cases', {
    lng: where[0],
    lat: where[1],
    address: '文化路 12 号',
    description: text,
    classCode: '06010',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await step(cast.intake, id, 'accept');
  await step(cast.shift, id, 'register', { classCode: '06010', conditionId: cast.conditionId });
  await step(cast.dispatcher, id, 'dispatch', { departmentId: cast.deptId });
  return id;
}

const board = async (s: Session, query = 'groupBy=department') => {
  const res = await s.get(`/api/supervision/board?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SupervisionBoard;
};
const onBoard = (b: SupervisionBoard, id: string): SupervisionCase | undefined =>
  b.groups.flatMap((g) => g.cases).find((c) => c.caseId === id);
const escalate = () => t.services.supervision.escalate();

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  street = cast.leader; // 街道领导 of the west street
  streetE = await userSession(t, {
    username: 'east-boss',
    roles: ['street_leader'],
    areaCodes: [CITY.streetE],
  });
  community = await userSession(t, {
    username: 'comm-boss',
    roles: ['community_leader'],
    areaCodes: [CITY.communityW],
  });
  district = await userSession(t, {
    username: 'district-boss',
    roles: ['district_leader'],
    areaCodes: [CITY.district],
  });
  caseW = await newCase(cast.inspector, CITY.inA, '西街道暴露垃圾');
  caseE = await newCase(cast.admin, [113.15, 34.05], '东街道暴露垃圾');
});
afterAll(async () => t.close());

describe('工作监督 board and 我的督办', () => {
  it('lists a 督办 under its department with who raised it; counts equal the listed cases', async () => {
    await step(street, caseW, 'supervise', { note: '请尽快处理' });
    const b = await board(cast.shift);
    for (const g of b.groups) expect(g.count).toBe(g.cases.length);
    expect(b.total).toBe(b.groups.reduce((n, g) => n + g.count, 0));
    const group = b.groups.find((g) => g.cases.some((c) => c.caseId === caseW))!;
    expect(group).toMatchObject({ key: cast.deptId, name: '区环卫中心', normal: 1, unanswered: 1 });
    expect(onBoard(b, caseW)?.supervision).toMatchObject({
      level: 'normal',
      note: '请尽快处理',
      replied: false,
      reply: null,
      leaderLevel: 'street',
      escalatedAt: null,
    });
    expect(onBoard(b, caseW)?.supervision?.raisedBy).toBeTruthy();
    // Neither supervised nor overdue yet: not on the board.
    expect(onBoard(b, caseE)).toBeUndefined();
    const mine = (await street.get('/api/supervision/mine')).json();
    expect(mine.items.map((i: { caseId: string; why: string }) => [i.caseId, i.why])).toEqual([
      [caseW, 'raised'],
    ]);
  });

  it('groups by grid with the grid’s name, and lists overdue cases without 督办', async () => {
    await at('2026-12-04T15:00:00+08:00'); // past the 2-hour limits of both cases
    const b = await board(cast.shift, 'groupBy=grid');
    expect(onBoard(b, caseE)).toMatchObject({ overdue: true, light: 'red', supervision: null });
    const g = b.groups.find((x) => x.cases.some((c) => c.caseId === caseW))!;
    expect(g.key).toMatch(/^410101001/);
    expect(g.name).not.toBe(g.key);
    for (const x of b.groups) expect(x.count).toBe(x.cases.length);
  });

  it('a street leader’s board holds nothing of another street', async () => {
    const west = await board(street);
    expect(onBoard(west, caseW)).toBeDefined();
    expect(onBoard(west, caseE)).toBeUndefined();
    const east = await board(streetE);
    expect(onBoard(east, caseW)).toBeUndefined();
    expect(onBoard(east, caseE)).toBeDefined();
    // Naming the other street narrows inside the caller's scope; it never widens it.
    const named = await board(street, `groupBy=grid&areaCode=${CITY.streetE}`);
    expect(named.total).toBe(0);
  });
});

describe('督办升级 after the configured working time', () => {
  it('waits 8 working hours (the default), not counting the weekend, then goes to the district', async () => {
    await at('2026-12-05T12:00:00+08:00'); // Saturday
    expect((await escalate()).escalated).toBe(0);
    await at('2026-12-07T09:50:00+08:00'); // Monday: 6.5 h on Friday + 1 h 20 = 7 h 50
    expect((await escalate()).escalated).toBe(0);
    await at('2026-12-07T10:10:00+08:00'); // 8 h 10
    // Two processes on one database sweep at once: one escalation lands.
    const database = openDatabase(t.config.database);
    const second = await createApp({ config: t.config, database, schemaVersion: 'x', clock });
    try {
      const runs = await Promise.all([escalate(), second.services.supervision.escalate()]);
      expect(runs[0].escalated + runs[1].escalated).toBe(1);
    } finally {
      await second.app.close();
      await database.close();
    }
    expect((await escalate()).escalated).toBe(0); // idempotent
    const c = onBoard(await board(district), caseW)!;
    expect(c.supervision).toMatchObject({ leaderLevel: 'district', replied: false });
    expect(c.supervision?.escalatedAt).toBe(now.toISOString());
    const events = (await cast.admin.get(`/api/cases/${caseW}/events`)).json().items;
    const ups = events.filter((e: { action: string }) => e.action === 'escalate_supervision');
    expect(ups).toHaveLength(1);
    expect(ups[0]).toMatchObject({ actorName: '系统' });
    expect(ups[0].note).toContain('区领导');
  });

  it('tells the district’s leaders and lists the case in their 我的督办', async () => {
    const mine = (await district.get('/api/supervision/mine')).json();
    expect(mine.items).toEqual([expect.objectContaining({ caseId: caseW, why: 'escalated' })]);
    const inbox = (await district.get('/api/notifications')).json().items;
    expect(inbox.some((n: { about: string }) => n.about === 'escalate_supervision')).toBe(true);
    // The street leader raised it, and it is still theirs; the east street's leader hears nothing.
    expect((await street.get('/api/supervision/mine')).json().items).toHaveLength(1);
    expect((await streetE.get('/api/notifications')).json().items).toHaveLength(0);
  });

  it('the department’s reply shows on the board and stops the escalation', async () => {
    await step(cast.handler, caseW, 'reply_supervision', { note: '已安排清运' });
    const c = onBoard(await board(street), caseW)!;
    expect(c.supervision).toMatchObject({ replied: true, reply: { text: '已安排清运' } });
    expect(c.supervision?.reply?.by).toBeTruthy();
    await at('2026-12-09T10:00:00+08:00');
    expect((await escalate()).escalated).toBe(0);
  });

  it('a leader’s 批示 shows on the board', async () => {
    await step(street, caseW, 'leader_instruct', { note: '本周内整改到位' });
    const c = onBoard(await board(street), caseW)!;
    expect(c.instructions).toEqual([
      expect.objectContaining({ text: '本周内整改到位', by: expect.any(String) }),
    ]);
  });

  it('follows a changed setting and skips a holiday of the working calendar', async () => {
    const saved = await put(cast.admin, '/api/supervision/settings', {
      escalateAfter: { value: 2, limitType: 'work_hour' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await street.get('/api/supervision/settings')).json()).toEqual({
      escalateAfter: { value: 2, limitType: 'work_hour' },
    });
    const day = await put(cast.admin, '/api/calendar/days/2026-12-11', {
      kind: 'holiday',
      name: '测试假日',
    });
    expect(day.statusCode, day.body).toBe(200);
    await at('2026-12-10T16:30:00+08:00'); // Thursday, one working hour left
    const id = await newCase(cast.inspector, CITY.inA, '社区督办');
    await step(community, id, 'supervise', { note: '社区督办' });
    await at('2026-12-11T17:00:00+08:00'); // the holiday: still 1 h
    expect((await escalate()).escalated).toBe(0);
    await at('2026-12-14T09:20:00+08:00'); // Monday: 1 h 50
    expect((await escalate()).escalated).toBe(0);
    await at('2026-12-14T09:40:00+08:00'); // 2 h 10: up to the street
    expect((await escalate()).escalated).toBe(1);
    const c = onBoard(await board(street), id)!;
    expect(c.supervision?.leaderLevel).toBe('street');
    expect((await street.get('/api/supervision/mine')).json().items).toContainEqual(
      expect.objectContaining({ caseId: id, why: 'escalated' }),
    );
    // The next level counts afresh from the escalation.
    await at('2026-12-14T10:30:00+08:00');
    expect((await escalate()).escalated).toBe(0);
    await at('2026-12-14T11:45:00+08:00');
    expect((await escalate()).escalated).toBe(1);
    expect(onBoard(await board(district), id)?.supervision?.leaderLevel).toBe('district');
  });
});

describe('refusals', () => {
  it('refuses bad queries and settings with the field, and writes nothing', async () => {
    expectRefusal(await street.get('/api/supervision/board?groupBy=street'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.groupBy',
    });
    expectRefusal(await street.get('/api/supervision/board?areaCode=%25%25'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.areaCode',
    });
    for (const [body, field] of [
      [{ escalateAfter: { value: 0, limitType: 'work_hour' } }, 'escalateAfter.value'],
      [{ escalateAfter: { value: 1.5, limitType: 'work_hour' } }, 'escalateAfter.value'],
      [{ escalateAfter: { value: 500, limitType: 'work_day' } }, 'escalateAfter.value'],
      [{ escalateAfter: { value: 8, limitType: 'natural_day' } }, 'escalateAfter.limitType'],
      [{}, 'escalateAfter'],
    ] as const)
      expectRefusal(await put(cast.admin, '/api/supervision/settings', body), {
        status: 400,
        code: 'validation_failed',
        field,
      });
    expect((await street.get('/api/supervision/settings')).json().escalateAfter.value).toBe(2);
  });

  it('refuses the setting to leaders, the board to handlers, and escalation to people', async () => {
    expectRefusal(
      await put(street, '/api/supervision/settings', {
        escalateAfter: { value: 4, limitType: 'work_hour' },
      }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await cast.handler.get('/api/supervision/board'), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await cast.inspector.get('/api/supervision/mine'), {
      status: 403,
      code: 'forbidden',
    });
    const id = await newCase(cast.inspector, CITY.inA, '人工升级');
    await step(street, id, 'supervise', {});
    expectRefusal(await act(cast, district, id, 'escalate_supervision'), {
      status: 403,
      code: 'forbidden',
    });
  });
});
