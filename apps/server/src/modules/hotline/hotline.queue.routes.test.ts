import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY, errorCode } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { castCases, step, type CaseCast } from '../cases/cases.test-util';
import {
  connect,
  deliveryRows,
  eventually,
  fakeCentre,
  hotlineToken,
  inbound,
  order,
  ORDERS,
  type FakeCentre,
} from './hotline.test-util';

/**
 * Around the round trip: an order entered by hand, the administrators' delivery log and redelivery, the catch-up after
 * lost events, the centre's deadline in the queue and the 督办 sweep, and what the centre's token may not do.
 */
let t: TestApp;
let cast: CaseCast;
let centre: FakeCentre;
let token: string;
let now = new Date('2026-11-30T09:00:00+08:00');
const clock = { now: () => now };
const caseOf = async (id: string) => (await cast.admin.get(`/api/cases/${id}`)).json();
const BY_HAND = 'ZZ12345-20261130-0042';

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  centre = await fakeCentre({ now: clock.now });
  connect(t, centre.url);
  token = await hotlineToken(t);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await centre?.close();
});

describe('12345 queue and log', () => {
  it('an order entered by hand by a 受理员 (新建上报, source 12345) is followed the same way', async () => {
    const res = await cast.intake.post('/api/cases', {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '文化路 3 号',
      description: '热线转来：噪音扰民',
      classCode: '06010',
      source: 'hotline_12345',
      hotline: { orderId: BY_HAND, deadline: '2026-12-04T18:00:00+08:00' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const held = () =>
      t.services.db
        .selectFrom('hotline_orders')
        .select('order_id')
        .where('case_id', '=', id)
        .executeTakeFirst();
    await eventually(async () => Boolean(await held()));
    await step(cast, cast.intake, id, 'accept');
    await eventually(async () => (await deliveryRows(t)).length === 1);
    await t.services.hotline.settled();
    expect(await t.services.hotline.deliverDue()).toMatchObject({ delivered: 1 });
    expect(centre.received.map((r) => r.body)).toEqual([
      expect.objectContaining({ type: 'accept', orderId: BY_HAND }),
    ]);
    // And the centre's later calls find it.
    const urged = await inbound(t, token, `${ORDERS}/${BY_HAND}/urge`, {});
    expect(urged.statusCode, urged.body).toBe(200);
  });

  it('shows the delivery log to administrators only, and sends a row again by hand', async () => {
    const list = await cast.admin.get('/api/hotline/deliveries?limit=100');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.configured).toEqual({ url: centre.url, secretSet: true });
    expect(JSON.stringify(body)).not.toContain('test-secret');
    const [accept] = body.items;
    expect(accept).toMatchObject({
      kind: 'accept',
      orderId: BY_HAND,
      status: 'delivered',
      attempts: 1,
      lastError: null,
      caseNo: expect.any(String),
      payload: expect.objectContaining({ type: 'accept' }),
    });
    expect((await cast.admin.get(`/api/hotline/deliveries?orderId=${BY_HAND}`)).json().total).toBe(
      1,
    );
    expect((await cast.admin.get('/api/hotline/deliveries?status=dead')).json().total).toBe(0);
    expect((await cast.intake.get('/api/hotline/deliveries')).statusCode).toBe(403);
    const r = await cast.admin.post(`/api/hotline/deliveries/${accept.id}/redeliver`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await t.services.hotline.deliverDue();
    // The same delivery id and body again: the centre drops the repeat by its id.
    expect(centre.received.map((x) => x.deliveryId)).toEqual([accept.id, accept.id]);
    expect(centre.received[1]!.body).toEqual(centre.received[0]!.body);
    expect((await cast.admin.post('/api/hotline/deliveries/nope/redeliver')).statusCode).toBe(404);
    const audit = (await cast.admin.get('/api/audit?action=hotline_redelivered')).json();
    expect(JSON.stringify(audit)).toContain(accept.id);
  });

  it('catches up on a message whose case event was lost, once the bus reports a gap', async () => {
    const [row] = await deliveryRows(t);
    // As if no process had heard the 受理.
    await t.services.db.deleteFrom('hotline_deliveries').where('id', '=', row!.id).execute();
    expect(await t.services.hotline.catchUp()).toBe(1);
    const [again] = await deliveryRows(t);
    expect(again).toMatchObject({ dedupe_key: row!.dedupe_key, status: 'pending' });
    expect(JSON.parse(again!.payload)).toEqual(JSON.parse(row!.payload));
    expect(await t.services.hotline.catchUp()).toBe(0);
  });

  it('the centre’s deadline orders the queue and raises red 督办 once it passes', async () => {
    const mine = (
      await cast.intake.post('/api/cases', {
        lng: CITY.inA[0],
        lat: CITY.inA[1],
        address: '文化路 1 号',
        description: '井盖松动',
        classCode: '06010',
      })
    ).json().id as string;
    const soon = new Date(now.getTime() + 20 * 60_000).toISOString();
    const res = await inbound(t, token, ORDERS, order('ZZ12345-20261130-0004', soon));
    const id = res.json().caseId as string;
    expect((await caseOf(id)).dueAt).toBe(soon);
    const queue = (await cast.admin.get('/api/cases?state=pending_acceptance&limit=50')).json()
      .items as { id: string }[];
    expect(queue.findIndex((x) => x.id === id)).toBeLessThan(queue.findIndex((x) => x.id === mine));
    now = new Date(now.getTime() + 30 * 60_000);
    await t.services.cases.sweep(now);
    expect((await caseOf(id)).supervisionLevel).toBe('red');
    expect((await caseOf(mine)).supervisionLevel).toBeNull();
  });

  it('the hotline token reads no cases, and a staff session without the permission makes no inbound call', async () => {
    const cases = await t.app.inject({
      method: 'GET',
      url: '/api/cases',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(cases.statusCode).toBe(403);
    const res = await cast.intake.post(
      ORDERS,
      order('ZZ12345-20261130-0009', '2026-12-03T18:00:00+08:00'),
    );
    expect(errorCode(res)).toBe('forbidden');
  });
});
