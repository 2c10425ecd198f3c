import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let westLeader: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  westLeader = await userSession(t, {
    username: 'west',
    roles: ['community_leader'],
    areaCodes: [CITY.communityW],
  });
});
afterAll(async () => t.close());

const newUser = (o: Record<string, unknown> = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 8)}`,
  displayName: '测试',
  password: 'Initial-pass-1',
  roles: ['observer'],
  areaCodes: [CITY.gridA],
  ...o,
});

describe('users', () => {
  it('creates a user with roles and areas; phone encrypted at rest and masked in lists', async () => {
    const res = await admin.post(
      '/api/users',
      newUser({ username: 'mei', phone: '13912345678', roles: ['grid_administrator'] }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'mei',
      phone: '139****5678',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridA],
    });
    const raw = await t.services.users.findForLogin('mei');
    expect(raw?.phone_enc).toMatch(/^v2:[0-9a-f]{8}:/);
    expect(raw?.phone_enc).not.toContain('13912345678');
    expect(raw?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('unmasks a phone only with a reason, and audits it', async () => {
    const id = (await admin.get('/api/users?q=mei')).json().items[0].id;
    expectRefusal(await admin.post(`/api/users/${id}/unmask-phone`, {}), {
      status: 400,
      code: 'validation_failed',
      field: 'reason',
    });
    const res = await admin.post(`/api/users/${id}/unmask-phone`, { reason: '联系网格员核实' });
    expect(res.json().phone).toBe('13912345678');
    const audit = (await admin.get('/api/audit?action=personal_data_viewed')).json().items;
    expect(audit[0]).toMatchObject({
      targetId: id,
      detail: { field: 'phone', reason: '联系网格员核实' },
    });
    expect(
      (await westLeader.post(`/api/users/${id}/unmask-phone`, { reason: '联系网格员核实' }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses bad input with the field named, and duplicates with 409', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ username: 'x' }, 'username'],
      [{ password: 'short' }, 'password'],
      [{ phone: '12345' }, 'phone'],
      [{ roles: [] }, 'roles'],
      [{ areaCodes: [] }, 'areaCodes'],
    ];
    for (const [patch, field] of cases) {
      const res = await admin.post('/api/users', newUser(patch));
      expectRefusal(res, { status: 400, code: 'validation_failed', field });
    }
    expect(
      (await admin.post('/api/users', newUser({ roles: ['emperor'] }))).json().error.field,
    ).toBe('roles');
    expect(
      (await admin.post('/api/users', newUser({ areaCodes: ['999999'] }))).json().error.field,
    ).toBe('areaCodes');
    expectRefusal(await admin.post('/api/users', newUser({ username: 'mei' })), {
      status: 409,
      code: 'duplicate',
      field: 'username',
    });
  });

  it('lets a community leader see and manage only users of the community', async () => {
    const list = (await westLeader.get('/api/users')).json();
    expect(
      list.items.every((u: { areaCodes: string[] }) =>
        u.areaCodes.some((c) => c.startsWith(CITY.communityW)),
      ),
    ).toBe(true);
    const eastUser = (await admin.post('/api/users', newUser({ areaCodes: [CITY.gridC] }))).json();
    expectRefusal(await westLeader.get(`/api/users/${eastUser.id}`), {
      status: 404,
      code: 'not_found',
    });
    await admin.post('/api/roles', {
      code: 'west_users',
      name: '西区用户管理',
      nameEn: 'West users',
      permissions: ['users.read', 'users.manage'],
    });
    const um = await userSession(t, {
      username: 'west_um',
      roles: ['west_users'],
      areaCodes: [CITY.communityW],
    });
    expectRefusal(await um.patch(`/api/users/${eastUser.id}`, { displayName: '改名' }), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('stops privilege escalation: no roles beyond one’s own permissions, no areas beyond one’s scope', async () => {
    const noUsersManage = await westLeader.post('/api/users', newUser());
    expectRefusal(noUsersManage, { status: 403, code: 'forbidden' });
    const streetAdmin = await userSession(t, {
      username: 'street_admin',
      roles: ['street_leader'],
      areaCodes: [CITY.streetW],
    });
    // A user manager holding exactly what an observer holds, plus managing users.
    const observerPerms = (await admin.get('/api/roles'))
      .json()
      .items.find((r: { code: string }) => r.code === 'observer').permissions as string[];
    await admin.post('/api/roles', {
      code: 'user_manager',
      name: '用户管理员',
      nameEn: 'User manager',
      permissions: [...new Set([...observerPerms, 'users.read', 'users.manage'])],
    });
    const um = await userSession(t, {
      username: 'um',
      roles: ['user_manager'],
      areaCodes: [CITY.streetW],
    });
    const asAdmin = await um.post('/api/users', newUser({ roles: ['admin'] }));
    expectRefusal(asAdmin, { status: 403, code: 'forbidden' });
    const outside = await um.post(
      '/api/users',
      newUser({ roles: ['observer'], areaCodes: [CITY.gridC] }),
    );
    expectRefusal(outside, { status: 403, code: 'forbidden' });
    const ok = await um.post(
      '/api/users',
      newUser({ roles: ['observer'], areaCodes: [CITY.gridB] }),
    );
    expect(ok.statusCode).toBe(201);
    expect((await streetAdmin.get('/api/roles')).statusCode).toBe(200);
  });

  it('changes roles and audits it as a role change', async () => {
    const u = (await admin.post('/api/users', newUser())).json();
    const res = await admin.patch(`/api/users/${u.id}`, { roles: ['inspector'] });
    expect(res.json().roles).toEqual(['inspector']);
    const audit = (await admin.get('/api/audit?action=role_changed')).json().items;
    expect(audit.some((e: { targetId: string }) => e.targetId === u.id)).toBe(true);
    expectRefusal(await admin.patch('/api/users/nope', { roles: ['inspector'] }), {
      status: 404,
      code: 'not_found',
    });
  });
});

describe('roles are data', () => {
  it('lists the built-in roles with Chinese names', async () => {
    const items = (await admin.get('/api/roles')).json().items;
    const names = items.map((r: { name: string }) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        '系统管理员',
        '区领导',
        '街道领导',
        '社区领导',
        '监督员',
        '受理员',
        '值班长',
        '派遣员',
        '专业部门处置人员',
        '网格长',
        '网格管理员',
        '民情信息员',
        '网格警员',
        '网格监督员',
        '只读观察员',
      ]),
    );
  });

  it('creates a local role, refusing unknown permissions and duplicate codes', async () => {
    const ok = await admin.post('/api/roles', {
      code: 'petition_clerk',
      name: '信访专员',
      nameEn: 'Petition clerk',
      permissions: ['areas.read'],
    });
    expect(ok.statusCode).toBe(201);
    expectRefusal(
      await admin.post('/api/roles', {
        code: 'petition_clerk',
        name: 'x',
        nameEn: 'x',
        permissions: [],
      }),
      { status: 409, code: 'duplicate', field: 'code' },
    );
    const bad = await admin.post('/api/roles', {
      code: 'bad_role',
      name: 'x',
      nameEn: 'x',
      permissions: ['launch.missiles'],
    });
    expectRefusal(bad, { status: 400, code: 'validation_failed', field: 'permissions.0' });
    expectRefusal(
      await westLeader.post('/api/roles', {
        code: 'mine',
        name: 'x',
        nameEn: 'x',
        permissions: [],
      }),
      { status: 403, code: 'forbidden' },
    );
  });
});
