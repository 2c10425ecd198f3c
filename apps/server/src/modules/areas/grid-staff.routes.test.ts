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
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let leaderW: Session;
let idOf: (code: string) => string;
const PHONE = '13912345678';

const staffOf = async (s: Session, code: string) =>
  (await s.get(`/api/areas/${idOf(code)}`)).json().staff as {
    id: string;
    userId: string;
    displayName: string;
    phone: string | null;
    phoneMasked: boolean;
  }[];

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'admin1', roles: ['admin'] });
  leaderW = await userSession(t, {
    username: 'leader_w',
    roles: ['community_leader'],
    areaCodes: [CITY.communityW],
  });
  const nodes = (await admin.get('/api/areas/tree')).json().items as { id: string; code: string }[];
  idOf = (code) => nodes.find((n) => n.code === code)!.id;
});
afterAll(async () => t.close());

describe("grid staff assignment: the enlisted user must lie in the assigner's scope and cover the grid", () => {
  it("answers 404 for a user outside the assigner's scope, exactly as for an unknown id, and enlists nobody", async () => {
    const outsider = await createUser(t, {
      username: 'outsider_e',
      displayName: '东边的人',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridC],
      phone: PHONE,
    });
    const res = await leaderW.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
      userId: outsider.id,
      role: 'gridAdministrator',
    });
    expectRefusal(res, { status: 404, code: 'not_found' });
    const unknown = await leaderW.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
      userId: 'no-such-user',
      role: 'gridAdministrator',
    });
    expectRefusal(unknown, { status: 404, code: 'not_found' });
    expect(unknown.json().error.message).toBe(res.json().error.message);
    const list = await staffOf(admin, CITY.gridA);
    expect(list.some((s) => s.userId === outsider.id)).toBe(false);
    expect(JSON.stringify(list)).not.toContain('东边的人');
  });

  it('refuses administrators (full scope) to a scoped assigner with the same 404', async () => {
    const root = await createUser(t, { username: 'another_admin', roles: ['admin'] });
    expectRefusal(
      await leaderW.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
        userId: root.id,
        role: 'gridLeader',
      }),
      { status: 404, code: 'not_found' },
    );
  });

  it("answers 403 when part of the user's scope lies beyond the assigner's", async () => {
    const straddling = await createUser(t, {
      username: 'straddling',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridA, CITY.gridC],
    });
    const res = await leaderW.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
      userId: straddling.id,
      role: 'gridAdministrator',
    });
    expectRefusal(res, { status: 403, code: 'forbidden', field: 'userId' });
  });

  it("answers 400 when the user's own areas do not include the grid or an ancestor of it", async () => {
    const inB = await createUser(t, {
      username: 'worker_b_only',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridB],
    });
    const res = await leaderW.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
      userId: inB.id,
      role: 'gridAdministrator',
    });
    expectRefusal(res, { status: 400, code: 'validation_failed', field: 'userId' });
  });

  it('enlists users whose areas are the grid or its community', async () => {
    const inA = await createUser(t, {
      username: 'worker_a_only',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridA],
    });
    const inW = await createUser(t, {
      username: 'worker_w',
      roles: ['grid_police_officer'],
      areaCodes: [CITY.communityW],
    });
    expect(
      (
        await leaderW.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
          userId: inA.id,
          role: 'gridAdministrator',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await leaderW.post(`/api/areas/${idOf(CITY.gridA)}/staff`, {
          userId: inW.id,
          role: 'gridPoliceOfficer',
        })
      ).statusCode,
    ).toBe(200);
    const audit = (await t.services.audit.list({ action: 'staff_assigned', limit: 10 })) as {
      detail: { userId: string };
    }[];
    expect(audit.map((a) => a.detail.userId).sort()).toEqual([inA.id, inW.id].sort());
  });
});

describe('staff phones: in full only to colleagues of the grid, otherwise masked with an audited unmask', () => {
  let assignmentId: string;
  let staffUserId: string;

  beforeAll(async () => {
    const member = await createUser(t, {
      username: 'phone_owner',
      displayName: '有电话的人',
      roles: ['grid_leader'],
      areaCodes: [CITY.gridB],
      phone: PHONE,
    });
    staffUserId = member.id;
    const res = await admin.post(`/api/areas/${idOf(CITY.gridB)}/staff`, {
      userId: member.id,
      role: 'gridLeader',
    });
    expect(res.statusCode).toBe(200);
    assignmentId = res.json().items.find((s: { userId: string }) => s.userId === member.id).id;
  });

  const phoneSeenBy = async (s: Session) =>
    (await staffOf(s, CITY.gridB)).find((x) => x.userId === staffUserId)!;

  it('masks the phone for staff.contact.read holders across the district, leaders and administrators', async () => {
    const intake = await userSession(t, {
      username: 'intake_d',
      roles: ['intake_operator'],
      areaCodes: [CITY.district],
    });
    const dispatcher = await userSession(t, {
      username: 'dispatch_d',
      roles: ['dispatcher'],
      areaCodes: [CITY.district],
    });
    for (const viewer of [intake, dispatcher, leaderW, admin]) {
      const seen = await phoneSeenBy(viewer);
      expect(seen).toMatchObject({
        displayName: '有电话的人',
        phone: '139****5678',
        phoneMasked: true,
      });
    }
  });

  it('shows it in full to a worker whose scope is that grid, and to staff of the same grid', async () => {
    const gridWorker = await userSession(t, {
      username: 'grid_b_admin',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridB],
    });
    expect(await phoneSeenBy(gridWorker)).toMatchObject({ phone: PHONE, phoneMasked: false });
    // Works in grids A and B: a colleague in B through the assignment, not through the scope.
    const colleague = await createUser(t, {
      username: 'colleague_ab',
      roles: ['grid_police_officer'],
      areaCodes: [CITY.gridA, CITY.gridB],
    });
    expect(
      (
        await admin.post(`/api/areas/${idOf(CITY.gridB)}/staff`, {
          userId: colleague.id,
          role: 'gridPoliceOfficer',
        })
      ).statusCode,
    ).toBe(200);
    expect(await phoneSeenBy(await login(t, 'colleague_ab'))).toMatchObject({
      phone: PHONE,
      phoneMasked: false,
    });
    // Without staff.contact.read even a worker of the grid sees the mask.
    const informant = await userSession(t, {
      username: 'informant_b',
      roles: ['resident_informant'],
      areaCodes: [CITY.gridB],
    });
    expect(await phoneSeenBy(informant)).toMatchObject({ phone: '139****5678', phoneMasked: true });
  });

  it('unmasks one number with a reason, audited; refuses without a reason, without the permission and outside scope', async () => {
    const url = `/api/areas/${idOf(CITY.gridB)}/staff/${assignmentId}/unmask-phone`;
    const intake = await userSession(t, {
      username: 'intake_2',
      roles: ['intake_operator'],
      areaCodes: [CITY.district],
    });
    const noReason = await intake.post(url, {});
    expectRefusal(noReason, { status: 400, code: 'validation_failed', field: 'reason' });
    const informant = await userSession(t, {
      username: 'informant_b2',
      roles: ['resident_informant'],
      areaCodes: [CITY.gridB],
    });
    expectRefusal(await informant.post(url, { reason: '联系网格长处理' }), {
      status: 403,
      code: 'forbidden',
    });
    const eastWorker = await userSession(t, {
      username: 'east_worker',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridC],
    });
    const outside = await eastWorker.post(url, { reason: '联系网格长处理' });
    expectRefusal(outside, { status: 404, code: 'not_found' });
    const wrongGrid = await intake.post(
      `/api/areas/${idOf(CITY.gridA)}/staff/${assignmentId}/unmask-phone`,
      { reason: '联系网格长处理' },
    );
    expectRefusal(wrongGrid, { status: 404, code: 'not_found' });
    const before = (
      (await t.services.audit.list({ action: 'personal_data_viewed', limit: 50 })) as unknown[]
    ).length;
    expect(before).toBe(0);
    const res = await intake.post(url, { reason: '受理案件需联系网格长' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phone: PHONE });
    const [entry] = (await t.services.audit.list({
      action: 'personal_data_viewed',
      limit: 50,
    })) as { actorName: string | null; targetId: string | null; detail: Record<string, unknown> }[];
    expect(entry).toMatchObject({
      actorName: 'intake_2',
      targetId: staffUserId,
      detail: { field: 'phone', reason: '受理案件需联系网格长' },
    });
    expect(JSON.stringify(entry)).not.toContain(PHONE);
  });
});
