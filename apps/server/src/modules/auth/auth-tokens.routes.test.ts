import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, login, PASSWORD, seedCity, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

// Issue 9, finding 7: API tokens expire, do no more than they were given (read-only by default) and no more than
// their user may do now, cannot mint tokens, end on password change and disable; only tokens.manage creates them.

let t: TestApp;
let admin: Session;
let integrator: Session;
let integratorId: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  await createUser(t, { username: 'root', roles: ['admin'] });
  admin = await login(t, 'root');
  const role = await admin.post('/api/roles', {
    code: 'integrator',
    name: '对接账号',
    nameEn: 'Integrator',
    permissions: ['tokens.manage', 'areas.read', 'cases.read', 'cases.report'],
  });
  expect(role.statusCode, role.body).toBe(201);
  await admin.post('/api/roles', {
    code: 'case_reader',
    name: '案件只读',
    nameEn: 'Case reader',
    permissions: ['cases.read'],
  });
  integratorId = (
    await createUser(t, { username: 'hotline', roles: ['integrator'], areaCodes: [CITY.district] })
  ).id;
  integrator = await login(t, 'hotline');
});
afterAll(async () => t.close());

const bearer = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
const days = (iso: string) => (new Date(iso).getTime() - Date.now()) / 86_400_000;

describe('API tokens', () => {
  it('only roles with tokens.manage create tokens; staff roles do not hold it', async () => {
    for (const role of [
      'grid_administrator',
      'community_leader',
      'intake_operator',
      'district_leader',
    ]) {
      const s = await (async () => {
        await createUser(t, { username: `u_${role}`, roles: [role], areaCodes: [CITY.gridA] });
        return login(t, `u_${role}`);
      })();
      const res = await s.post('/api/auth/tokens', { name: 'x' });
      expectRefusal(res, { status: 403, code: 'forbidden' });
    }
  });

  it('expires in 90 days by default, read-only by default; at most a year', async () => {
    const res = await integrator.post('/api/auth/tokens', { name: '默认' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(days(created.expiresAt)).toBeGreaterThan(89.9);
    expect(days(created.expiresAt)).toBeLessThan(90.1);
    expect(created.permissions).toEqual(['areas.read', 'cases.read']);
    expect((await bearer(created.token, 'GET', '/api/areas/tree')).statusCode).toBe(200);
    const write = await bearer(created.token, 'POST', '/api/cases', {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '文化路',
      description: '路边垃圾',
      classCode: '06010',
    });
    expectRefusal(write, { status: 403, code: 'forbidden' });
    expectRefusal(await integrator.post('/api/auth/tokens', { name: '太久', expiresInDays: 366 }), {
      status: 400,
      code: 'validation_failed',
      field: 'expiresInDays',
    });
    const year = (
      await integrator.post('/api/auth/tokens', { name: '一年', expiresInDays: 365 })
    ).json();
    expect(days(year.expiresAt)).toBeGreaterThan(364.9);
  });

  it('carries no permission its creator lacks', async () => {
    const beyond = await integrator.post('/api/auth/tokens', {
      name: 'x',
      permissions: ['cases.read', 'users.manage'],
    });
    expectRefusal(beyond, { status: 403, code: 'forbidden', field: 'permissions' });
    const chosen = await integrator.post('/api/auth/tokens', {
      name: '上报',
      permissions: ['cases.report', 'cases.read'],
    });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().permissions).toEqual(['cases.read', 'cases.report']);
  });

  it('a token cannot create tokens, nor change the password', async () => {
    const { token } = (
      await integrator.post('/api/auth/tokens', {
        name: '全部',
        permissions: ['tokens.manage', 'cases.read'],
      })
    ).json();
    const minted = await bearer(token, 'POST', '/api/auth/tokens', { name: 'child' });
    expectRefusal(minted, { status: 403, code: 'forbidden' });
    expectRefusal(
      await bearer(token, 'POST', '/api/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'Taken-over-pass-1',
      }),
      { status: 403, code: 'forbidden' },
    );
  });

  it('does what the token was given AND what its user may do now', async () => {
    const u = await createUser(t, {
      username: 'narrowed',
      roles: ['integrator'],
      areaCodes: [CITY.district],
    });
    const s = await login(t, 'narrowed');
    const { token } = (
      await s.post('/api/auth/tokens', { name: '读', permissions: ['areas.read', 'cases.read'] })
    ).json();
    expect((await bearer(token, 'GET', '/api/areas/tree')).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${u.id}`, { roles: ['case_reader'] })).statusCode).toBe(
      200,
    );
    expectRefusal(await bearer(token, 'GET', '/api/areas/tree'), {
      status: 403,
      code: 'forbidden',
    });
    expect((await bearer(token, 'GET', '/api/cases')).statusCode).toBe(200);
  });

  it('stops at its expiry', async () => {
    const { id, token } = (
      await integrator.post('/api/auth/tokens', { name: '短期', expiresInDays: 1 })
    ).json();
    expect((await bearer(token, 'GET', '/api/auth/me')).statusCode).toBe(200);
    await t.services.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    t.services.auth.invalidateCache();
    expect((await bearer(token, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('lists expiry, permissions and last use, never the secret', async () => {
    const created = (await integrator.post('/api/auth/tokens', { name: '列表' })).json();
    await bearer(created.token, 'GET', '/api/auth/me');
    const item = (await integrator.get('/api/auth/tokens'))
      .json()
      .items.find((x: { id: string }) => x.id === created.id);
    expect(item).toMatchObject({
      name: '列表',
      expiresAt: created.expiresAt,
      permissions: ['areas.read', 'cases.read'],
    });
    expect(item.lastUsedAt).toBeTruthy();
    expect(item.token).toBeUndefined();
  });

  it('ends every token on a password change', async () => {
    await createUser(t, { username: 'changer', roles: ['integrator'], areaCodes: [CITY.district] });
    const s = await login(t, 'changer');
    const { token } = (await s.post('/api/auth/tokens', { name: 'x' })).json();
    expect((await bearer(token, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect(
      (
        await s.post('/api/auth/password', {
          currentPassword: PASSWORD,
          newPassword: 'Changed-pass-123',
        })
      ).statusCode,
    ).toBe(200);
    expect((await bearer(token, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await s.get('/api/auth/tokens')).json().items).toEqual([]);
  });

  it('ends tokens and sessions when the account is disabled, for good', async () => {
    const { token } = (await integrator.post('/api/auth/tokens', { name: 'x' })).json();
    expect((await bearer(token, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect(
      (await admin.patch(`/api/users/${integratorId}`, { status: 'disabled' })).statusCode,
    ).toBe(200);
    expect((await bearer(token, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await integrator.get('/api/auth/me')).statusCode).toBe(401);
    expect((await admin.patch(`/api/users/${integratorId}`, { status: 'active' })).statusCode).toBe(
      200,
    );
    expect((await bearer(token, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await integrator.get('/api/auth/me')).statusCode).toBe(401);
  });
});
