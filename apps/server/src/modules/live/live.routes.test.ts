import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import {
  CITY,
  createUser,
  login,
  seedCity,
  userSession,
  type Session,
} from '../../../test/factories';
import { caseData, openSse, within, type SseStream } from './live.test-util';

let t: TestApp;
let base: string;
let admin: Session;
let inspector: Session;
let intake: Session;
let shift: Session;
let dispatcher: Session;
let centre: Session;
let otherGrid: Session;
let handler: Session;
let deptId: string;
let conditionId: string;
const streams: SseStream[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  deptId = (
    await admin.post('/api/departments', {
      code: 'hw',
      name: '区环卫中心',
      areaCode: CITY.district,
    })
  ).json().id;
  inspector = await userSession(t, {
    username: 'insp',
    roles: ['inspector'],
    areaCodes: [CITY.streetW],
  });
  intake = await userSession(t, {
    username: 'intake',
    roles: ['intake_operator'],
    areaCodes: [CITY.district],
  });
  shift = await userSession(t, {
    username: 'shift',
    roles: ['shift_leader'],
    areaCodes: [CITY.district],
  });
  dispatcher = await userSession(t, {
    username: 'disp',
    roles: ['dispatcher'],
    areaCodes: [CITY.district],
  });
  centre = await userSession(t, {
    username: 'centre',
    roles: ['observer'],
    areaCodes: [CITY.district],
  });
  otherGrid = await userSession(t, {
    username: 'gridc',
    roles: ['observer'],
    areaCodes: [CITY.gridC],
  });
  // The handler's own area is the east street: cases of the west reach them only through their department.
  const hash = (await t.services.users.findForLogin('root'))!.password_hash;
  await t.services.users.createDirect({
    username: 'hw1',
    displayName: '环卫处置员',
    passwordHash: hash,
    roles: ['department_handler'],
    areaCodes: [CITY.streetE],
    departmentId: deptId,
  });
  handler = await login(t, 'hw1');
  conditionId = (await admin.get('/api/categories/06010/conditions')).json().items[0].id;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.close();
});

async function stream(s: Session | null, path = '/api/live/cases'): Promise<SseStream> {
  const opened = await openSse(base, path, s?.cookie ?? null);
  streams.push(opened);
  return opened;
}

async function report(s: Session, at: [number, number] = CITY.inA): Promise<string> {
  const res = await s.post('/api/cases', {
    lng: at[0],
    lat: at[1],
    address: '文化路 12 号门前',
    description: '路边堆放生活垃圾',
    classCode: '06010',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function step(s: Session, id: string, action: string, input: Record<string, unknown> = {}) {
  const version = (await admin.get(`/api/cases/${id}`)).json().version;
  const res = await s.post(`/api/cases/${id}/transitions`, { action, version, ...input });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}

const forCase = (id: string, action?: string) => (f: { event: string; data: string }) => {
  if (f.event !== 'case') return false;
  const d = JSON.parse(f.data) as { caseId: string; action: string };
  return d.caseId === id && (!action || d.action === action);
};

describe('GET /api/live/cases', () => {
  it('opens a text/event-stream with a retry hint', async () => {
    const s = await stream(centre);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(s.headers['cache-control']).toContain('no-cache');
    expect(s.retry).toBeGreaterThan(0);
    s.close();
  });

  it('sends a reported case to the supervision centre, with codes and states only', async () => {
    const s = await stream(centre);
    const id = await report(inspector);
    const frame = await s.waitFor(forCase(id, 'report'));
    const data = JSON.parse(frame.data);
    expect(data).toMatchObject({
      caseId: id,
      action: 'report',
      fromState: null,
      state: 'pending_acceptance',
      gridCode: CITY.gridA,
      communityCode: CITY.communityW,
      streetCode: CITY.streetW,
      adminCode: CITY.district,
      handlingDeptId: null,
    });
    expect(Object.keys(data).sort()).toEqual(
      [
        'action',
        'adminCode',
        'at',
        'caseNo',
        'caseId',
        'communityCode',
        'fromState',
        'gridCode',
        'handlingDeptId',
        'state',
        'streetCode',
      ].sort(),
    );
    expect(frame.data).not.toContain('垃圾');
    expect(frame.data).not.toContain('文化路');
    s.close();
  });

  it('does not send a case to a viewer scoped to another grid', async () => {
    const s = await stream(otherGrid);
    const inA = await report(inspector);
    // A case in the viewer's own grid, reported after: the bus keeps order, so when it arrives
    // the first case would already have arrived had it been sent.
    const inC = await report(intake, CITY.inC);
    await s.waitFor(forCase(inC));
    expect(caseData(s).map((d) => d.caseId)).toEqual([inC]);
    expect(caseData(s).map((d) => d.caseId)).not.toContain(inA);
    s.close();
  });

  it('sends a department the cases dispatched to it, wherever they are, and nothing before', async () => {
    const inbox = await stream(handler, '/api/live/cases?departmentOnly=true');
    const all = await stream(handler);
    const id = await report(inspector);
    await step(intake, id, 'accept');
    await step(shift, id, 'register', { classCode: '06010', conditionId });
    await step(dispatcher, id, 'dispatch', { departmentId: deptId });
    const frame = await inbox.waitFor(forCase(id, 'dispatch'));
    expect(JSON.parse(frame.data)).toMatchObject({
      state: 'handling',
      handlingDeptId: deptId,
      gridCode: CITY.gridA,
    });
    await all.waitFor(forCase(id, 'dispatch'));
    await step(handler, id, 'acknowledge');
    await inbox.waitFor(forCase(id, 'acknowledge'));
    expect(caseData(inbox).map((d) => d.action)).toEqual(['dispatch', 'acknowledge']);
    // The handler's area (east street) does not hold the case: the whole stream shows only the department's part.
    await all.waitFor(forCase(id, 'acknowledge'));
    expect(caseData(all).map((d) => d.action)).toEqual(['dispatch', 'acknowledge']);
    inbox.close();
    all.close();
  });

  it('narrows to ?areaCode= within the scope', async () => {
    const s = await stream(centre, `/api/live/cases?areaCode=${CITY.gridB}`);
    await report(inspector, CITY.inA);
    const inB = await report(inspector, CITY.inB);
    await s.waitFor(forCase(inB));
    expect(caseData(s).map((d) => d.caseId)).toEqual([inB]);
    s.close();
  });

  it('refuses anonymous callers and bad queries as ordinary JSON errors', async () => {
    const anonymous = await stream(null);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body).error.code).toBe('unauthenticated');
    const bad = await stream(centre, '/api/live/cases?areaCode=abc');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.field).toMatch(/areaCode$/);
  });

  it('limits the streams of one user and frees the place when a client leaves', async () => {
    const user = await userSession(t, {
      username: 'tabs',
      roles: ['observer'],
      areaCodes: [CITY.district],
    });
    const open: SseStream[] = [];
    for (let i = 0; i < 5; i++) open.push(await stream(user));
    expect(open.every((s) => s.status === 200)).toBe(true);
    const sixth = await stream(user);
    expect(sixth.status).toBe(429);
    expect(JSON.parse(sixth.body).error.code).toBe('rate_limited');
    open[0]!.close();
    await within(5000, open[0]!.ended, 'client close');
    // The server notices the disconnect asynchronously.
    let again = await stream(user);
    for (let i = 0; again.status === 429 && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 20));
      again = await stream(user);
    }
    expect(again.status).toBe(200);
    for (const s of [...open, again]) s.close();
  });
});

describe('server shutdown', () => {
  it('ends open streams, so closing the app does not wait for clients', async () => {
    const t2 = await createTestApp();
    try {
      await createUser(t2, { username: 'watch', roles: ['observer'], areaCodes: [CITY.district] });
      const s = await login(t2, 'watch');
      await t2.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(t2.app.server.address() as AddressInfo).port}`;
      const live = await openSse(url, '/api/live/cases', s.cookie);
      expect(live.status).toBe(200);
      await within(5000, t2.app.close(), 'app.close with an open stream');
      await within(5000, live.ended, 'stream end');
    } finally {
      await t2.close();
    }
  });
});
