import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { phoneJpeg } from '../attachments/attachments.test-util';
import {
  insertPerson,
  movableClock,
  prisonerBody,
  staffSession,
  visitBody,
} from './special-groups.test-util';
import { expectRefusal } from '../../../test/refusal';

const time = movableClock();
let t: TestApp;
let admin: Session,
  leader: Session & { id: string },
  worker: Session & { id: string },
  workerC: Session,
  supervisorW: Session;
let personA: string, personB: string;
const ids: Record<string, string> = {};

type Task = {
  id: string;
  membershipId: string;
  dueDate: string;
  status: string;
  attentionLevel: string;
  overdue: boolean;
  assigneeUserId: string | null;
};
const openTaskOf = async (s: Session, membershipId: string): Promise<Task | undefined> =>
  ((await s.get('/api/visits/tasks?status=open')).json().items as Task[]).find(
    (x) => x.membershipId === membershipId,
  );

beforeAll(async () => {
  t = await createTestApp({ clock: time.clock });
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  leader = await staffSession(t, {
    username: 'leaderA',
    roles: ['grid_leader'],
    areaCodes: [CITY.gridA],
    gridRole: 'gridLeader',
  });
  worker = await staffSession(t, {
    username: 'workerA',
    roles: ['grid_administrator'],
    areaCodes: [CITY.gridA],
    gridRole: 'gridAdministrator',
  });
  workerC = await staffSession(t, {
    username: 'workerC',
    roles: ['grid_administrator'],
    areaCodes: [CITY.gridC],
    gridRole: 'gridAdministrator',
  });
  supervisorW = await userSession(t, {
    username: 'supW',
    roles: ['grid_supervisor'],
    areaCodes: [CITY.streetW],
  });
  personA = await insertPerson(t, '孙七', CITY.gridA);
  // Grid B has no staff: its tasks stay unassigned.
  personB = await insertPerson(t, '周八', CITY.gridB);
  ids.a = (
    await leader.post(
      '/api/special-memberships',
      prisonerBody(personA, { attentionLevel: 'medium', startedAt: '2026-11-10' }),
    )
  ).json().id;
  ids.b = (
    await admin.post('/api/special-memberships', prisonerBody(personB, { startedAt: '2026-06-01' }))
  ).json().id;
});
afterAll(async () => t.close());

describe('visit tasks', () => {
  it('generates the first task at start + interval, assigned to the grid administrator (else unassigned)', async () => {
    const a = await openTaskOf(admin, ids.a!);
    expect(a).toMatchObject({
      dueDate: '2026-12-10',
      attentionLevel: 'medium',
      assigneeUserId: worker.id,
      overdue: false,
    });
    const b = await openTaskOf(admin, ids.b!);
    expect(b).toMatchObject({ dueDate: '2026-08-30', assigneeUserId: null, overdue: true });
    // Mine: assigned to me, or unassigned in my scope.
    expect(
      (await worker.get('/api/visits/tasks?mine=1&status=open'))
        .json()
        .items.map((x: Task) => x.membershipId),
    ).toEqual([ids.a]);
    expect((await leader.get('/api/visits/tasks?mine=1&status=open')).json().items).toEqual([]);
    const unassigned = await userSession(t, {
      username: 'workerB',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridB],
    });
    expect(
      (await unassigned.get('/api/visits/tasks?mine=1'))
        .json()
        .items.map((x: Task) => x.membershipId),
    ).toEqual([ids.b]);
    expect((await workerC.get('/api/visits/tasks')).json()).toEqual({ items: [], total: 0 });
    expectRefusal(await workerC.get(`/api/visits/tasks/${a!.id}`), {
      status: 404,
      code: 'not_found',
    });
    expect((await worker.get(`/api/visits/tasks/${a!.id}`)).json()).toMatchObject({
      id: a!.id,
      personName: '孙*',
    });
  });

  it('finds overdue visits by the injected clock, scoped', async () => {
    const overdue = async (s: Session) =>
      (await s.get('/api/visits/tasks/overdue')).json().items.map((x: Task) => x.membershipId);
    expect(await overdue(supervisorW)).toEqual([ids.b]);
    expect(await overdue(workerC)).toEqual([]);
    time.set('2026-12-10T23:59:00+08:00');
    expect(await overdue(supervisorW)).toEqual([ids.b]);
    time.set('2026-12-11T00:00:01+08:00');
    expect(await overdue(supervisorW)).toEqual([ids.b, ids.a]);
    expect((await openTaskOf(worker, ids.a!))?.overdue).toBe(true);
    time.set('2026-11-30T09:00:00+08:00');
  });

  it('completes a visit: the task is done, findings kept, the next one due one interval later', async () => {
    const task = (await openTaskOf(worker, ids.a!))!;
    expectRefusal(await workerC.post(`/api/visits/tasks/${task.id}/complete`, visitBody()), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await worker.post(`/api/visits/tasks/nope/complete`, visitBody()), {
      status: 404,
      code: 'not_found',
    });
    expectRefusal(
      await worker.post(`/api/visits/tasks/${task.id}/complete`, visitBody({ method: 'fax' })),
      { status: 400, code: 'validation_failed', field: 'method' },
    );
    expect(
      (
        await worker.post(
          `/api/visits/tasks/${task.id}/complete`,
          visitBody({ visitedAt: '2026-12-01T09:00:00+08:00' }),
        )
      ).json().error.field,
    ).toBe('visitedAt');
    expect(
      (
        await worker.post(
          `/api/visits/tasks/${task.id}/complete`,
          visitBody({ nextVisitDate: '2026-11-30' }),
        )
      ).json().error.field,
    ).toBe('nextVisitDate');
    expect(
      (
        await worker.post(
          `/api/visits/tasks/${task.id}/complete`,
          visitBody({ photos: ['no-such-photo'] }),
        )
      ).json().error.field,
    ).toBe('photos');
    const res = await worker.post(
      `/api/visits/tasks/${task.id}/complete`,
      visitBody({ location: { lng: CITY.inA[0], lat: CITY.inA[1] } }),
    );
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r.completedTask).toMatchObject({ id: task.id, status: 'done', visitId: r.visit.id });
    expect(r.nextTask).toMatchObject({
      status: 'open',
      dueDate: '2026-12-30',
      attentionLevel: 'medium',
      assigneeUserId: worker.id,
    });
    // The worker has no special.read: the answer withholds the group and even their own findings.
    expect(r.visit).toMatchObject({
      restricted: true,
      findings: null,
      groupCode: null,
      method: 'home',
      location: { lng: CITY.inA[0], lat: CITY.inA[1] },
      attentionBefore: 'medium',
      attentionAfter: 'medium',
    });
    expect(errorCode(await worker.post(`/api/visits/tasks/${task.id}/complete`, visitBody()))).toBe(
      'conflict',
    );
    const m = (await leader.get(`/api/special-memberships/${ids.a}`)).json();
    expect(m).toMatchObject({ lastVisitOn: '2026-11-30', nextVisitDue: '2026-12-30', version: 2 });
  });

  it('takes the stated next date and a new attention level from a visit', async () => {
    const task = (await openTaskOf(worker, ids.a!))!;
    const r = (
      await worker.post(
        `/api/visits/tasks/${task.id}/complete`,
        visitBody({ riskChange: 'raised', attentionLevel: 'high', nextVisitDate: '2026-12-03' }),
      )
    ).json();
    expect(r.nextTask).toMatchObject({ dueDate: '2026-12-03', attentionLevel: 'high' });
    expect((await leader.get(`/api/special-memberships/${ids.a}`)).json()).toMatchObject({
      attentionLevel: 'high',
    });
    const audit = (await admin.get('/api/audit?action=special_membership_changed')).json().items;
    expect(audit[0].detail).toMatchObject({ change: 'attention_by_visit' });
  });

  it('reschedules the open task when the attention level changes', async () => {
    const m = (await leader.get(`/api/special-memberships/${ids.a}`)).json();
    const res = await leader.patch(`/api/special-memberships/${ids.a}`, {
      version: m.version,
      attentionLevel: 'normal',
    });
    expect(res.json()).toMatchObject({ attentionLevel: 'normal', nextVisitDue: '2027-02-28' });
    expect(await openTaskOf(worker, ids.a!)).toMatchObject({
      dueDate: '2027-02-28',
      attentionLevel: 'normal',
    });
  });

  it('records a visit without a task (it satisfies the one due), and lists the person’s visits', async () => {
    // The membership is a reference in the body: outside scope it is as unknown.
    expectRefusal(await workerC.post('/api/visits', { ...visitBody(), membershipId: ids.b }), {
      status: 404,
      code: 'not_found',
      field: 'membershipId',
    });
    expectRefusal(await worker.post('/api/visits', { ...visitBody(), membershipId: 'nope' }), {
      status: 404,
      code: 'not_found',
      field: 'membershipId',
    });
    const before = (await openTaskOf(admin, ids.b!))!;
    const r = (
      await admin.post('/api/visits', { ...visitBody({ method: 'phone' }), membershipId: ids.b })
    ).json();
    expect(r.completedTask).toMatchObject({ id: before.id, status: 'done' });
    expect(r.nextTask).toMatchObject({ dueDate: '2027-02-28' });
    expect(r.visit).toMatchObject({
      restricted: false,
      findings: '情绪稳定，已就业，家庭关系和睦',
      groupCode: 'released_prisoner',
    });
    const history = (await leader.get(`/api/persons/${personA}/visits`)).json();
    expect(history.visits).toHaveLength(2);
    expect(history.tasks).toHaveLength(1);
    expectRefusal(await workerC.get(`/api/persons/${personA}/visits`), {
      status: 404,
      code: 'not_found',
      field: 'personId',
    });
  });

  it('keeps photos the visitor uploaded, visible to visit readers in scope only', async () => {
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf, 'content-type': 'image/jpeg' },
      payload: await phoneJpeg(),
    });
    expect(upload.statusCode).toBe(201);
    const photo = upload.json().id as string;
    expect(
      (
        await admin.post('/api/visits', { ...visitBody({ photos: [photo] }), membershipId: ids.a })
      ).json().error.field,
    ).toBe('photos');
    const r = (
      await worker.post('/api/visits', { ...visitBody({ photos: [photo] }), membershipId: ids.a })
    ).json();
    expect(r.visit.photos).toEqual([photo]);
    const sg = t.services.specialGroups;
    const as = (codes: string[], perms: string[]) =>
      ({
        ...t.services.system,
        id: 'x',
        scope: { all: false, prefixes: codes },
        permissions: new Set(perms),
      }) as typeof t.services.system;
    expect(await sg.canViewAttachment(as([CITY.gridA], ['visits.read']), photo)).toBe(true);
    expect(await sg.canViewAttachment(as([CITY.gridC], ['visits.read']), photo)).toBe(false);
    expect(await sg.canViewAttachment(as([CITY.gridA], ['cases.read']), photo)).toBe(false);
  });

  it('cancels open tasks when the membership ends', async () => {
    const m = (await leader.get(`/api/special-memberships/${ids.a}`)).json();
    await leader.post(`/api/special-memberships/${ids.a}/end`, {
      version: m.version,
      endedAt: '2026-11-30',
      reason: 'released_from_supervision',
    });
    expect(await openTaskOf(worker, ids.a!)).toBeUndefined();
    const all = (await worker.get('/api/visits/tasks?status=cancelled')).json().items;
    expect(all).toHaveLength(1);
    expect(
      errorCode(await worker.post('/api/visits', { ...visitBody(), membershipId: ids.a })),
    ).toBe('conflict');
  });
});
