import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, login, seedCity, type Session } from '../../../test/factories';
import { openSse, within, type SseStream } from './live.test-util';

// Issue 9, finding 12: a live stream ends when its session does (logout) or its user's access changes (disabled,
// roles, areas), not ~15 minutes later.

let t: TestApp;
let base: string;
let admin: Session;
const streams: SseStream[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  await createUser(t, { username: 'root', roles: ['admin'] });
  admin = await login(t, 'root');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.close();
});

async function stream(s: Session): Promise<SseStream> {
  const opened = await openSse(base, '/api/live/cases', s.cookie);
  expect(opened.status).toBe(200);
  streams.push(opened);
  return opened;
}
const stillOpen = async (s: SseStream) => {
  const late = await Promise.race([
    s.ended.then(() => 'ended'),
    new Promise((r) => setTimeout(() => r('open'), 300)),
  ]);
  expect(late).toBe('open');
};

describe('live streams end with the access they were opened under', () => {
  it('logout ends the streams of that session, not those of the user’s other sessions', async () => {
    await createUser(t, { username: 'leaver', roles: ['observer'], areaCodes: [CITY.district] });
    const s1 = await login(t, 'leaver');
    const s2 = await login(t, 'leaver');
    const a = await stream(s1);
    const b = await stream(s2);
    expect((await s1.post('/api/auth/logout')).statusCode).toBe(200);
    await within(2000, a.ended, 'stream of the logged-out session');
    await stillOpen(b);
  });

  it('disabling the account ends all its streams', async () => {
    const u = await createUser(t, {
      username: 'disabled1',
      roles: ['observer'],
      areaCodes: [CITY.district],
    });
    const a = await stream(await login(t, 'disabled1'));
    const b = await stream(await login(t, 'disabled1'));
    expect((await admin.patch(`/api/users/${u.id}`, { status: 'disabled' })).statusCode).toBe(200);
    await within(2000, Promise.all([a.ended, b.ended]), 'streams of the disabled account');
  });

  it('a change of roles or areas ends the streams (the client reconnects under the new scope)', async () => {
    const u = await createUser(t, {
      username: 'moved',
      roles: ['observer'],
      areaCodes: [CITY.district],
    });
    const s = await login(t, 'moved');
    const a = await stream(s);
    expect((await admin.patch(`/api/users/${u.id}`, { areaCodes: [CITY.gridA] })).statusCode).toBe(
      200,
    );
    await within(2000, a.ended, 'stream after the scope change');
    const again = await stream(s);
    expect((await admin.patch(`/api/users/${u.id}`, { displayName: '改名' })).statusCode).toBe(200);
    await stillOpen(again);
  });

  it('the re-check sees a session ended elsewhere (another process on the same database)', async () => {
    await createUser(t, { username: 'elsewhere', roles: ['observer'], areaCodes: [CITY.district] });
    const s = await login(t, 'elsewhere');
    const a = await stream(s);
    const actor = (await t.services.auth.resolveActor({
      headers: {},
      cookies: { wangge_session: s.cookie.split('=')[1]! },
    } as never))!;
    expect(await t.services.auth.stillValid(actor)).toBe(true);
    await t.services.db.deleteFrom('sessions').where('id', '=', actor.sessionId!).execute();
    expect(await t.services.auth.stillValid(actor)).toBe(false);
    a.close();
  });
});
