import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { createUser, login, PASSWORD, seedCity, CITY } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  await createUser(t, {
    username: 'alice',
    roles: ['grid_administrator'],
    areaCodes: [CITY.gridA],
  });
  await createUser(t, { username: 'boss', roles: ['admin'], areaCodes: [CITY.district] });
});
afterAll(async () => t.close());

const loginRaw = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('login and sessions', () => {
  it('logs in, sets an httpOnly SameSite cookie and answers me', async () => {
    const res = await loginRaw('alice', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/wangge_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = res.json();
    expect(body.user.username).toBe('alice');
    expect(body.user.areas.map((a: { code: string }) => a.code)).toEqual([CITY.gridA]);
    expect(body.user.permissions).toContain('areas.read');
    expect(body.csrfToken.length).toBeGreaterThan(10);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('alice');
  });

  it('rejects a wrong password and an unknown user alike', async () => {
    const a = await loginRaw('alice', 'wrong-password-1', '10.0.0.2');
    const b = await loginRaw('nobody', 'wrong-password-1', '10.0.0.2');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.code).toBe('invalid_credentials');
    expect(b.json().error.message).toBe(a.json().error.message);
  });

  it('answers bad login bodies with 400 and a field', async () => {
    for (const [payload, field] of [
      [{}, 'username'],
      [{ username: '', password: 'x' }, 'username'],
      [{ username: 'alice' }, 'password'],
      [{ username: 'a'.repeat(65), password: 'x' }, 'username'],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expectRefusal(res, { status: 400, code: 'validation_failed', field });
    }
    const junk = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expectRefusal(junk, { status: 400, code: 'validation_failed', field: 'body' });
  });

  it('locks an account after 5 wrong passwords, even with the right one after, answering as for a wrong password', async () => {
    await createUser(t, { username: 'victim', roles: ['observer'], areaCodes: [CITY.gridA] });
    for (let i = 0; i < 4; i++)
      expect((await loginRaw('victim', `bad-password-${i}`, `10.1.0.${i}`)).statusCode).toBe(401);
    const fifth = await loginRaw('victim', 'bad-password-5', '10.1.0.9');
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().error.code).toBe('invalid_credentials');
    const right = await loginRaw('victim', PASSWORD, '10.1.0.10');
    expect(right.statusCode).toBe(401);
    expect(right.json().error).toEqual(fifth.json().error);
    const audit = await t.services.audit.list({ action: 'account_locked', limit: 10 });
    expect(audit.some((e) => e.actorName === 'victim')).toBe(true);
  });

  it('throttles one address after many failures', async () => {
    let last = 0;
    for (let i = 0; i < 21; i++)
      last = (await loginRaw(`ghost${i}`, 'bad-password-x', '10.9.9.9')).statusCode;
    expect(last).toBe(429);
    // Another address is unaffected.
    expect((await loginRaw('alice', PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const s = await login(t, 'boss');
    const without = await s.post('/api/auth/tokens', { name: 'x' }, { csrf: false });
    expectRefusal(without, { status: 403, code: 'csrf_failed' });
    const withToken = await s.post('/api/auth/tokens', { name: 'x' });
    expect(withToken.statusCode).toBe(201);
  });

  it('logs out: the cookie stops working', async () => {
    const s = await login(t, 'alice');
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('records logins and failures in the audit log with the address', async () => {
    const s = await login(t, 'boss');
    const res = await s.get('/api/audit?limit=200');
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['login', 'login_failed', 'logout']));
    expect(res.json().items.find((e: { action: string }) => e.action === 'login').ip).toBeTruthy();
    const denied = await (await login(t, 'alice')).get('/api/audit');
    expectRefusal(denied, { status: 403, code: 'forbidden' });
  });

  it('keeps only a hint of a name that matched no account (it may be a password typed in the wrong field)', async () => {
    const typed = 'Tr0ub4dor&3-password';
    await loginRaw(typed, PASSWORD, '10.0.0.9');
    const items = await t.services.audit.list({ action: 'login_failed', limit: 1000 });
    const entry = items.find((e) => JSON.stringify(e.detail).includes('unknown_user'));
    expect(entry?.detail).toEqual({
      username: `T${'*'.repeat(typed.length - 1)}`,
      reason: 'unknown_user',
    });
    expect(JSON.stringify(items)).not.toContain('r0ub4dor');
  });
});

describe('password change', () => {
  it('changes the password with the current one, refusing a wrong one or a short new one', async () => {
    await createUser(t, { username: 'carol', roles: ['observer'], areaCodes: [CITY.gridA] });
    const s = await login(t, 'carol');
    expect(
      (
        await s.post('/api/auth/password', {
          currentPassword: 'nope-nope-nope',
          newPassword: 'Another-pass-1',
        })
      ).statusCode,
    ).toBe(401);
    const short = await s.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expectRefusal(short, { status: 400, code: 'validation_failed', field: 'newPassword' });
    expect(
      (
        await s.post('/api/auth/password', {
          currentPassword: PASSWORD,
          newPassword: 'Another-pass-1',
        })
      ).statusCode,
    ).toBe(200);
    expect((await loginRaw('carol', PASSWORD, '10.3.0.1')).statusCode).toBe(401);
    expect((await loginRaw('carol', 'Another-pass-1', '10.3.0.2')).statusCode).toBe(200);
  });

  it('holds a user with an initial password to the password page', async () => {
    const s = await login(t, 'boss');
    const created = await s.post('/api/users', {
      username: 'newbie',
      displayName: '新人',
      password: 'Initial-pass-1',
      roles: ['observer'],
      areaCodes: [CITY.gridA],
    });
    expect(created.statusCode).toBe(201);
    const n = await login(t, 'newbie', 'Initial-pass-1');
    expect((await n.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await n.get('/api/areas/tree');
    expectRefusal(blocked, { status: 403, code: 'password_change_required' });
    expect(
      (
        await n.post('/api/auth/password', {
          currentPassword: 'Initial-pass-1',
          newPassword: 'Changed-pass-1',
        })
      ).statusCode,
    ).toBe(200);
    t.services.auth.invalidateCache();
    expect((await n.get('/api/areas/tree')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('authenticates integrations with a Bearer token without CSRF, until revoked', async () => {
    const s = await login(t, 'boss');
    const created = (await s.post('/api/auth/tokens', { name: '12345 对接' })).json();
    expect(created.token).toMatch(/^wg_/);
    const auth = { authorization: `Bearer ${created.token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('boss');
    const list = (await s.get('/api/auth/tokens')).json();
    expect(
      list.items.some(
        (x: { id: string; token?: string }) => x.id === created.id && x.token === undefined,
      ),
    ).toBe(true);
    expect((await s.del(`/api/auth/tokens/${created.id}`)).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).statusCode,
    ).toBe(401);
    expectRefusal(await s.del(`/api/auth/tokens/${created.id}`), {
      status: 404,
      code: 'not_found',
    });
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Bearer wg_nonsense' },
    });
    expect(bogus.statusCode).toBe(401);
  });
});
