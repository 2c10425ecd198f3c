import { afterAll, beforeAll, expect, it } from 'vitest';
import { CITY } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { castCases, step } from '../cases/cases.test-util';
import {
  connect,
  eventually,
  deliveryRows,
  fakeCentre,
  hotlineToken,
  inbound,
  SECRET,
  type FakeCentre,
} from './hotline.test-util';

/** The shared secret is configuration: no log line, answer or log row carries it, whatever fails. */
let t: TestApp;
let centre: FakeCentre;
const lines: string[] = [];

beforeAll(async () => {
  t = await createTestApp({
    logger: { level: 'trace', stream: { write: (s: string) => void lines.push(s) } },
  });
  centre = await fakeCentre({ failFirst: 1 });
  connect(t, centre.url);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await centre?.close();
});

it('never logs or shows the secret: refused calls, failed and successful deliveries, the admin log', async () => {
  const cast = await castCases(t);
  const token = await hotlineToken(t);
  const order = {
    orderId: 'ZZ12345-SECRET-1',
    deadline: '2026-12-31T18:00:00+08:00',
    lng: CITY.inA[0],
    lat: CITY.inA[1],
    address: '文化路 5 号',
    description: '市民来电：井盖松动',
  };
  const bad = await inbound(t, token, '/api/hotline/inbound/orders', order, {
    headers: { 'x-wangge-signature': `sha256=${'0'.repeat(64)}` },
  });
  expect(bad.statusCode).toBe(401);
  const ok = await inbound(t, token, '/api/hotline/inbound/orders', order);
  expect(ok.statusCode, ok.body).toBe(201);
  await step(cast, cast.intake, ok.json().caseId, 'accept');
  await eventually(async () => (await deliveryRows(t)).length > 0);
  await t.services.hotline.deliverDue(); // fails (500)
  await t.services.db
    .updateTable('hotline_deliveries')
    .set({ next_attempt_at: '2000-01-01T00:00:00.000Z' })
    .execute();
  await t.services.hotline.deliverDue(); // arrives
  expect(centre.received).toHaveLength(1);
  const log = await cast.admin.get('/api/hotline/deliveries');
  expect(lines.length).toBeGreaterThan(0);
  for (const text of [
    lines.join('\n'),
    bad.body,
    ok.body,
    log.body,
    JSON.stringify(await deliveryRows(t)),
  ])
    expect(text).not.toContain(SECRET);
});
