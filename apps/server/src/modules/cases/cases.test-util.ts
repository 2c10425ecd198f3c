import { expect } from 'vitest';
import type { TestApp } from '../../../test/test-app';
import {
  CITY,
  createUser,
  login,
  seedCity,
  userSession,
  type Session,
} from '../../../test/factories';
import { phoneJpeg } from '../attachments/attachments.test-util';

/** The people of the case loop on the test city, with two departments and their handlers. */
export interface CaseCast {
  admin: Session;
  inspector: Session;
  inspectorId: string;
  intake: Session;
  shift: Session;
  dispatcher: Session;
  leader: Session;
  handler: Session;
  handler2: Session;
  deptId: string;
  dept2Id: string;
  /** The first 立案条件 of 06010 暴露垃圾 (2 working hours) */
  conditionId: string;
}

export async function castCases(t: TestApp): Promise<CaseCast> {
  await seedCity(t);
  const admin = await userSession(t, { username: 'root', roles: ['admin'] });
  const deptId = (
    await admin.post('/api/departments', {
      code: 'hw',
      name: '区环卫中心',
      areaCode: CITY.district,
    })
  ).json().id as string;
  const dept2Id = (
    await admin.post('/api/departments', { code: 'sz', name: '区市政所', areaCode: CITY.district })
  ).json().id as string;
  const inspectorId = (
    await createUser(t, { username: 'insp', roles: ['inspector'], areaCodes: [CITY.streetW] })
  ).id;
  const hash = (await t.services.users.findForLogin('root'))!.password_hash;
  await t.services.users.createDirect({
    username: 'hw1',
    displayName: '环卫处置员',
    passwordHash: hash,
    roles: ['department_handler'],
    areaCodes: [CITY.district],
    departmentId: deptId,
  });
  await t.services.users.createDirect({
    username: 'sz1',
    displayName: '市政处置员',
    passwordHash: hash,
    roles: ['department_handler'],
    areaCodes: [CITY.district],
    departmentId: dept2Id,
  });
  return {
    admin,
    inspector: await login(t, 'insp'),
    inspectorId,
    intake: await userSession(t, {
      username: 'intake',
      roles: ['intake_operator'],
      areaCodes: [CITY.district],
    }),
    shift: await userSession(t, {
      username: 'shift',
      roles: ['shift_leader'],
      areaCodes: [CITY.district],
    }),
    dispatcher: await userSession(t, {
      username: 'disp',
      roles: ['dispatcher'],
      areaCodes: [CITY.district],
    }),
    leader: await userSession(t, {
      username: 'boss',
      roles: ['street_leader'],
      areaCodes: [CITY.streetW],
    }),
    handler: await login(t, 'hw1'),
    handler2: await login(t, 'sz1'),
    deptId,
    dept2Id,
    conditionId: (await admin.get('/api/categories/06010/conditions')).json().items[0].id as string,
  };
}

/** Uploads a fresh photo as the session's user (each photo differs, so none are deduplicated). */
export async function photo(t: TestApp, s: Session): Promise<string> {
  const bytes = await phoneJpeg({
    colour: `#${Math.floor(Math.random() * 0xffffff)
      .toString(16)
      .padStart(6, '0')}`,
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': 'application/octet-stream',
    },
    payload: bytes,
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json().id;
}

/** A transition at the case's current version (read by the administrator). */
export async function act(
  cast: CaseCast,
  s: Session,
  id: string,
  action: string,
  input: Record<string, unknown> = {},
) {
  const version = (await cast.admin.get(`/api/cases/${id}`)).json().version;
  return s.post(`/api/cases/${id}/transitions`, { action, version, ...input });
}

/** A transition that must succeed; returns the case view. */
export async function step(
  cast: CaseCast,
  s: Session,
  id: string,
  action: string,
  input: Record<string, unknown> = {},
) {
  const res = await act(cast, s, id, action, input);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

/** Reports 暴露垃圾 (06010) at a point of the test city as the session's user; returns the case id. */
export async function reportAt(
  s: Session,
  at: [number, number],
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await s.post('/api/cases', {
    lng: at[0],
    lat: at[1],
    address: '文化路 12 号',
    description: '暴露垃圾',
    classCode: '06010',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/**
 * Walks a just-reported case through every step to 结案 (fixed) with the cast's roles, to the cast's first
 * department; `pause(minutes)` is called between the stages, for tests that move a clock.
 */
export async function walkToClose(
  t: TestApp,
  cast: CaseCast,
  id: string,
  pause: (minutes: number) => void = () => {},
): Promise<void> {
  const { inspector, intake, shift, dispatcher, handler } = cast;
  pause(10);
  await step(cast, intake, id, 'accept');
  await step(cast, shift, id, 'register', { classCode: '06010', conditionId: cast.conditionId });
  await step(cast, dispatcher, id, 'dispatch', { departmentId: cast.deptId });
  pause(30);
  await step(cast, handler, id, 'acknowledge');
  await step(cast, handler, id, 'submit_feedback', {
    result: '已清运',
    photos: [await photo(t, handler)],
  });
  await step(cast, dispatcher, id, 'accept_feedback');
  await step(cast, intake, id, 'send_check', { assigneeId: cast.inspectorId });
  await step(cast, inspector, id, 'check_pass', { photos: [await photo(t, inspector)] });
  pause(5);
  await step(cast, shift, id, 'close', { closeReason: 'fixed' });
}
