import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type WanggeApp } from '../../app';
import { openDatabase, type Database } from '../../core/db/database';
import { migrateToLatest } from '../../core/db/migrate';
import { CITY } from '../../../test/factories';
import { createTestApp, TEST_DB_KIND, type TestApp } from '../../../test/test-app';
import { castCases, step, type CaseCast } from '../cases/cases.test-util';
import {
  connect,
  deliveryRows,
  eventually,
  fakeCentre,
  hotlineToken,
  inbound,
  type FakeCentre,
} from './hotline.test-util';

/**
 * Two app instances on one database, as two server processes would be (on PostgreSQL both hear every case change
 * by NOTIFY and both enqueue; on SQLite only the writer's process hears it): each message is queued once and
 * delivered once, however the two senders race.
 */
let t: TestApp;
let second: { app: WanggeApp; database: Database };
let cast: CaseCast;
let centre: FakeCentre;
let token: string;
const ORDERS = 12;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  // The centre answers slowly, so the two senders' passes overlap.
  centre = await fakeCentre({ delayMs: 15 });
  connect(t, centre.url);
  token = await hotlineToken(t);
  const database = openDatabase(t.config.database);
  const schemaVersion = await migrateToLatest(database.db, database.schema);
  const app = await createApp({ config: t.config, database, schemaVersion });
  second = { app, database };
}, 60_000);
afterAll(async () => {
  await second?.app.app.close();
  await second?.database.close();
  await t?.close();
  await centre?.close();
});

describe('delivery across two processes', () => {
  it('sends every message exactly once while both instances run passes at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const res = await inbound(t, token, '/api/hotline/inbound/orders', {
        orderId: `ZZ12345-MULTI-${String(i).padStart(3, '0')}`,
        deadline: '2026-12-31T18:00:00+08:00',
        lng: CITY.inA[0],
        lat: CITY.inA[1],
        address: '西社区文化路 12 号',
        description: '市民来电：路灯不亮',
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().caseId as string);
    }
    // 接单 and then 立案 for each: two messages per order, in order.
    for (const id of ids) await step(cast, cast.intake, id, 'accept');
    for (const id of ids)
      await step(cast, cast.shift, id, 'register', {
        classCode: '06010',
        conditionId: cast.conditionId,
      });
    await eventually(async () => (await deliveryRows(t)).length >= 2 * ORDERS);
    await t.services.hotline.settled();
    await second.app.services.hotline.settled();
    // On PostgreSQL the second instance heard every change too and tried to enqueue the same messages.
    if (TEST_DB_KIND === 'postgres') {
      for (const id of ids) await second.app.services.hotline.sync(id);
    }
    expect((await deliveryRows(t)).length).toBe(2 * ORDERS);

    const a = t.services.hotline;
    const b = second.app.services.hotline;
    for (let round = 0; round < 20; round++) {
      const [x, y, z] = await Promise.all([a.deliverDue(4), b.deliverDue(4), b.deliverDue(4)]);
      if (x.claimed + y.claimed + z.claimed === 0) break;
    }
    const rows = await deliveryRows(t);
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
    const byId = new Map<string, number>();
    for (const r of centre.received) byId.set(r.deliveryId, (byId.get(r.deliveryId) ?? 0) + 1);
    expect(centre.received).toHaveLength(2 * ORDERS);
    expect([...byId.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(byId.keys())).toEqual(new Set(rows.map((r) => r.id)));
    // Each order heard 接单 before its 立案 progress.
    for (let i = 0; i < ORDERS; i++) {
      const orderId = `ZZ12345-MULTI-${String(i).padStart(3, '0')}`;
      expect(
        centre.received.filter((r) => r.body.orderId === orderId).map((r) => r.body.type),
      ).toEqual(['accept', 'progress']);
    }
  }, 60_000);

  it('takes over a row whose sender died mid-attempt once its lease has run out, and only then', async () => {
    const [row] = await deliveryRows(t);
    // A process claimed the row and vanished: its lease runs for a minute.
    const until = new Date(Date.now() + 60_000).toISOString();
    await t.services.db
      .updateTable('hotline_deliveries')
      .set({ status: 'delivering', lease_token: 'dead-process', lease_until: until })
      .where('id', '=', row!.id)
      .execute();
    expect((await second.app.services.hotline.deliverDue()).claimed).toBe(0);
    await t.services.db
      .updateTable('hotline_deliveries')
      .set({ lease_until: new Date(Date.now() - 1_000).toISOString() })
      .where('id', '=', row!.id)
      .execute();
    expect(await second.app.services.hotline.deliverDue()).toMatchObject({
      claimed: 1,
      delivered: 1,
    });
    expect(centre.received.filter((r) => r.deliveryId === row!.id)).toHaveLength(2);
  });
});
