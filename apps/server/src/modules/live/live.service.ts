import type { ServerResponse } from 'node:http';
import type { Actor } from '../../core/auth/actor';
import { AppError } from '../../core/errors';
import type { BusLog, EventBus } from '../../core/events/event-bus';
import type { CaseChangedEvent } from '../cases';
import {
  caseEventVisible,
  isCaseChangedEvent,
  presentCaseEvent,
  type LiveCasesFilter,
} from './live-filter';

export interface LiveOptions {
  /** A comment line this often keeps proxies and NAT from closing an idle stream. */
  heartbeatMs: number;
  /** The `retry:` hint: how long EventSource waits before reconnecting. */
  retryMs: number;
  /**
   * Streams end after about this long; the browser reconnects at once and is authenticated
   * again, so a revoked session or a narrowed scope stops receiving events.
   */
  maxAgeMs: number;
  /** Browsers allow ~6 HTTP/1.1 connections per host; more streams per user would starve their other requests. */
  maxPerUser: number;
  maxTotal: number;
  /** A client that lets this much pile up unread is cut off instead of growing the server's memory. */
  maxBufferedBytes: number;
  /**
   * How often each stream asks whether its session (or token) and the user's roles and scope still hold. Logout and
   * account changes in this process end streams at once; this catches those made by other processes.
   */
  recheckMs: number;
}

export const LIVE_DEFAULTS: LiveOptions = {
  heartbeatMs: 20_000,
  retryMs: 3_000,
  maxAgeMs: 15 * 60_000,
  maxPerUser: 5,
  maxTotal: 2_000,
  maxBufferedBytes: 256 * 1024,
  recheckMs: 60_000,
};

const HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  // The socket closes with the stream, so shutting down never waits for a kept-alive connection.
  connection: 'close',
  // nginx would otherwise buffer the stream.
  'x-accel-buffering': 'no',
};

/** Server-sent event streams of case changes, each filtered for its viewer. */
export interface LiveDeps {
  events: EventBus<CaseChangedEvent>;
  log: BusLog;
  /** Whether the stream's actor still holds (the auth module; a late-bound function). Absent: never re-checked. */
  stillValid?: (actor: Actor) => Promise<boolean>;
}

export function createLiveService(deps: LiveDeps, options: Partial<LiveOptions> = {}) {
  const o: LiveOptions = { ...LIVE_DEFAULTS, ...options };
  const open = new Map<
    ServerResponse,
    { userId: string; sessionId: string | null; end: () => void }
  >();
  const countFor = (userId: string) => [...open.values()].filter((s) => s.userId === userId).length;

  return {
    /** Refuses a stream over the limits before anything is written, so the refusal is an ordinary JSON error. */
    admit(actor: Actor): void {
      if (open.size >= o.maxTotal || countFor(actor.id) >= o.maxPerUser)
        throw new AppError('rate_limited', '实时连接过多，请关闭其他页面后重试');
    },

    /** Takes over a raw response for good: it ends when the client leaves, the stream ages out or the server closes. */
    stream(actor: Actor, filter: LiveCasesFilter, res: ServerResponse): void {
      const viewer = { scope: actor.scope, departmentId: actor.departmentId };
      res.writeHead(200, HEADERS);
      res.socket?.setNoDelay(true);
      let ended = false;
      const write = (chunk: string) => {
        if (ended) return;
        if (res.writableLength > o.maxBufferedBytes) {
          deps.log.warn(
            { userId: actor.id, buffered: res.writableLength },
            'live stream client too slow; disconnected',
          );
          cleanup();
          res.destroy();
          return;
        }
        res.write(chunk);
      };
      const unsubscribe = deps.events.subscribe(
        (e) => {
          if (isCaseChangedEvent(e) && caseEventVisible(viewer, filter, e))
            write(`event: case\ndata: ${JSON.stringify(presentCaseEvent(e))}\n\n`);
        },
        { onGap: () => write('event: resync\ndata: {}\n\n') },
      );
      const heartbeat = setInterval(() => write(': keep-alive\n\n'), o.heartbeatMs);
      // Jitter, so streams opened together (after a restart) do not all reconnect together.
      const maxAge = setTimeout(() => end(), o.maxAgeMs * (0.9 + Math.random() / 5));
      // Jittered like the maximum age, so streams do not all query together.
      const recheck = deps.stillValid
        ? setInterval(() => void check(), o.recheckMs * (0.9 + Math.random() / 10))
        : null;
      heartbeat.unref();
      maxAge.unref();
      recheck?.unref();

      async function check() {
        const valid = await deps.stillValid!(actor).catch((err: unknown) => {
          deps.log.warn(
            { err, userId: actor.id },
            'live stream re-check failed; ending the stream',
          );
          return false;
        });
        if (!valid) end();
      }

      function cleanup() {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(maxAge);
        if (recheck) clearInterval(recheck);
        open.delete(res);
      }
      function end() {
        cleanup();
        if (!res.writableEnded) res.end();
      }
      open.set(res, { userId: actor.id, sessionId: actor.sessionId, end });
      res.on('close', cleanup);
      // A write to a vanished client errors on the response; the stream is simply over.
      res.on('error', cleanup);

      // The client may have left while the request was being authenticated: 'close' has then already fired.
      if (res.socket?.destroyed ?? true) return cleanup();
      // The first frame tells the client the subscription is live: it may now (re)load its list.
      write(`retry: ${o.retryMs}\n: connected\n\n`);
    },

    /**
     * Ends the streams of a session that ended (logout), or of a user whose access changed (all of them, or all but
     * the session that changed the password). A client still signed in reconnects with its new rights.
     */
    closeFor(who: {
      userId: string;
      sessionId?: string | null;
      exceptSessionId?: string | null;
    }): void {
      for (const s of [...open.values()]) {
        if (s.userId !== who.userId) continue;
        if (who.sessionId && s.sessionId !== who.sessionId) continue;
        if (who.exceptSessionId && s.sessionId === who.exceptSessionId) continue;
        s.end();
      }
    },

    /** Ends every stream (server shutdown); clients reconnect to another process or after the restart. */
    closeAll(): void {
      for (const s of [...open.values()]) s.end();
    },

    get openCount(): number {
      return open.size;
    },
  };
}
export type LiveService = ReturnType<typeof createLiveService>;
