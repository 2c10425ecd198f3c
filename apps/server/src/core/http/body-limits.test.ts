import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import {
  CITY,
  fc,
  feature,
  rect,
  seedCity,
  userSession,
  type Session,
} from '../../../test/factories';
import { BODY_LIMITS, ROUTE_BODY_LIMITS } from './body-limits';
import { rawRequest as rawRequestTo } from '../../../test/raw-http';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let admin: Session;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'boss', roles: ['admin'] });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => t.close());

const rawRequest = (head: string, chunks: Buffer[]) => rawRequestTo(port, head, chunks);

describe('request body limits', () => {
  it('answers 413 to a login body over 4 KiB, before reading it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'boss', password: 'x'.repeat(5000) },
    });
    expectRefusal(res, { status: 413, code: 'payload_too_large' });
    // A declared 45 MB body is refused from the headers alone: the server answers without a byte of it.
    const declared = await rawRequest(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 45000000\r\n\r\n',
      [],
    );
    expect(declared).toEqual({ status: 413, sentBytes: 0 });
  });

  it('stops reading a chunked body (no Content-Length) as soon as it passes the limit', async () => {
    const chunk = Buffer.from(`400\r\n${'a'.repeat(1024)}\r\n`);
    const res = await rawRequest(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      Array(2048).fill(chunk),
    );
    expect(res.status).toBe(413);
    // 2 MiB offered; the answer comes after little more than the 4 KiB limit (socket buffers add slack).
    expect(res.sentBytes).toBeLessThan(1024 * 1024);
  });

  it('gives the public report 16 KiB and signed-in JSON routes 64 KiB', async () => {
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/public/cases',
      payload: { address: '某路', description: '很'.repeat(BODY_LIMITS.public) },
    });
    expectRefusal(report, { status: 413, code: 'payload_too_large' });
    const caseBody = {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '某路 1 号',
      description: 'x'.repeat(BODY_LIMITS.default + 10),
    };
    const big = await admin.post('/api/cases', caseBody);
    expectRefusal(big, { status: 413, code: 'payload_too_large' });
    // Under the limit the same route reads the body and validates it.
    const small = await admin.post('/api/cases', { ...caseBody, description: 'x'.repeat(3000) });
    expectRefusal(small, { status: 400, code: 'validation_failed', field: 'description' });
  });

  it('lets the area import take a multi-megabyte GeoJSON', async () => {
    const name = 'x'.repeat(2 * 1024 * 1024);
    const res = await admin.post('/api/areas/import', {
      geojson: fc([
        feature(`${CITY.communityW}01`, '网格', 'grid', rect(0, 0, 0.001, 0.001), { note: name }),
      ]),
      dryRun: true,
    });
    expect(res.statusCode).not.toBe(413);
  });

  it('lists only registered routes in the table', () => {
    const registered = new Set(t.routes.map((r) => `${r.method} ${r.url}`));
    for (const key of Object.keys(ROUTE_BODY_LIMITS)) expect(registered, key).toContain(key);
  });
});
