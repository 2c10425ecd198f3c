import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenSummary } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, login, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, photo, step as stepOn, type CaseCast } from '../cases/cases.test-util';

// A clock the test moves: Monday 2026-11-30 09:00 in Shanghai.
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
let t: TestApp;
let cast: CaseCast;
let leader: Session, admin: Session;
const caseNo: Record<'w1' | 'w2' | 'e1', string> = { w1: '', w2: '', e1: '' };

const step = (s: Session, id: string, action: string, input: Record<string, unknown> = {}) =>
  stepOn(cast, s, id, action, input);

async function report(s: Session, at: [number, number]) {
  const res = await s.post('/api/cases', {
    lng: at[0],
    lat: at[1],
    address: '文化路 12 号',
    description: '暴露垃圾',
    classCode: '06010',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; caseNo: string };
}

/** 受理, 立案 and 派遣 to a department. */
async function dispatchTo(id: string, departmentId: string) {
  await step(cast.intake, id, 'accept');
  await step(cast.shift, id, 'register', { classCode: '06010', conditionId: cast.conditionId });
  await step(cast.dispatcher, id, 'dispatch', { departmentId });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  const { inspector, handler2 } = cast;
  // West street: one case left with 区环卫中心 (it runs overdue), one closed today by 区市政所.
  const w1 = await report(inspector, CITY.inA);
  await dispatchTo(w1.id, cast.deptId);
  const w2 = await report(inspector, CITY.inB);
  await dispatchTo(w2.id, cast.dept2Id);
  await step(handler2, w2.id, 'acknowledge');
  await step(handler2, w2.id, 'submit_feedback', {
    result: '已清运',
    photos: [await photo(t, handler2)],
  });
  await step(cast.dispatcher, w2.id, 'accept_feedback');
  await step(cast.intake, w2.id, 'send_check', { assigneeId: cast.inspectorId });
  await step(inspector, w2.id, 'check_pass', { photos: [await photo(t, inspector)] });
  await step(cast.shift, w2.id, 'close', { closeReason: 'fixed' });
  // East street (outside the street leader's area): one case with 区环卫中心, overdue as well.
  const e1 = await report(cast.admin, CITY.inC);
  await dispatchTo(e1.id, cast.deptId);
  Object.assign(caseNo, { w1: w1.caseNo, w2: w2.caseNo, e1: e1.caseNo });
  // 16:00 the same day: the 2-working-hour 处置 limits have passed.
  now = new Date('2026-11-30T16:00:00+08:00');
  [leader, admin] = [await login(t, 'boss'), await login(t, 'root')];
});
afterAll(async () => t.close());

async function summary(s: Session, areaCode?: string): Promise<ScreenSummary> {
  const res = await s.get(`/api/screen/summary${areaCode ? `?areaCode=${areaCode}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('指挥中心大屏 (GET /api/screen/summary)', () => {
  it('gives a street leader their street’s day, lights, reports, departments and overdue cases', async () => {
    const s = await summary(leader);
    expect(s.day).toBe('2026-11-30');
    expect(s.area).toEqual({ code: null, name: '西街道' });
    expect(s.today).toEqual({ reported: 2, registered: 2, dispatched: 2, closed: 1 });
    expect(s.open).toEqual({ total: 1, green: 0, yellow: 0, red: 1, none: 0 });
    expect(s.latest.map((r) => r.caseNo).sort()).toEqual([caseNo.w1, caseNo.w2].sort());
    expect(s.latest[0]).toMatchObject({
      street: '西街道',
      community: '西社区',
      category: '暴露垃圾',
    });
    expect(s.departments).toEqual([
      { id: cast.dept2Id, name: '区市政所', closedToday: 1, overdueOpen: 0 },
      { id: cast.deptId, name: '区环卫中心', closedToday: 0, overdueOpen: 1 },
    ]);
    expect(s.overdue.total).toBe(1);
    expect(s.overdue.items).toHaveLength(1);
    expect(s.overdue.items[0]).toMatchObject({
      caseNo: caseNo.w1,
      street: '西街道',
      community: '西社区',
      category: '暴露垃圾',
    });
    expect(['acknowledge', 'handle']).toContain(s.overdue.items[0]!.step);
    expect(s.overdue.items[0]!.overdueMs).toBeGreaterThan(0);
  });

  it('has nothing of other streets in a street leader’s answer', async () => {
    const body = JSON.stringify(await summary(leader));
    expect(body).not.toContain(caseNo.e1);
    expect(body).not.toContain('东街道');
    expect(body).not.toContain('东社区');
    // No personal data: no address, description, reporter or staff names.
    for (const text of ['文化路', '暴露垃圾 ', '处置员', 'insp', 'boss'])
      expect(body).not.toContain(text);
  });

  it('narrows to one area of the scope, and covers the whole scope otherwise', async () => {
    const east = await summary(admin, CITY.streetE);
    expect(east.area).toEqual({ code: CITY.streetE, name: '东街道' });
    expect(east.latest.map((r) => r.caseNo)).toEqual([caseNo.e1]);
    expect(east.today).toEqual({ reported: 1, registered: 1, dispatched: 1, closed: 0 });
    const all = await summary(admin);
    expect(all.today.reported).toBe(3);
    expect(all.overdue.total).toBe(2);
    expect(all.departments[1]).toMatchObject({ name: '区环卫中心', overdueOpen: 2 });
    expect((await summary(leader, CITY.gridB)).latest.map((r) => r.caseNo)).toEqual([caseNo.w2]);
  });

  it('starts a new day at midnight in Shanghai', async () => {
    const before = now;
    now = new Date('2026-12-01T00:00:01+08:00');
    try {
      const s = await summary(leader);
      expect(s.day).toBe('2026-12-01');
      expect(s.today).toEqual({ reported: 0, registered: 0, dispatched: 0, closed: 0 });
      expect(s.open.total).toBe(1);
      expect(s.latest).toHaveLength(2);
    } finally {
      now = before;
    }
  });

  it('refuses an area outside the caller’s scope or unknown, and a malformed code, with the field', async () => {
    expectRefusal(await leader.get(`/api/screen/summary?areaCode=${CITY.streetE}`), {
      status: 404,
      code: 'not_found',
      field: 'areaCode',
    });
    expectRefusal(await admin.get('/api/screen/summary?areaCode=410101009'), {
      status: 404,
      code: 'not_found',
      field: 'areaCode',
    });
    expectRefusal(await leader.get('/api/screen/summary?areaCode=41%27--'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.areaCode',
    });
  });

  it('needs a signed-in reader of cases', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/screen/summary' })).statusCode).toBe(
      401,
    );
  });
});
