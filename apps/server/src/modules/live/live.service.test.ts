import { EventEmitter } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/auth/actor';
import { scopeOf } from '../../core/auth/area-scope';
import { createListenerSet, type EventBus } from '../../core/events/event-bus';
import type { CaseChangedEvent } from '../cases';
import { createLiveService, type LiveOptions } from './live.service';
import { openSse, within } from './live.test-util';

const quiet = { warn: () => {}, error: () => {} };

/** A bus whose gaps the test triggers by hand. */
function testBus() {
  const listeners = createListenerSet<CaseChangedEvent>(quiet);
  const bus: EventBus<CaseChangedEvent> = {
    publish: (e) => listeners.deliver(e),
    subscribe: (l, o) => listeners.add(l, o),
    close: async () => listeners.clear(),
  };
  return {
    bus,
    gap: () => listeners.gap(),
    get subscribers() {
      return listeners.size;
    },
  };
}

const actor = (id = 'u1'): Actor => ({
  id,
  username: id,
  displayName: id,
  roles: [],
  permissions: new Set(['cases.read']),
  scope: scopeOf(['410101']),
  departmentId: null,
  via: 'session',
  csrfToken: null,
  sessionId: null,
  mustChangePassword: false,
});

const event: CaseChangedEvent = {
  type: 'case.changed',
  caseId: 'c1',
  caseNo: 'AJ1',
  action: 'report',
  fromState: null,
  state: 'pending_acceptance',
  gridCode: '41010100100101',
  communityCode: '410101001001',
  streetCode: '410101001',
  adminCode: '410101',
  handlingDeptId: null,
  at: '2026-03-01T08:00:00.000Z',
};

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(null));
  server = null;
});

async function serve(options: Partial<LiveOptions>, stillValid?: (a: Actor) => Promise<boolean>) {
  const t = testBus();
  const live = createLiveService(
    { events: t.bus, log: quiet, ...(stillValid ? { stillValid } : {}) },
    options,
  );
  server = createServer((_req, res) => live.stream(actor(), {}, res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { ...t, live, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('a live stream', () => {
  it('sends heartbeats, case frames and resync frames', async () => {
    const s = await serve({ heartbeatMs: 30, retryMs: 1234 });
    const stream = await openSse(s.url, '/', null);
    expect(stream.retry).toBe(1234);
    s.bus.publish(event);
    await stream.waitFor((f) => f.event === 'case');
    s.gap();
    await stream.waitFor((f) => f.event === 'resync');
    await within(
      2000,
      (async () => {
        while (!stream.comments.includes('keep-alive')) await new Promise((r) => setTimeout(r, 10));
      })(),
      'heartbeat',
    );
    stream.close();
  });

  it('ends after its maximum age, so the client reconnects and is authenticated again', async () => {
    const s = await serve({ maxAgeMs: 50 });
    const stream = await openSse(s.url, '/', null);
    await within(2000, stream.ended, 'stream end');
    expect(s.live.openCount).toBe(0);
    expect(s.subscribers).toBe(0);
  });

  it('re-checks its session every recheckMs and ends once it no longer holds (changes made by other processes)', async () => {
    let valid = true;
    let checks = 0;
    const s = await serve({ recheckMs: 40 }, async () => {
      checks++;
      return valid;
    });
    const stream = await openSse(s.url, '/', null);
    await new Promise((r) => setTimeout(r, 150));
    expect(checks).toBeGreaterThan(1);
    expect(s.live.openCount).toBe(1);
    valid = false;
    await within(2000, stream.ended, 'stream end');
    expect(s.live.openCount).toBe(0);
    expect(s.subscribers).toBe(0);
  });

  it('closeFor ends one session’s streams, or a user’s, or all of a user’s but one session', async () => {
    const t = testBus();
    const live = createLiveService({ events: t.bus, log: quiet });
    const ended: string[] = [];
    const open = (userId: string, sessionId: string) => {
      const res = Object.assign(new EventEmitter(), {
        socket: { destroyed: false, setNoDelay: () => {} },
        writableEnded: false,
        writableLength: 0,
        writeHead: () => res,
        write: () => true,
        end: () => ended.push(sessionId),
        destroy: () => {},
      });
      live.stream({ ...actor(userId), sessionId }, {}, res as unknown as ServerResponse);
    };
    open('u1', 's1');
    open('u1', 's2');
    open('u1', 's3');
    open('u2', 's4');
    live.closeFor({ userId: 'u1', sessionId: 's1' });
    expect(ended).toEqual(['s1']);
    live.closeFor({ userId: 'u1', exceptSessionId: 's3' });
    expect(ended).toEqual(['s1', 's2']);
    live.closeFor({ userId: 'u1' });
    expect(ended).toEqual(['s1', 's2', 's3']);
    expect(live.openCount).toBe(1);
  });

  it('ends every stream on closeAll and releases its subscription', async () => {
    const s = await serve({});
    const a = await openSse(s.url, '/', null);
    const b = await openSse(s.url, '/', null);
    expect(s.live.openCount).toBe(2);
    s.live.closeAll();
    await within(2000, Promise.all([a.ended, b.ended]), 'streams end');
    expect(s.live.openCount).toBe(0);
    expect(s.subscribers).toBe(0);
  });

  it('cuts off a client that does not read, instead of buffering for it', () => {
    const t = testBus();
    const live = createLiveService({ events: t.bus, log: quiet }, { maxBufferedBytes: 1000 });
    let buffered = 0;
    const writes: string[] = [];
    const res = Object.assign(new EventEmitter(), {
      socket: { destroyed: false, setNoDelay: () => {} },
      writableEnded: false,
      writeHead: () => res,
      write: (chunk: string) => writes.push(chunk),
      end: () => {},
      destroy: () => {
        res.socket.destroyed = true;
      },
    });
    // A getter: Object.assign would have copied its value once.
    Object.defineProperty(res, 'writableLength', { get: () => buffered });
    live.stream(actor(), {}, res as unknown as ServerResponse);
    t.bus.publish(event);
    expect(writes.filter((w) => w.startsWith('event: case'))).toHaveLength(1);
    buffered = 5000;
    t.bus.publish(event);
    expect(writes.filter((w) => w.startsWith('event: case'))).toHaveLength(1);
    expect(res.socket.destroyed).toBe(true);
    expect(live.openCount).toBe(0);
    expect(t.subscribers).toBe(0);
  });

  it('refuses more streams per user than allowed', () => {
    const t = testBus();
    const live = createLiveService({ events: t.bus, log: quiet }, { maxPerUser: 1 });
    const res = Object.assign(new EventEmitter(), {
      socket: { destroyed: false, setNoDelay: () => {} },
      writableEnded: false,
      writableLength: 0,
      writeHead: () => res,
      write: () => true,
      end: () => {},
      destroy: () => {},
    });
    live.admit(actor('u1'));
    live.stream(actor('u1'), {}, res as unknown as ServerResponse);
    expect(() => live.admit(actor('u1'))).toThrow(/实时连接过多/);
    expect(() => live.admit(actor('u2'))).not.toThrow();
    res.emit('close');
    expect(() => live.admit(actor('u1'))).not.toThrow();
  });
});
