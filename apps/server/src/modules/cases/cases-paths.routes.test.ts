import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, login, type Session } from '../../../test/factories';
import {
  act as actOn,
  castCases,
  photo as photoOf,
  step as stepOn,
  type CaseCast,
} from './cases.test-util';
import { body as componentBody, code as componentCode } from '../components/components.test-util';
import { expectRefusal } from '../../../test/refusal';

// The exception paths of docs/case-workflow.md §2.2, each through real HTTP.
let t: TestApp;
let cast: CaseCast;
let admin: Session,
  inspector: Session,
  intake: Session,
  shift: Session,
  dispatcher: Session,
  handler: Session,
  handler2: Session,
  leader: Session;
let inspectorId: string, deptId: string, dept2Id: string, conditionId: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  ({
    admin,
    inspector,
    intake,
    shift,
    dispatcher,
    handler,
    handler2,
    leader,
    inspectorId,
    deptId,
    dept2Id,
    conditionId,
  } = cast);
});
afterAll(async () => t.close());

const photo = (s: Session) => photoOf(t, s);
const act = (s: Session, id: string, action: string, input: Record<string, unknown> = {}) =>
  actOn(cast, s, id, action, input);
const step = (s: Session, id: string, action: string, input: Record<string, unknown> = {}) =>
  stepOn(cast, s, id, action, input);
const newCase = async (extra: Record<string, unknown> = {}) =>
  (
    await inspector.post('/api/cases', {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '文化路 12 号',
      description: '暴露垃圾',
      classCode: '06010',
      ...extra,
    })
  ).json();
async function toHandling() {
  const c = await newCase();
  await step(intake, c.id, 'accept');
  await step(shift, c.id, 'register', { classCode: '06010', conditionId });
  await step(dispatcher, c.id, 'dispatch', { departmentId: deptId });
  return c.id as string;
}

describe('intake exits', () => {
  it('不予受理 with a reason ends the case', async () => {
    const c = await newCase();
    expectRefusal(await act(intake, c.id, 'reject'), {
      status: 400,
      code: 'validation_failed',
      field: 'reason',
    });
    expect((await step(intake, c.id, 'reject', { reason: '重复上报' })).state).toBe('rejected');
  });

  it('核实: sent to an inspector, confirmed true with a photo and GPS inside the grid', async () => {
    const c = await newCase();
    await step(intake, c.id, 'send_verify', { assigneeId: inspectorId });
    const outside = await act(inspector, c.id, 'verify_true', {
      photos: [await photo(inspector)],
      gps: { lng: CITY.inB[0], lat: CITY.inB[1] },
    });
    expectRefusal(outside, { status: 400, code: 'validation_failed', field: 'gps' });
    const v = await step(inspector, c.id, 'verify_true', {
      photos: [await photo(inspector)],
      gps: { lng: CITY.inA[0], lat: CITY.inA[1] },
    });
    expect(v.state).toBe('pending_registration');
  });

  it('核实 false sends it back to intake; only the assignee may answer', async () => {
    const c = await newCase();
    await step(intake, c.id, 'send_verify', { assigneeId: inspectorId });
    expectRefusal(await act(shift, c.id, 'verify_false', { reason: '现场无此问题' }), {
      status: 403,
      code: 'forbidden',
    });
    expect((await step(inspector, c.id, 'verify_false', { reason: '现场无此问题' })).state).toBe(
      'pending_acceptance',
    );
  });

  it('suggests nearby open cases of the same class, then 合并 keeps the link', async () => {
    const master = await newCase();
    const dup = await newCase({ lng: CITY.inA[0] + 0.0002 });
    const far = await newCase({ lng: CITY.inA[0] + 0.01 });
    const suggested = (await intake.get(`/api/cases/${dup.id}/duplicates`)).json().items;
    const ids = suggested.map((x: { case: { id: string } }) => x.case.id);
    expect(ids).toContain(master.id);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(dup.id);
    expect(suggested[0].distanceM).toBeLessThanOrEqual(50);
    const before = (
      await inspector.get(`/api/cases/nearby?lng=${CITY.inA[0]}&lat=${CITY.inA[1]}&classCode=06010`)
    ).json().items;
    expect(before.length).toBeGreaterThan(0);
    const merged = await step(intake, dup.id, 'merge', { masterCaseId: master.id });
    expect(merged).toMatchObject({ state: 'merged', masterCaseId: master.id });
  });

  it('自行处置 skips dispatch and closes as self_handled (or goes to a sampled 核查)', async () => {
    const c = await newCase({
      selfHandled: true,
      photos: [await photo(inspector), await photo(inspector)],
      classCode: '06010',
    });
    expect(c.selfHandled).toBe(true);
    const accepted = await step(intake, c.id, 'accept');
    expect(['pending_close', 'pending_check']).toContain(accepted.state);
    if (accepted.state === 'pending_check') {
      const other = await createUser(t, {
        username: 'insp2',
        roles: ['inspector'],
        areaCodes: [CITY.streetW],
      });
      await step(intake, c.id, 'send_check', { assigneeId: other.id });
      await step(await login(t, 'insp2'), c.id, 'check_pass', {
        photos: [await photo(await login(t, 'insp2'))],
      });
    }
    const closed = await step(shift, c.id, 'close', { closeReason: 'self_handled' });
    expect(closed).toMatchObject({
      state: 'closed',
      closeReason: 'self_handled',
      handlingDeptId: null,
    });
  });
});

describe('handling exits and approvals', () => {
  it('回退 approved: back to dispatch, and the same department may not get it again', async () => {
    const id = await toHandling();
    await step(handler, id, 'request_send_back', { reason: '不属于环卫职责' });
    const back = await step(dispatcher, id, 'approve_request', { requestType: 'send_back' });
    expect(back.state).toBe('pending_dispatch');
    expectRefusal(await act(dispatcher, id, 'dispatch', { departmentId: deptId }), {
      status: 400,
      code: 'validation_failed',
      field: 'departmentId',
    });
    expect((await step(dispatcher, id, 'dispatch', { departmentId: dept2Id })).handlingDeptId).toBe(
      dept2Id,
    );
  });

  it('延期 approved moves the deadline forward; refused keeps it; one open request at a time', async () => {
    const id = await toHandling();
    const before = (await admin.get(`/api/cases/${id}`)).json();
    const handleDue = () =>
      before.clocks.find((k: { step: string }) => k.step === 'handle').deadlineAt as string;
    await step(handler, id, 'request_extension', {
      reason: '需调配车辆',
      extension: { value: 2, limitType: 'work_hour' },
    });
    expectRefusal(
      await act(handler, id, 'request_extension', {
        reason: '再延',
        extension: { value: 1, limitType: 'work_hour' },
      }),
      { status: 409, code: 'conflict' },
    );
    const refused = await step(dispatcher, id, 'refuse_request', {
      requestType: 'extension',
      reason: '不同意',
    });
    expect(refused.clocks.find((k: { step: string }) => k.step === 'handle').deadlineAt).toBe(
      handleDue(),
    );
    await step(handler, id, 'request_extension', {
      reason: '需调配车辆',
      extension: { value: 2, limitType: 'work_hour' },
    });
    const approved = await step(dispatcher, id, 'approve_request', { requestType: 'extension' });
    expect(
      approved.clocks.find((k: { step: string }) => k.step === 'handle').deadlineAt > handleDue(),
    ).toBe(true);
    expect(approved.deadlineAt > before.deadlineAt).toBe(true);
  });

  it('挂账 pauses the clock; 恢复 restores it', async () => {
    const id = await toHandling();
    await step(handler, id, 'request_suspension', { reason: '需列入明年预算' });
    const suspended = await step(dispatcher, id, 'approve_request', { requestType: 'suspension' });
    expect(suspended.state).toBe('suspended');
    expect(suspended.clocks.every((k: { paused: boolean }) => k.paused)).toBe(true);
    expect(suspended.dueAt).toBeNull();
    const resumed = await step(dispatcher, id, 'resume');
    expect(resumed.state).toBe('handling');
    expect(resumed.clocks.some((k: { paused: boolean }) => k.paused)).toBe(false);
    expect(resumed.dueAt).toBeTruthy();
  });

  it('返工 after a failed 核查: back to dispatch, same department, reworkCount 1', async () => {
    const id = await toHandling();
    await step(handler, id, 'submit_feedback', {
      result: '已清运',
      photos: [await photo(handler)],
    });
    await step(dispatcher, id, 'accept_feedback');
    await step(intake, id, 'send_check', { assigneeId: inspectorId });
    const failed = await step(inspector, id, 'check_fail', { reason: '仍有垃圾' });
    expect(failed.state).toBe('pending_dispatch');
    const again = await step(dispatcher, id, 'dispatch', { departmentId: deptId });
    expect(again).toMatchObject({ state: 'handling', reworkCount: 1 });
  });

  it('作废 needs the 值班长’s approval', async () => {
    const id = await toHandling();
    await step(handler, id, 'request_void', { reason: '误报' });
    expectRefusal(await act(dispatcher, id, 'approve_request', { requestType: 'void' }), {
      status: 403,
      code: 'forbidden',
    });
    expect((await step(shift, id, 'approve_request', { requestType: 'void' })).state).toBe(
      'voided',
    );
  });
});

describe('部件 cases', () => {
  it('points at its component, takes the component’s class, and a closed case updates its condition', async () => {
    const code = componentCode('01001', 42);
    const registered = await admin.post('/api/components', componentBody(code));
    expect(registered.statusCode, registered.body).toBe(201);
    const c = await newCase({ classCode: undefined, componentCode: code, description: '井盖破损' });
    expect(c).toMatchObject({ classCode: '01001', componentId: registered.json().id });
    expect(
      (
        await inspector.post('/api/cases', {
          lng: CITY.inA[0],
          lat: CITY.inA[1],
          address: '文化路',
          description: '井盖',
          componentCode: componentCode('01001', 43),
        })
      ).json().error.field,
    ).toBe('componentCode');
    const changed = await admin.post(`/api/components/${registered.json().id}/status`, {
      status: 'damaged',
      reason: '案件核实破损',
      caseId: c.id,
    });
    expect(changed.statusCode, changed.body).toBe(200);
  });
});

describe('督办', () => {
  it('a leader raises 督办; the department replies; none on closed cases', async () => {
    const id = await toHandling();
    const s = await step(leader, id, 'supervise', { level: 'normal', reason: '群众反映强烈' });
    expect(s.supervisionLevel).toBe('normal');
    await step(handler, id, 'reply_supervision', { note: '已安排今日处理' });
    expectRefusal(await act(handler2, id, 'reply_supervision', { note: 'x' }), {
      status: 403,
      code: 'forbidden',
    });
  });
});
