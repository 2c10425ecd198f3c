import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { CITY, userSession } from '../../../test/factories';
import type { TestApp } from '../../../test/test-app';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  signedHeaders,
  TIMESTAMP_HEADER,
  verify,
} from './hotline-signature';

export const SECRET = 'test-secret-of-the-12345-centre-0123456789';

export interface Received {
  deliveryId: string;
  body: Record<string, unknown>;
  signatureOk: boolean;
  headers: IncomingHttpHeaders;
}

/**
 * A fake 12345 centre on loopback: it checks each webhook's signature with the same verify function the platform
 * uses inbound, records what arrived, and answers 500 to the first `failFirst` requests (then 200).
 */
export async function fakeCentre(
  o: { failFirst?: number; delayMs?: number; now?: () => Date } = {},
) {
  const received: Received[] = [];
  let failuresLeft = o.failFirst ?? 0;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const raw = Buffer.concat(chunks).toString('utf8');
      const check = verify(
        SECRET,
        {
          timestamp: req.headers[TIMESTAMP_HEADER] as string | undefined,
          signature: req.headers[SIGNATURE_HEADER] as string | undefined,
        },
        raw,
        o.now?.() ?? new Date(),
      );
      const answer = () => {
        if (failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(500, { 'content-type': 'text/plain' }).end('centre busy');
          return;
        }
        if (!check.ok) {
          res.writeHead(401).end(check.reason);
          return;
        }
        received.push({
          deliveryId: String(req.headers[DELIVERY_HEADER]),
          body: JSON.parse(raw) as Record<string, unknown>,
          signatureOk: check.ok,
          headers: req.headers,
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      };
      if (o.delayMs) setTimeout(answer, o.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/wangge`,
    received,
    get requests() {
      return requests;
    },
    failNext(n: number) {
      failuresLeft = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeCentre = Awaited<ReturnType<typeof fakeCentre>>;

/** Connects the app to the centre (configuration is read at each use). */
export function connect(t: TestApp, url: string): void {
  t.config.hotline = { url, secret: SECRET, publicUrl: 'https://wangge.example.test/' };
}

/** The centre's account (role 'hotline', the whole district) and an API token made by it. */
export async function hotlineToken(t: TestApp, username = 'centre12345'): Promise<string> {
  const s = await userSession(t, { username, roles: ['hotline'], areaCodes: [CITY.district] });
  const res = await s.post('/api/auth/tokens', {
    name: '12345 对接',
    permissions: ['hotline.inbound'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}

/** An inbound call from the centre: bearer token, signed unless told otherwise. */
export function inbound(
  t: TestApp,
  token: string,
  url: string,
  body: unknown,
  o: { now?: Date; headers?: Record<string, string>; unsigned?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const raw = JSON.stringify(body);
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(o.unsigned ? {} : signedHeaders(SECRET, raw, o.now ?? t.services.clock.now())),
      ...o.headers,
    },
    payload: raw,
  });
}

/** Waits until `check` holds (events reach listeners asynchronously, by NOTIFY on PostgreSQL). */
export async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const ORDERS = '/api/hotline/inbound/orders';

/** A 派单 body at a point of the test city. */
export const order = (orderId: string, deadline: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  deadline,
  lng: CITY.inA[0],
  lat: CITY.inA[1],
  address: '西社区文化路 12 号门前',
  description: '市民来电：路边堆放生活垃圾多日无人清运',
  classCode: '06010',
  ...extra,
});

export const deliveryRows = (t: TestApp) =>
  t.services.db.selectFrom('hotline_deliveries').selectAll().orderBy('seq').execute();
