import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { castCases, photo, step, type CaseCast } from '../cases/cases.test-util';
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './hotline-signature';
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
 * The 12345 round trip against a fake centre on loopback: 派单 in, 接单 out (after the centre failed twice),
 * 办理进度 and 回单 out, 回访 in; signatures checked both ways; 退回, 催办, 督办 and 撤回. The queue, the log and the
 * centre's deadline are in hotline.queue.routes.test.ts.
 */
let t: TestApp;
let cast: CaseCast;
let centre: FakeCentre;
let token: string;
let now = new Date('2026-11-30T09:00:00+08:00');
const clock = { now: () => now };
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};
const caseOf = async (id: string) => (await cast.admin.get(`/api/cases/${id}`)).json();
/**
 * Waits until `rows` messages are queued in all (case events reach listeners asynchronously: by NOTIFY on
 * PostgreSQL), then runs one sending pass.
 */
const flush = async (rows: number) => {
  await eventually(async () => (await deliveryRows(t)).length >= rows);
  await t.services.hotline.settled();
  return t.services.hotline.deliverDue();
};
const sentTo = (orderId: string) =>
  centre.received.filter((r) => r.body.orderId === orderId).map((r) => r.body);

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

describe('12345 round trip', () => {
  let caseId = '';

  it('派单: a signed order from the centre becomes a hotline case; a re-sent order answers the same case', async () => {
    const res = await inbound(
      t,
      token,
      ORDERS,
      order('ZZ12345-20261130-0001', '2026-12-02T18:00:00+08:00'),
    );
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
    expect(await caseOf(caseId)).toMatchObject({
      source: 'hotline_12345',
      state: 'pending_acceptance',
      externalId: 'ZZ12345-20261130-0001',
      externalDeadline: '2026-12-02T10:00:00.000Z',
    });
    const again = await inbound(
      t,
      token,
      ORDERS,
      order('ZZ12345-20261130-0001', '2026-12-02T18:00:00+08:00'),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ caseId, created: false });
    // Nothing to tell the centre yet: the order is only received.
    await flush(0);
    expect(await deliveryRows(t)).toEqual([]);
  });

  it('接单 goes out signed when the 受理员 accepts, retried with backoff after the centre failed twice', async () => {
    centre.failNext(2);
    await step(cast, cast.intake, caseId, 'accept');
    expect(await flush(1)).toMatchObject({ claimed: 1, delivered: 0, failed: 1 });
    let [row] = await deliveryRows(t);
    expect(row).toMatchObject({
      kind: 'accept',
      status: 'pending',
      attempts: 1,
      last_status_code: 500,
    });
    expect(row!.last_error).toContain('HTTP 500');
    // Not due again before its backoff (at least half of the 5 s base step).
    expect(await t.services.hotline.deliverDue()).toMatchObject({ claimed: 0 });
    const firstWait = Date.parse(row!.next_attempt_at) - now.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(2_500);
    expect(firstWait).toBeLessThanOrEqual(5_000);
    later(1);
    expect(await t.services.hotline.deliverDue()).toMatchObject({ failed: 1 });
    [row] = await deliveryRows(t);
    const secondWait = Date.parse(row!.next_attempt_at) - now.getTime();
    expect(secondWait).toBeGreaterThanOrEqual(5_000);
    expect(secondWait).toBeLessThanOrEqual(10_000);
    later(1);
    expect(await t.services.hotline.deliverDue()).toMatchObject({ delivered: 1 });
    [row] = await deliveryRows(t);
    expect(row).toMatchObject({
      status: 'delivered',
      attempts: 3,
      last_error: null,
      last_status_code: 200,
    });
    expect(centre.requests).toBe(3);
    expect(sentTo('ZZ12345-20261130-0001')).toEqual([
      expect.objectContaining({
        type: 'accept',
        orderId: 'ZZ12345-20261130-0001',
        caseNo: expect.any(String),
      }),
    ]);
    expect(centre.received[0]!.signatureOk).toBe(true);
    expect(centre.received[0]!.deliveryId).toBe(row!.id);
  });

  it('办理进度 and 回单 follow the case to 结案, in order, the 回单 with the result and photo links', async () => {
    const { intake, shift, dispatcher, handler, inspector } = cast;
    await step(cast, shift, caseId, 'register', {
      classCode: '06010',
      conditionId: cast.conditionId,
    });
    await step(cast, dispatcher, caseId, 'dispatch', { departmentId: cast.deptId });
    await step(cast, handler, caseId, 'acknowledge');
    const after = await photo(t, handler);
    await step(cast, handler, caseId, 'submit_feedback', {
      result: '已清运，地面已冲洗',
      photos: [after],
    });
    await step(cast, dispatcher, caseId, 'accept_feedback');
    await step(cast, intake, caseId, 'send_check', { assigneeId: cast.inspectorId });
    await step(cast, inspector, caseId, 'check_pass', { photos: [await photo(t, inspector)] });
    await step(cast, shift, caseId, 'close', { closeReason: 'fixed' });
    await flush(8);
    const sent = sentTo('ZZ12345-20261130-0001');
    expect(sent.map((m) => (m.type === 'progress' ? m.step : m.type))).toEqual([
      'accept',
      'register',
      'dispatch',
      'acknowledge',
      'submit_feedback',
      'accept_feedback',
      'check_pass',
      'reply',
    ]);
    const reply = sent.at(-1)!;
    expect(reply).toMatchObject({
      type: 'reply',
      closeReason: 'fixed',
      result: '已清运，地面已冲洗',
    });
    const photos = reply.photos as string[];
    expect(photos).toHaveLength(2);
    expect(photos[0]).toBe(
      `https://wangge.example.test/api/attachments/${after}/file?variant=public`,
    );
    expect(sent.find((m) => m.step === 'dispatch')).toMatchObject({
      stepName: '派遣',
      state: 'handling',
    });
    // Heard again (another process, a later change): nothing is queued twice.
    await t.services.hotline.sync(caseId);
    expect((await deliveryRows(t)).length).toBe(8);
  });

  it('refuses an inbound call with a bad signature, a stale timestamp or none, and changes nothing', async () => {
    const url = `${ORDERS}/ZZ12345-20261130-0001/visit`;
    const body = { satisfaction: 'satisfied' };
    const raw = JSON.stringify(body);
    const ts = Math.floor(now.getTime() / 1000);
    const bad = await inbound(t, token, url, body, {
      headers: { [SIGNATURE_HEADER]: sign('not-the-secret-not-the-secret-000000', ts, raw) },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toMatchObject({ code: 'unauthenticated', field: SIGNATURE_HEADER });
    // Signed correctly, but six minutes old: a replay.
    const stale = await inbound(t, token, url, body, { now: new Date(now.getTime() - 6 * 60_000) });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error).toMatchObject({ field: TIMESTAMP_HEADER });
    expect(stale.json().error.message).toContain('5 分钟');
    // The signature covers the body: the same headers over another body fail.
    const other = await inbound(t, token, url, body, {
      headers: {
        [TIMESTAMP_HEADER]: String(ts),
        [SIGNATURE_HEADER]: sign(
          'test-secret-of-the-12345-centre-0123456789',
          ts,
          '{"satisfaction":"dissatisfied"}',
        ),
      },
    });
    expect(other.statusCode).toBe(401);
    const unsigned = await inbound(t, token, url, body, { unsigned: true });
    expect(unsigned.statusCode).toBe(401);
    expect((await caseOf(caseId)).rating).toBeNull();
  });

  it('回访: 不满意 is recorded as the 评价 and opens the reopen request', async () => {
    const res = await inbound(t, token, `${ORDERS}/ZZ12345-20261130-0001/visit`, {
      satisfaction: 'dissatisfied',
      comment: '回访时垃圾又堆起来了',
      reopen: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      caseId,
      state: 'closed',
      applied: ['rate', 'request_reopen'],
    });
    const c = await caseOf(caseId);
    expect(c.rating).toBe('dissatisfied');
    expect(c.pendingRequests).toEqual([expect.objectContaining({ type: 'reopen' })]);
    // A second 回访 of the same order is refused by the workflow (already rated), with its reason.
    const twice = await inbound(t, token, `${ORDERS}/ZZ12345-20261130-0001/visit`, {
      satisfaction: 'satisfied',
    });
    expect(twice.statusCode, twice.body).toBe(409);
  });

  it('退回: a declined order goes back to the centre with the reason', async () => {
    const res = await inbound(
      t,
      token,
      ORDERS,
      order('ZZ12345-20261130-0002', '2026-12-03T18:00:00+08:00'),
    );
    const id = res.json().caseId;
    await step(cast, cast.intake, id, 'reject', { reason: '不属于本区管辖，请转市水务' });
    await flush(9);
    expect(sentTo('ZZ12345-20261130-0002')).toEqual([
      expect.objectContaining({ type: 'return', reason: '不属于本区管辖，请转市水务' }),
    ]);
  });

  it('催办, 督办 and 撤回 from the centre act on the case as the 12345 role', async () => {
    const res = await inbound(
      t,
      token,
      ORDERS,
      order('ZZ12345-20261130-0003', '2026-12-03T18:00:00+08:00'),
    );
    const id = res.json().caseId;
    const base = `${ORDERS}/ZZ12345-20261130-0003`;
    expect((await inbound(t, token, `${base}/urge`, { note: '市民再次来电' })).statusCode).toBe(
      200,
    );
    const sup = await inbound(t, token, `${base}/supervise`, { note: '热线督办：请今日处理' });
    expect(sup.statusCode, sup.body).toBe(200);
    expect((await caseOf(id)).supervisionLevel).toBe('normal');
    const w = await inbound(t, token, `${base}/withdraw`, { reason: '市民已自行解决' });
    expect(w.json()).toMatchObject({ state: 'rejected', applied: ['withdraw'] });
    // An order we never had, and a body out of shape: clear 4xx.
    const none = await inbound(t, token, `${ORDERS}/ZZ12345-NOPE/urge`, {});
    expect(none.statusCode).toBe(404);
    expect(none.json().error.field).toBe('orderId');
    const badBody = await inbound(t, token, `${ORDERS}/ZZ12345-20261130-0003/visit`, {
      satisfaction: 'great',
    });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().error.field).toContain('satisfaction');
  });
});
