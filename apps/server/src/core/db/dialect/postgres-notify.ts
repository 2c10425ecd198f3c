import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import {
  createListenerSet,
  type BusEvent,
  type BusLog,
  type EventBus,
} from '../../events/event-bus';
import type { DB } from '../database';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more (default build). */
export const NOTIFY_PAYLOAD_MAX_BYTES = 7999;
/** Publications waiting for the database; beyond this (database down) new events are dropped, not hoarded. */
const MAX_PENDING = 1000;
const PING_EVERY_MS = 30_000;
const PING_TIMEOUT_MS = 10_000;

/**
 * The NOTIFY channel of one schema. Tests (and co-hosted deployments) put several schemas in
 * one database; a per-schema channel keeps their events apart. Channel names are identifiers,
 * at most 63 bytes, so a long schema name is replaced by its hash.
 */
export function eventChannel(schema: string | undefined): string {
  if (!schema || schema === 'public') return 'wangge_events';
  const name = `wangge_events_${schema}`;
  return Buffer.byteLength(name) <= 63
    ? name
    : `wangge_events_${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
}

/** The listener connection's application_name, so operators (and tests) can find it in pg_stat_activity. */
export const listenerName = (channel: string) => `listen ${channel}`.slice(0, 63);

export interface PostgresEventBusOptions {
  url: string;
  schema: string | undefined;
  /** The application's pool: publishing borrows a connection like any query. */
  db: Kysely<DB>;
  log: BusLog & { info(obj: object, msg: string): void };
  /** Reconnect delays of the listener: doubled per failure, from initialMs up to maxMs. */
  backoff?: { initialMs: number; maxMs: number };
}

/**
 * The bus of several server processes on one PostgreSQL database: publish is
 * `SELECT pg_notify(channel, json)`, and each process holds one dedicated connection that
 * LISTENs. Local subscribers hear events only through that connection, so every process,
 * the publishing one included, receives each event exactly once and in commit order.
 * Resolves once the first LISTEN succeeded or failed (it is then retried in the background).
 */
export async function createPostgresEventBus<E extends BusEvent>(
  opts: PostgresEventBusOptions,
): Promise<EventBus<E>> {
  const { log } = opts;
  const channel = eventChannel(opts.schema);
  const backoff = opts.backoff ?? { initialMs: 250, maxMs: 30_000 };
  const listeners = createListenerSet<E>(log);
  let client: pg.Client | null = null;
  let closed = false;
  let connectedBefore = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  // Publications run one after another so events of one process reach the channel in the order published.
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;

  function onNotification(msg: pg.Notification) {
    if (msg.channel !== channel || !msg.payload) return;
    let event: unknown;
    try {
      event = JSON.parse(msg.payload);
    } catch (err) {
      log.warn({ err }, 'unreadable event notification ignored');
      return;
    }
    if (
      typeof event !== 'object' ||
      event === null ||
      typeof (event as { type?: unknown }).type !== 'string'
    )
      return;
    // Only this application's processes publish on the channel, with the same event types.
    listeners.deliver(event as E);
  }

  /** Forgets a broken listener connection and schedules the next attempt. */
  function drop(c: pg.Client, err: unknown) {
    if (client !== c) return;
    client = null;
    log.warn({ err, channel }, 'event listener connection lost; reconnecting');
    c.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    // Jitter spreads the reconnects of many processes after a database restart.
    const delay =
      Math.min(backoff.maxMs, backoff.initialMs * 2 ** failures) * (0.5 + Math.random() / 2);
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect().then((ok) => {
        if (!ok) scheduleReconnect();
      });
    }, delay);
    retryTimer.unref();
  }

  async function connect(): Promise<boolean> {
    const c = new pg.Client({
      connectionString: opts.url,
      keepAlive: true,
      application_name: listenerName(channel),
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    // An idle client reports a lost server as an 'error' event; unhandled, it would crash the process.
    c.on('error', (err) => drop(c, err));
    c.on('end', () => drop(c, new Error('connection ended')));
    c.on('notification', onNotification);
    try {
      await c.connect();
      await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
    } catch (err) {
      log.warn({ err, channel, failures }, 'event listener could not connect');
      c.end().catch(() => {});
      return false;
    }
    if (closed) {
      await c.end().catch(() => {});
      return false;
    }
    client = c;
    failures = 0;
    if (connectedBefore) {
      log.info({ channel }, 'event listener reconnected');
      // Whatever was published while we were away is gone: tell subscribers to reload.
      listeners.gap();
    }
    connectedBefore = true;
    return true;
  }

  // A half-open TCP connection raises no error; a periodic query notices it.
  const ping = setInterval(() => {
    const c = client;
    if (!c) return;
    const timer = setTimeout(() => drop(c, new Error('ping timed out')), PING_TIMEOUT_MS);
    c.query('SELECT 1').then(
      () => clearTimeout(timer),
      (err: unknown) => {
        clearTimeout(timer);
        drop(c, err);
      },
    );
  }, PING_EVERY_MS);
  ping.unref();

  if (!(await connect())) scheduleReconnect();

  return {
    publish(event) {
      try {
        if (closed) return;
        const payload = JSON.stringify(event);
        const bytes = Buffer.byteLength(payload, 'utf8');
        if (bytes > NOTIFY_PAYLOAD_MAX_BYTES) {
          log.warn({ type: event.type, bytes }, 'event too large for NOTIFY; dropped');
          return;
        }
        if (pending >= MAX_PENDING) {
          log.warn({ type: event.type, pending }, 'event publication backlog full; dropped');
          return;
        }
        pending++;
        tail = tail
          .then(() => sql`SELECT pg_notify(${channel}, ${payload})`.execute(opts.db))
          .then(
            () => {},
            (err: unknown) => log.error({ err, type: event.type }, 'event not published'),
          )
          .finally(() => {
            pending--;
          });
      } catch (err) {
        log.error({ err }, 'event not published');
      }
    },
    subscribe: (listener, subscribeOpts) => listeners.add(listener, subscribeOpts),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(ping);
      if (retryTimer) clearTimeout(retryTimer);
      // Flush what was published before the pool closes, but never hang a shutdown on it.
      await Promise.race([tail, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      listeners.clear();
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
