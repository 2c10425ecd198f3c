import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, login, seedCity, userSession, type Session } from '../../../test/factories';

// A clock the test moves: Monday 2026-11-30 09:00 in Shanghai.
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
let t: TestApp;
let admin: Session, intake: Session, shift: Session, dispatcher: Session, handler: Session, inspector: Session;
let deptId: string, conditionId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  deptId = (await admin.post('/api/departments', { code: 'hw', name: '区环卫中心', areaCode: CITY.district })).json().id;
  inspector = await userSession(t, { username: 'insp', roles: ['inspector'], areaCodes: [CITY.streetW] });
  intake = await userSession(t, { username: 'intake', roles: ['intake_operator'], areaCodes: [CITY.district] });
  shift = await userSession(t, { username: 'shift', roles: ['shift_leader'], areaCodes: [CITY.district] });
  dispatcher = await userSession(t, { username: 'disp', roles: ['dispatcher'], areaCodes: [CITY.district] });
  const hash = (await t.services.users.repo.findByUsername('root'))!.password_hash;
  await t.services.users.createDirect({ username: 'hw1', displayName: '环卫', passwordHash: hash, roles: ['department_handler'], areaCodes: [CITY.district], departmentId: deptId });
  handler = await login(t, 'hw1');
  // 06010 暴露垃圾: 2 working hours to handle (seeded example row).
  conditionId = (await admin.get('/api/categories/06010/conditions')).json().items[0].id;
});
afterAll(async () => t.close());

async function step(s: Session, id: string, action: string, input: Record<string, unknown> = {}) {
  const version = (await admin.get(`/api/cases/${id}`)).json().version;
  const res = await s.post(`/api/cases/${id}/transitions`, { action, version, ...input });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('automatic 督办 (yellow and red cards) and lights', () => {
  it('turns the lights and raises a yellow card past the limit, then a red one at twice it', async () => {
    const c = (await inspector.post('/api/cases', { lng: CITY.inA[0], lat: CITY.inA[1], address: '文化路 12 号', description: '暴露垃圾', classCode: '06010' })).json();
    await step(intake, c.id, 'accept');
    await step(shift, c.id, 'register', { classCode: '06010', conditionId });
    await step(dispatcher, c.id, 'dispatch', { departmentId: deptId });
    await step(handler, c.id, 'acknowledge');
    const lightOf = async () => (await admin.get(`/api/cases/${c.id}`)).json().clocks.find((k: { step: string }) => k.step === 'handle').light;
    expect(await lightOf()).toBe('green');
    now = new Date('2026-11-30T10:42:00+08:00'); // 1.7 of 2 working hours: yellow light, no card yet
    expect(await lightOf()).toBe('yellow');
    expect((await t.services.cases.sweep()).raised).toBe(0);
    now = new Date('2026-11-30T11:30:00+08:00'); // 2.5 h: overdue
    expect(await lightOf()).toBe('red');
    expect((await t.services.cases.sweep()).raised).toBe(1);
    expect((await admin.get(`/api/cases/${c.id}`)).json().supervisionLevel).toBe('yellow');
    expect((await t.services.cases.sweep()).raised).toBe(0); // idempotent
    // Lunch (12:00–14:00) does not count: at 14:40 only 3.7 working hours have passed…
    now = new Date('2026-11-30T14:40:00+08:00');
    expect((await t.services.cases.sweep()).raised).toBe(0);
    // …at 15:10, 4.2: past twice the limit.
    now = new Date('2026-11-30T15:10:00+08:00');
    expect((await t.services.cases.sweep()).raised).toBe(1);
    expect((await admin.get(`/api/cases/${c.id}`)).json().supervisionLevel).toBe('red');
    const events = (await admin.get(`/api/cases/${c.id}/events`)).json().items;
    expect(events.filter((e: { action: string; actorName: string }) => e.action === 'supervise' && e.actorName === '系统')).toHaveLength(2);
  });
});
