import { existsSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { errorCode, userSession, type Session } from '../../../test/factories';
import type { Clock } from '../../core/clock';
import { ROUTE_BODY_LIMITS } from '../../core/http/body-limits';
import { box, ftyp, mp4 } from './attachments.test-util';
import { rawRequest } from '../../../test/raw-http';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let alice: Session;
let bob: Session;
let now = new Date('2026-12-07T09:00:00Z');
const clock: Clock = { now: () => now };
const QUOTA_MB = 1;

beforeAll(async () => {
  const before = process.env.WANGGE_UPLOAD_QUOTA_MB;
  process.env.WANGGE_UPLOAD_QUOTA_MB = String(QUOTA_MB);
  try {
    t = await createTestApp({ clock });
  } finally {
    if (before === undefined) delete process.env.WANGGE_UPLOAD_QUOTA_MB;
    else process.env.WANGGE_UPLOAD_QUOTA_MB = before;
  }
  alice = await userSession(t, { username: 'alice', roles: ['inspector'] });
  bob = await userSession(t, { username: 'bob', roles: ['inspector'] });
});
afterAll(async () => t.close());

const upload = (s: Session, payload: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'video/mp4' },
    payload,
  });

describe('video container check', () => {
  it('accepts a complete minimal MP4 built from boxes', async () => {
    const res = await upload(alice, mp4(200, 1));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'video', mime: 'video/mp4' });
  });

  it('refuses files that only start like a video', async () => {
    const head = ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41');
    const good = mp4(200, 2);
    const moov = good.subarray(head.length, good.length - (8 + 200));
    const fakes: Record<string, Buffer> = {
      'ftyp + garbage': Buffer.concat([
        head,
        Buffer.from('<script>alert(1)</script> and more bytes that are no box at all'),
      ]),
      'ftyp + mdat, no moov': Buffer.concat([head, box('mdat', Buffer.alloc(300, 3))]),
      'moov without a track': Buffer.concat([
        head,
        box('moov', box('mvhd', Buffer.alloc(100))),
        box('mdat', Buffer.alloc(50)),
      ]),
      'a box running past the end': Buffer.concat([
        head,
        moov,
        box('mdat', Buffer.alloc(100)).subarray(0, 60),
      ]),
      'trailing bytes after the last box': Buffer.concat([
        good,
        Buffer.from('PK\x03\x04 a zip glued behind', 'latin1'),
      ]),
      'moov before ftyp': Buffer.concat([moov, head, box('mdat', Buffer.alloc(50))]),
    };
    for (const [what, bytes] of Object.entries(fakes)) {
      const res = await upload(alice, bytes);
      expectRefusal(res, { status: 415, code: 'unsupported_media_type' });
      expect(errorCode(res), what).toBe('unsupported_media_type');
      expect(res.json().error.message, what).toContain('视频文件无效');
    }
  });
});

describe('upload quota', () => {
  it(`refuses uploads past ${QUOTA_MB} MB in 24 hours with 429 upload_quota_exceeded, per user`, async () => {
    const third = 360 * 1024;
    // Alice already stored one small video above; three of a third of a MiB go over the quota.
    expect((await upload(alice, mp4(third, 11))).statusCode).toBe(201);
    expect((await upload(alice, mp4(third, 12))).statusCode).toBe(201);
    const over = await upload(alice, mp4(third, 13));
    expectRefusal(over, { status: 429, code: 'upload_quota_exceeded' });
    // A retry of bytes she already uploaded is answered with the stored row and costs nothing.
    expect((await upload(alice, mp4(third, 11))).statusCode).toBe(200);
    // Bob has his own quota, even for the same bytes.
    expect((await upload(bob, mp4(third, 13))).statusCode).toBe(201);
    // A day later the earlier uploads no longer count.
    now = new Date(now.getTime() + 24 * 60 * 60 * 1000 + 1000);
    expect((await upload(alice, mp4(third, 13))).statusCode).toBe(201);
  });
});

/** A raw HTTP/1.1 upload: the head, then chunks while no answer has come. Resolves with the status and bytes sent. */
function rawUpload(
  s: Session,
  headers: string,
  chunks: Buffer[],
): Promise<{ status: number; sentBytes: number }> {
  const port = (t.app.server.address() as AddressInfo).port;
  const head = `POST /api/attachments HTTP/1.1\r\nHost: x\r\nCookie: ${s.cookie}\r\nX-CSRF-Token: ${s.csrf}\r\nContent-Type: video/mp4\r\n${headers}\r\n`;
  return rawRequest(port, head, chunks);
}

describe('upload bodies stream to disk', () => {
  const incoming = () => join(t.config.dataDir, 'blobs', '.incoming');
  const leftovers = () => (existsSync(incoming()) ? readdirSync(incoming()) : []);
  const limit = ROUTE_BODY_LIMITS['POST /api/attachments']!;

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('leaves no spooled file behind, stored or refused', async () => {
    expect((await upload(bob, mp4(1000, 21))).statusCode).toBe(201);
    expectRefusal(await upload(bob, Buffer.concat([ftyp('isom'), Buffer.alloc(100)])), {
      status: 415,
      code: 'unsupported_media_type',
    });
    // The file goes in the onResponse hook, which runs just after the answer has been sent.
    await new Promise((r) => setTimeout(r, 50));
    expect(leftovers()).toEqual([]);
  });

  it('refuses a declared body over the limit from its headers, before reading it', async () => {
    const res = await rawUpload(bob, `Content-Length: ${limit + 1}\r\n`, []);
    expect(res).toEqual({ status: 413, sentBytes: 0 });
  });

  it('cuts off a chunked body at the limit and removes what was written', async () => {
    const MiB = 1024 * 1024;
    const chunk = Buffer.concat([
      Buffer.from(`${MiB.toString(16)}\r\n`),
      Buffer.alloc(MiB, 9),
      Buffer.from('\r\n'),
    ]);
    const res = await rawUpload(bob, 'Transfer-Encoding: chunked\r\n', Array(80).fill(chunk));
    expect(res.status).toBe(413);
    // Refused once past the limit (plus what the socket buffers held), not after all 80 MiB.
    expect(res.sentBytes).toBeLessThan(limit + 16 * MiB);
    await new Promise((r) => setTimeout(r, 50));
    expect(leftovers()).toEqual([]);
  });
});
