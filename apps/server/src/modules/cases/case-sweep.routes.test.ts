import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, type Session } from '../../../test/factories';
import { castCases, step as stepOn, type CaseCast } from './cases.test-util';

// A clock the test moves: Monday 2026-11-30 09:00 in Shanghai.
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
let t: TestApp;
let cast: CaseCast;
let admin: Session,
  intake: Session,
  shift: Session,
  dispatcher: Session,
  handler: Session,
  inspector: Session;
let deptId: string, conditionId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  // 06010 暴露垃圾: 2 working hours to handle (seeded example row).
  ({ admin, intake, shift, dispatcher, handler, inspector, deptId, conditionId } = cast);
});
afterAll(async () => t.close());

const step = (s: Session, id: string, action: string, input: Record<string, unknown> = {}) =>
  stepOn(cast, s, id, action, input);

describe('automatic 督办 (yellow and red cards) and lights', () => {
  it('turns the lights and raises a yellow card past the limit, then a red one at twice it', async () => {
    const c = (
      await inspector.post('/api/cases', {
        lng: CITY.inA[0],
        lat: CITY.inA[1],
        address: '文化路 12 号',
        description: '暴露垃圾',
        classCode: '06010',
      })
    ).json();
    await step(intake, c.id, 'accept');
    await step(shift, c.id, 'register', { classCode: '06010', conditionId });
    await step(dispatcher, c.id, 'dispatch', { departmentId: deptId });
    await step(handler, c.id, 'acknowledge');
    const lightOf = async () =>
      (await admin.get(`/api/cases/${c.id}`))
        .json()
        .clocks.find((k: { step: string }) => k.step === 'handle').light;
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
    expect(
      events.filter(
        (e: { action: string; actorName: string }) =>
          e.action === 'supervise' && e.actorName === '系统',
      ),
    ).toHaveLength(2);
  });
});
