import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, userSession, type Session } from '../../../test/factories';
import {
  act as actOn,
  castCases,
  photo as photoOf,
  step as stepOn,
  type CaseCast,
} from './cases.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let cast: CaseCast;
let admin: Session,
  inspector: Session,
  intake: Session,
  shift: Session,
  dispatcher: Session,
  handler: Session;
let inspectorId: string, deptId: string, conditionId: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  ({ admin, inspector, intake, shift, dispatcher, handler, inspectorId, deptId, conditionId } =
    cast);
});
afterAll(async () => t.close());

const photo = (s: Session) => photoOf(t, s);

const report = (s: Session, extra: Record<string, unknown> = {}) =>
  s.post('/api/cases', {
    lng: CITY.inA[0],
    lat: CITY.inA[1],
    address: '西社区文化路 12 号门前',
    description: '路边堆放生活垃圾',
    classCode: '06010',
    ...extra,
  });

const act = (s: Session, id: string, action: string, input: Record<string, unknown> = {}) =>
  actOn(cast, s, id, action, input);
const step = (s: Session, id: string, action: string, input: Record<string, unknown> = {}) =>
  stepOn(cast, s, id, action, input);

describe('the normal loop: 上报 → 受理 → 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案', () => {
  it('walks every step with the right roles, clocks and events', async () => {
    const created = await report(inspector, { photos: [await photo(inspector)] });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      state: 'pending_acceptance',
      gridCode: CITY.gridA,
      streetCode: CITY.streetW,
      source: 'patrol',
      version: 1,
    });
    expect(c.caseNo).toMatch(/^AJ\d{18}$/);
    expect(c.clocks.map((k: { step: string }) => k.step)).toEqual(['accept']);

    expect((await step(intake, c.id, 'accept')).state).toBe('pending_registration');
    const registered = await step(shift, c.id, 'register', { classCode: '06010', conditionId });
    expect(registered).toMatchObject({ state: 'pending_dispatch', conditionId });
    expect(registered.deadlineAt).toBeTruthy();
    expect(registered.registeredAt).toBeTruthy();
    const dispatched = await step(dispatcher, c.id, 'dispatch', { departmentId: deptId });
    expect(dispatched).toMatchObject({ state: 'handling', handlingDeptId: deptId });
    expect(dispatched.clocks.map((k: { step: string }) => k.step).sort()).toEqual([
      'acknowledge',
      'handle',
    ]);

    // The department's inbox shows it; the handler acknowledges and feeds back with after-photos.
    const inbox = (await handler.get('/api/cases?mine=department')).json().items;
    expect(inbox.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await step(handler, c.id, 'acknowledge')).state).toBe('handling');
    expect(
      (
        await step(handler, c.id, 'submit_feedback', {
          result: '已清运',
          photos: [await photo(handler)],
        })
      ).state,
    ).toBe('feedback_review');
    expect((await step(dispatcher, c.id, 'accept_feedback')).state).toBe('pending_check');
    expect((await step(intake, c.id, 'send_check', { assigneeId: inspectorId })).state).toBe(
      'checking',
    );
    expect(
      (await step(inspector, c.id, 'check_pass', { photos: [await photo(inspector)] })).state,
    ).toBe('pending_close');
    const closed = await step(shift, c.id, 'close', { closeReason: 'fixed' });
    expect(closed).toMatchObject({ state: 'closed', closeReason: 'fixed' });
    expect(closed.closedAt).toBeTruthy();

    const events = (await admin.get(`/api/cases/${c.id}/events`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'accept',
      'register',
      'dispatch',
      'acknowledge',
      'submit_feedback',
      'accept_feedback',
      'send_check',
      'check_pass',
      'close',
    ]);
    expect(events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(events[3]).toMatchObject({
      fromState: 'pending_dispatch',
      toState: 'handling',
      actorName: 'disp',
      actorRole: 'dispatcher',
    });
  });
});

describe('separation of supervision and handling', () => {
  it('a department user cannot close, check or register; the handler cannot check their own work', async () => {
    const c = (await report(inspector)).json();
    await step(intake, c.id, 'accept');
    const asHandler = await act(handler, c.id, 'register', { classCode: '06010', conditionId });
    expectRefusal(asHandler, { status: 403, code: 'forbidden' });
    await step(shift, c.id, 'register', { classCode: '06010', conditionId });
    await step(dispatcher, c.id, 'dispatch', { departmentId: deptId });
    await step(handler, c.id, 'submit_feedback', {
      result: '已清运',
      photos: [await photo(handler)],
    });
    await step(dispatcher, c.id, 'accept_feedback');
    // The handler may not be sent to check: refused as the assignee.
    const handlerId = (await t.services.users.findForLogin('hw1'))!.id;
    const toHandler = await act(intake, c.id, 'send_check', { assigneeId: handlerId });
    expectRefusal(toHandler, { status: 400, code: 'validation_failed', field: 'assigneeId' });
    expectRefusal(await act(handler, c.id, 'close', { closeReason: 'fixed' }), {
      status: 409,
      code: 'conflict',
    });
  });
});

describe('concurrency and bad input', () => {
  it('two dispatchers at once: exactly one wins, the other gets 409 with the current state', async () => {
    const c = (await report(inspector)).json();
    await step(intake, c.id, 'accept');
    await step(shift, c.id, 'register', { classCode: '06010', conditionId });
    const version = (await admin.get(`/api/cases/${c.id}`)).json().version;
    const other = await userSession(t, {
      username: 'disp2',
      roles: ['dispatcher'],
      areaCodes: [CITY.district],
    });
    const [a, b] = await Promise.all([
      dispatcher.post(`/api/cases/${c.id}/transitions`, {
        action: 'dispatch',
        version,
        departmentId: deptId,
      }),
      other.post(`/api/cases/${c.id}/transitions`, {
        action: 'dispatch',
        version,
        departmentId: deptId,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('conflict');
    expect(loser.json().error.details.state).toBeTruthy();
    expect(
      (await admin.get(`/api/cases/${c.id}/events`))
        .json()
        .items.filter((e: { action: string }) => e.action === 'dispatch'),
    ).toHaveLength(1);
  });

  it('a retried report with the same idempotency key makes one case', async () => {
    const first = await report(inspector, { idempotencyKey: 'device-1-report-0001' });
    const again = await report(inspector, { idempotencyKey: 'device-1-report-0001' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });

  it('refuses bad reports clearly and writes nothing', async () => {
    const before = (await admin.get('/api/cases?limit=200')).json().items.length;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ lng: 120, lat: 30 }, 400, 'lng'],
      [{ classCode: '99999' }, 400, 'classCode'],
      [{ description: '' }, 400, 'description'],
      [{ lng: 'x' }, 400, 'lng'],
      [{ photos: ['no-such-photo'] }, 400, 'photos'],
      [{ lng: CITY.inC[0], lat: CITY.inC[1] }, 403, ''],
    ];
    for (const [extra, status, field] of cases) {
      const res = await report(inspector, extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(status);
      if (field) expect(res.json().error.field).toBe(field);
    }
    expect((await admin.get('/api/cases?limit=200')).json().items.length).toBe(before);
  });

  it('refuses transitions with missing input, a stale version, an unknown action or department', async () => {
    const c = (await report(inspector)).json();
    expectRefusal(await act(intake, c.id, 'reject'), {
      status: 400,
      code: 'validation_failed',
      field: 'reason',
    });
    expect(
      errorCode(
        await intake.post(`/api/cases/${c.id}/transitions`, { action: 'accept', version: 99 }),
      ),
    ).toBe('conflict');
    expectRefusal(
      await intake.post(`/api/cases/${c.id}/transitions`, { action: 'explode', version: 1 }),
      { status: 400, code: 'validation_failed', field: 'action' },
    );
    await step(intake, c.id, 'accept');
    await step(shift, c.id, 'register', { classCode: '06010', conditionId });
    expect(
      (await act(dispatcher, c.id, 'dispatch', { departmentId: 'nope' })).json().error.field,
    ).toBe('departmentId');
    expectRefusal(await act(shift, c.id, 'register', { classCode: '06010', conditionId }), {
      status: 409,
      code: 'conflict',
    });
  });
});

describe('case photos', () => {
  it('whoever may read the case may see its photos; others get 404', async () => {
    const photoId = await photo(inspector);
    expectRefusal(await intake.get(`/api/attachments/${photoId}/file?variant=thumb`), {
      status: 404,
      code: 'not_found',
    });
    await report(inspector, { photos: [photoId] });
    expect((await intake.get(`/api/attachments/${photoId}/file?variant=thumb`)).statusCode).toBe(
      200,
    );
    const workerB = await userSession(t, {
      username: 'worker_b2',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridB],
    });
    expectRefusal(await workerB.get(`/api/attachments/${photoId}`), {
      status: 404,
      code: 'not_found',
    });
  });
});

describe('scope', () => {
  it('a grid worker of grid B neither sees nor acts on grid A’s case', async () => {
    const c = (await report(inspector)).json();
    const workerB = await userSession(t, {
      username: 'worker_b',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridB],
    });
    expectRefusal(await workerB.get(`/api/cases/${c.id}`), { status: 404, code: 'not_found' });
    expect(
      (await workerB.get('/api/cases')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(c.id);
    expectRefusal(
      await workerB.post(`/api/cases/${c.id}/transitions`, { action: 'accept', version: 1 }),
      { status: 404, code: 'not_found' },
    );
  });
});
