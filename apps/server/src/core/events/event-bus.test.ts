import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../../../test/test-app';
import { openDatabase, type Database } from '../db/database';
import { dropPostgresSchema, resetPostgresSchema } from '../db/dialect';
import { createPostgresEventBus, eventChannel, listenerName } from '../db/dialect/postgres-notify';
import { createInProcessEventBus, type BusEvent, type EventBus } from './event-bus';

interface TestEvent extends BusEvent {
  type: 'test';
  n: number;
  pad?: string;
}

function recordingLog() {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, msg, obj });
  return { lines, warn: at('warn'), error: at('error'), info: at('info') };
}

/** Collects what a subscriber hears; waitFor is bounded. */
function collector<E extends BusEvent>(bus: EventBus<E>) {
  const got: E[] = [];
  let gaps = 0;
  bus.subscribe((e) => void got.push(e), { onGap: () => void gaps++ });
  return {
    got,
    get gaps() {
      return gaps;
    },
    async until(done: () => boolean, what: string, ms = 10_000) {
      const start = Date.now();
      while (!done()) {
        if (Date.now() - start > ms)
          throw new Error(`${what}: not within ${ms} ms (got ${JSON.stringify(got)})`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

describe('in-process event bus', () => {
  it('delivers after the publisher returns, in order, to every subscriber until it unsubscribes', async () => {
    const bus = createInProcessEventBus<TestEvent>(recordingLog());
    const a = collector(bus);
    const seen: number[] = [];
    const unsubscribe = bus.subscribe((e) => void seen.push(e.n));
    bus.publish({ type: 'test', n: 1 });
    expect(a.got).toEqual([]);
    bus.publish({ type: 'test', n: 2 });
    await a.until(() => a.got.length === 2, 'two events');
    expect(a.got.map((e) => e.n)).toEqual([1, 2]);
    expect(seen).toEqual([1, 2]);
    unsubscribe();
    bus.publish({ type: 'test', n: 3 });
    await a.until(() => a.got.length === 3, 'third event');
    expect(seen).toEqual([1, 2]);
  });

  it('isolates a failing listener and ignores publications after close', async () => {
    const log = recordingLog();
    const bus = createInProcessEventBus<TestEvent>(log);
    bus.subscribe(() => {
      throw new Error('boom');
    });
    const a = collector(bus);
    bus.publish({ type: 'test', n: 1 });
    await a.until(() => a.got.length === 1, 'delivery despite a failing listener');
    expect(log.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    await bus.close();
    expect(() => bus.publish({ type: 'test', n: 2 })).not.toThrow();
  });
});

describe('event channel names', () => {
  it('are per schema and stay within PostgreSQL’s 63-byte identifiers', () => {
    expect(eventChannel(undefined)).toBe('wangge_events');
    expect(eventChannel('public')).toBe('wangge_events');
    expect(eventChannel('t_1_abc_0')).toBe('wangge_events_t_1_abc_0');
    const long1 = eventChannel('s'.repeat(60));
    const long2 = eventChannel(`${'s'.repeat(59)}x`);
    expect(Buffer.byteLength(long1)).toBeLessThanOrEqual(63);
    expect(long1).not.toBe(long2);
  });
});

describe.skipIf(TEST_DB_KIND !== 'postgres')('PostgreSQL event bus (LISTEN/NOTIFY)', () => {
  const url = process.env.DATABASE_URL!;
  const schemas = [
    `ev_${process.pid}_${Date.now().toString(36)}_a`,
    `ev_${process.pid}_${Date.now().toString(36)}_b`,
  ] as const;
  let dbA: Database;
  let dbB: Database;
  const buses: EventBus<TestEvent>[] = [];
  const log = recordingLog();
  const bus = async (db: Database) => {
    const b = await createPostgresEventBus<TestEvent>({
      url,
      schema: db.schema,
      db: db.db,
      log,
      backoff: { initialMs: 20, maxMs: 200 },
    });
    buses.push(b);
    return b;
  };

  beforeAll(async () => {
    for (const s of schemas) await resetPostgresSchema(url, s);
    dbA = openDatabase({ kind: 'postgres', url, schema: schemas[0] });
    dbB = openDatabase({ kind: 'postgres', url, schema: schemas[1] });
  });
  afterAll(async () => {
    for (const b of buses) await b.close();
    await dbA?.close();
    await dbB?.close();
    for (const s of schemas) await dropPostgresSchema(url, s);
  });

  it('gives every process on the schema each event exactly once, the publisher included, and no other schema', async () => {
    const p1 = await bus(dbA);
    const p2 = await bus(dbA);
    const other = await bus(dbB);
    const [c1, c2, cOther] = [collector(p1), collector(p2), collector(other)];
    for (let n = 1; n <= 5; n++) p1.publish({ type: 'test', n });
    p2.publish({ type: 'test', n: 6 });
    other.publish({ type: 'test', n: 100 });
    await c1.until(() => c1.got.length >= 6, 'process 1');
    await c2.until(() => c2.got.length >= 6, 'process 2');
    await cOther.until(() => cOther.got.length >= 1, 'other schema');
    // A short pause shows nothing arrives twice.
    await new Promise((r) => setTimeout(r, 100));
    expect(c1.got.map((e) => e.n).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    // One process's publications keep their order, and every process hears the same (commit) order.
    expect(c1.got.map((e) => e.n).filter((n) => n <= 5)).toEqual([1, 2, 3, 4, 5]);
    expect(c2.got.map((e) => e.n)).toEqual(c1.got.map((e) => e.n));
    expect(cOther.got.map((e) => e.n)).toEqual([100]);
  });

  it('drops an event too large for NOTIFY, and anything unserialisable, without throwing', async () => {
    const p = await bus(dbA);
    const c = collector(p);
    expect(() => p.publish({ type: 'test', n: 1, pad: 'x'.repeat(9000) })).not.toThrow();
    const circular = { type: 'test', n: 2 } as TestEvent & { self?: unknown };
    circular.self = circular;
    expect(() => p.publish(circular)).not.toThrow();
    p.publish({ type: 'test', n: 3 });
    await c.until(() => c.got.length >= 1, 'small event');
    expect(c.got.map((e) => e.n)).toEqual([3]);
    expect(log.lines.some((l) => l.msg.includes('too large'))).toBe(true);
  });

  it('flushes publications on close', async () => {
    const p = await bus(dbA);
    const listener = await bus(dbA);
    const c = collector(listener);
    p.publish({ type: 'test', n: 42 });
    await p.close();
    await c.until(() => c.got.some((e) => e.n === 42), 'event published just before close');
  });

  it('reconnects a killed listener connection, LISTENs again and reports the gap', async () => {
    const p = await bus(dbB);
    const c = collector(p);
    // pg_terminate_backend in the select list runs only for the filtered rows (in WHERE it could run for any).
    const killed = await sql<{
      ok: boolean;
    }>`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = ${listenerName(eventChannel(schemas[1]))}`.execute(
      dbB.db,
    );
    expect(killed.rows.length).toBeGreaterThanOrEqual(1);
    expect(killed.rows.every((r) => r.ok)).toBe(true);
    await c.until(() => c.gaps >= 1, 'gap after reconnect');
    p.publish({ type: 'test', n: 7 });
    await c.until(() => c.got.some((e) => e.n === 7), 'event after reconnect');
    expect(log.lines.some((l) => l.msg.includes('connection lost'))).toBe(true);
  });
});
