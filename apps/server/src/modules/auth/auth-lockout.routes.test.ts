import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, login, PASSWORD, seedCity, type Session } from '../../../test/factories';
import { LOGIN_POLICY } from './auth-login';
import { expectRefusal } from '../../../test/refusal';

// Issue 9, findings 3 and 4: the lockout holds under parallel guessing, cannot be used to lock the owner out, and
// does not tell which usernames exist.

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  await createUser(t, { username: 'root', roles: ['admin'] });
  admin = await login(t, 'root');
});
afterAll(async () => t.close());

const attempt = (username: string, password: string, ip: string, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
    ...(cookie ? { headers: { cookie } } : {}),
  });

/** The password verifications that ran against the real hash: every bad_password entry of the audit log. */
async function verifiedWrong(username: string): Promise<number> {
  const items = await t.services.audit.list({ action: 'login_failed', limit: 1000 });
  return items.filter(
    (e) => e.actorName === username && (e.detail as { reason?: string }).reason === 'bad_password',
  ).length;
}

const deviceCookieOf = (res: Awaited<ReturnType<typeof attempt>>): string => {
  const all = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const device = all.find((c) => c.startsWith('wangge_device='));
  if (!device) throw new Error('no device cookie');
  return device.split(';')[0]!;
};

describe('parallel guessing (finding 3)', () => {
  it('40 simultaneous wrong passwords from 40 addresses: the account ends locked and at most 5 were verified', async () => {
    const user = await createUser(t, {
      username: 'target1',
      roles: ['observer'],
      areaCodes: [CITY.gridA],
    });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attempt('target1', `wrong-password-${i}`, `10.40.0.${i + 1}`),
      ),
    );
    expect(answers.every((r) => r.statusCode === 401)).toBe(true);
    expect(await verifiedWrong('target1')).toBeLessThanOrEqual(LOGIN_POLICY.lockAfter);
    const row = await t.services.users.findById(user.id);
    expect(row!.locked_until! > new Date().toISOString()).toBe(true);
    // The right password from yet another address is refused too.
    expect((await attempt('target1', PASSWORD, '10.40.1.1')).statusCode).toBe(401);
  });

  it('40 simultaneous guesses from one address: three pass, the rest wait (429), none is verified twice', async () => {
    await createUser(t, { username: 'target2', roles: ['observer'], areaCodes: [CITY.gridA] });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt('target2', `wrong-password-${i}`, '10.41.0.1')),
    );
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(3);
    expect(answers.filter((r) => r.statusCode === 429).length).toBe(37);
    expect(await verifiedWrong('target2')).toBe(3);
  });

  it("a success does not clear the address's failures", async () => {
    await createUser(t, { username: 'office', roles: ['observer'], areaCodes: [CITY.gridA] });
    const ip = '10.42.0.1';
    for (let i = 0; i < 19; i++)
      expect((await attempt(`nobody${i}`, 'wrong-password', ip)).statusCode).toBe(401);
    expect((await attempt('office', PASSWORD, ip)).statusCode).toBe(200);
    expect((await attempt('nobody-19', 'wrong-password', ip)).statusCode).toBe(401);
    const blocked = await attempt('nobody-20', 'wrong-password', ip);
    expectRefusal(blocked, { status: 429, code: 'rate_limited' });
  });

  it('throttles the current-password check of a password change with the same budget', async () => {
    await createUser(t, { username: 'borrowed', roles: ['observer'], areaCodes: [CITY.gridA] });
    const s = await login(t, 'borrowed');
    const tries = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        s.post('/api/auth/password', {
          currentPassword: `guess-number-${i}`,
          newPassword: 'Brand-new-pass-1',
        }),
      ),
    );
    expect(tries.filter((r) => r.statusCode === 401)).toHaveLength(LOGIN_POLICY.lockAfter);
    expect(tries.filter((r) => r.statusCode === 429)).toHaveLength(10 - LOGIN_POLICY.lockAfter);
    // Even the right current password waits now.
    expectRefusal(
      await s.post('/api/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'Brand-new-pass-1',
      }),
      { status: 429, code: 'rate_limited' },
    );
  });
});

describe('lockout without denial of service or username discovery (finding 4)', () => {
  it('answers an unknown and a locked account identically', async () => {
    await createUser(t, { username: 'locked1', roles: ['observer'], areaCodes: [CITY.gridA] });
    for (let i = 0; i < LOGIN_POLICY.lockAfter; i++)
      await attempt('locked1', `wrong-password-${i}`, `10.43.0.${i + 1}`);
    const locked = await attempt('locked1', PASSWORD, '10.43.1.1');
    const unknown = await attempt('no-such-user', PASSWORD, '10.43.1.2');
    const wrong = await attempt('office', 'wrong-password', '10.43.1.3');
    expect(locked.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(locked.statusCode);
    expect(wrong.statusCode).toBe(locked.statusCode);
    expect(unknown.json()).toEqual(locked.json());
    expect(wrong.json()).toEqual(locked.json());
    expect(locked.headers['set-cookie']).toBeUndefined();
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('a known device signs in with the right password while strangers have locked the account', async () => {
    await createUser(t, { username: 'owner', roles: ['observer'], areaCodes: [CITY.gridA] });
    const first = await attempt('owner', PASSWORD, '10.44.0.1');
    expect(first.statusCode).toBe(200);
    const device = deviceCookieOf(first);
    for (let i = 0; i < 10; i++) await attempt('owner', `wrong-password-${i}`, `10.44.1.${i + 1}`);
    expect((await attempt('owner', PASSWORD, '10.44.2.1')).statusCode).toBe(401);
    const again = await attempt('owner', PASSWORD, '10.44.0.2', device);
    expect(again.statusCode).toBe(200);
    expect(again.json().user.username).toBe('owner');
    // A device cookie of another account is no key to this one.
    const other = deviceCookieOf(await attempt('office', PASSWORD, '10.44.3.1'));
    for (let i = 0; i < 5; i++) await attempt('owner', `wrong-password-${i}`, `10.44.4.${i + 1}`);
    expect((await attempt('owner', PASSWORD, '10.44.3.2', other)).statusCode).toBe(401);
  });

  it('a known device has its own budget: five wrong passwords and it is a stranger again', async () => {
    await createUser(t, { username: 'laptop', roles: ['observer'], areaCodes: [CITY.gridA] });
    const device = deviceCookieOf(await attempt('laptop', PASSWORD, '10.45.0.1'));
    for (let i = 0; i < 5; i++) await attempt('laptop', `wrong-password-${i}`, `10.45.1.${i + 1}`);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt('laptop', `device-guess-${i}`, `10.45.2.${i + 1}`, device),
      ),
    );
    expect(guesses.every((r) => r.statusCode === 401)).toBe(true);
    expect(await verifiedWrong('laptop')).toBe(5 + LOGIN_POLICY.deviceLockAfter);
    expect((await attempt('laptop', PASSWORD, '10.45.3.1', device)).statusCode).toBe(401);
  });

  it('an administrator lifts a lock (users.manage, in scope), audited', async () => {
    const user = await createUser(t, {
      username: 'locked2',
      roles: ['observer'],
      areaCodes: [CITY.gridA],
    });
    for (let i = 0; i < LOGIN_POLICY.lockAfter; i++)
      await attempt('locked2', `wrong-password-${i}`, `10.46.0.${i + 1}`);
    expect((await attempt('locked2', PASSWORD, '10.46.1.1')).statusCode).toBe(401);

    const gridWorker = await login(t, 'office');
    expectRefusal(await gridWorker.post(`/api/users/${user.id}/unlock`), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await admin.post('/api/users/00000000-0000-7000-8000-000000000000/unlock'), {
      status: 404,
      code: 'not_found',
    });
    expectRefusal(await admin.post(`/api/users/${user.id}/unlock`, {}, { csrf: false }), {
      status: 403,
      code: 'csrf_failed',
    });

    const res = await admin.post(`/api/users/${user.id}/unlock`);
    expect(res.statusCode).toBe(200);
    const audit = await t.services.audit.list({ action: 'account_unlocked', limit: 10 });
    expect(audit.find((e) => e.targetId === user.id)?.actorName).toBe('root');
    expect((await attempt('locked2', PASSWORD, '10.46.1.2')).statusCode).toBe(200);
  });
});
