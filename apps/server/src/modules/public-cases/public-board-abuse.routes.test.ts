import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY } from '../../../test/factories';
import { castCases, type CaseCast } from '../cases/cases.test-util';
import {
  caseIdOf,
  citizen,
  solvedPow,
  walkToClosed,
  boardReader,
  refused,
  type BoardItem,
} from './public-cases.test-util';

// Abuse protection on the open board's writes: "+1" instead of a duplicate (once per device, held per device), the
// proof of work (required, checked, single use), refused input, and the public figures.
let t: TestApp;
let cast: CaseCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
});
afterAll(async () => t.close());

const { get, items } = boardReader(() => t);
const key = (n: string) => `board-test-key-${n}-0123456789abcdef`;

describe('+1 instead of a duplicate', () => {
  it('offers the open report nearby; a device adds +1 once', async () => {
    const at = { lng: CITY.inA[0] + 0.002, lat: CITY.inA[1] + 0.001 };
    const first = await citizen(t, '198.51.100.50').report({ ...at, classCode: '06010' });
    expect(first.statusCode, first.body).toBe(201);
    const dup = await get(
      `/api/public/duplicates?lng=${at.lng + 0.0001}&lat=${at.lat}&classCode=06010`,
    );
    expect(dup.statusCode, dup.body).toBe(200);
    const offered = dup.json().items as { distanceM: number; item: BoardItem }[];
    expect(offered).toHaveLength(1);
    expect(offered[0]!.distanceM).toBeLessThan(50);
    const id = offered[0]!.item.id;
    const plusOne = async (cookie: string, ip = '198.51.100.51') =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/board/${id}/support`,
        remoteAddress: ip,
        headers: { cookie: `wangge_citizen=${cookie}` },
        payload: { pow: await solvedPow(t, ip) },
      });
    const a = await plusOne('DDDDDDDDDDDDDDDDDDDDDD');
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toEqual({ supporters: 1, already: false });
    expect((await plusOne('DDDDDDDDDDDDDDDDDDDDDD')).json()).toEqual({
      supporters: 1,
      already: true,
    });
    expect((await plusOne('EEEEEEEEEEEEEEEEEEEEEE')).json()).toEqual({
      supporters: 2,
      already: false,
    });
    expect((await items()).find((i) => i.id === id)!.supporters).toBe(2);
    // Another class, or far away: nothing offered.
    expect(
      (await get(`/api/public/duplicates?lng=${at.lng}&lat=${at.lat}&classCode=06011`)).json()
        .items,
    ).toEqual([]);
    expect(
      (
        await get(`/api/public/duplicates?lng=${at.lng + 0.01}&lat=${at.lat}&classCode=06010`)
      ).json().items,
    ).toEqual([]);
  });

  // Every write here solves a real challenge (about 65,000 hashes): a loaded machine needs more than 30 s.
  it('holds one device to 20 +1 a day and needs a solved challenge', async () => {
    const id = (await items())[0]!.id;
    const plusOne = async (n: number, pow?: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/board/${id}/support`,
        remoteAddress: `192.0.2.${n}`,
        headers: { cookie: 'wangge_citizen=FFFFFFFFFFFFFFFFFFFFFF' },
        payload: { pow: pow ?? (await solvedPow(t, `192.0.2.${n}`)) },
      });
    refused(
      await plusOne(1, { challenge: 'x.y.z.w-forged', nonce: '0' }),
      400,
      'validation_failed',
      'pow',
    );
    for (let i = 0; i < 19; i++) expect((await plusOne(10 + i)).statusCode).toBe(200);
    refused(await plusOne(40), 429, 'rate_limited');
  }, 120_000);
});

describe('the proof of work', () => {
  it('is required, checked and single use', async () => {
    const me = citizen(t, '198.51.100.60');
    refused(await me.report({ pow: undefined }), 400, 'validation_failed', 'pow');
    const pow = await solvedPow(t, '198.51.100.60');
    expect((await me.report({ pow })).statusCode).toBe(201);
    refused(await me.report({ pow }), 400, 'validation_failed', 'pow');
    const fresh = await solvedPow(t, '198.51.100.60');
    const [id, exp, bits, sig] = fresh.challenge.split('.');
    // Easier difficulty or another signature: refused.
    refused(
      await me.report({ pow: { challenge: `${id}.${exp}.1.${sig}`, nonce: '0' } }),
      400,
      'validation_failed',
      'pow',
    );
    refused(
      await me.report({
        pow: { challenge: `${id}.${exp}.${bits}.${sig!.slice(1)}A`, nonce: fresh.nonce },
      }),
      400,
      'validation_failed',
      'pow',
    );
    const wrong = fresh.nonce === 'zz' ? 'zy' : 'zz';
    const bad = await me.report({ pow: { ...fresh, nonce: wrong } });
    if (bad.statusCode !== 201) refused(bad, 400, 'validation_failed', 'pow');
  });
});

describe('bad input', () => {
  it('refuses script, markup and coordinates out of range with the field, writing nothing', async () => {
    const me = citizen(t, '198.51.100.70');
    const before = (await items()).length;
    for (const [extra, field] of [
      [{ description: '路灯坏了<script>alert(1)</script>' }, 'description'],
      [{ description: '点击 javascript:alert(1) 查看' }, 'description'],
      [{ address: '<b onmouseover=alert(1)>文化路</b>' }, 'address'],
      [{ lng: 181, lat: 34 }, 'lng'],
      [{ lng: 113, lat: -91 }, 'lat'],
    ] as const) {
      const r = await me.report(extra);
      refused(r, 400, 'validation_failed', field);
      expect(r.json().error.message).toMatch(/网页代码|超出范围/);
    }
    refused(
      await get('/api/public/duplicates?lng=200&lat=34&classCode=06010'),
      400,
      'validation_failed',
    );
    expect((await items()).length).toBe(before);
  });

  it('refuses an oversized photo and a file that is not a photo', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: `/api/public/photos?idempotencyKey=${key('big')}`,
      payload: Buffer.alloc(11 * 1024 * 1024, 1),
      remoteAddress: '198.51.100.71',
      headers: { 'content-type': 'image/jpeg' },
    });
    expect([413]).toContain(big.statusCode);
    expect(big.json().error.code).toBe('payload_too_large');
    const text = await t.app.inject({
      method: 'POST',
      url: `/api/public/photos?idempotencyKey=${key('txt')}`,
      payload: Buffer.from('<script>alert(1)</script>'),
      remoteAddress: '198.51.100.71',
      headers: { 'content-type': 'image/png' },
    });
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
  });
});

describe('public figures', () => {
  it('gives every street and department for the last 12 months from the indicator engine', async () => {
    const r = await citizen(t, '198.51.100.80').report({ description: '人行道地砖松动，雨天溅水' });
    await walkToClosed(t, cast, await caseIdOf(cast, r.json().caseNo));
    const res = await get('/api/public/figures');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.start < f.end).toBe(true);
    const west = f.streets.find((s: { key: string }) => s.key === CITY.streetW);
    expect(west.name).toBe('西街道');
    expect(west.received).toBeGreaterThan(0);
    expect(west.closed).toBeGreaterThan(0);
    const hw = f.departments.find((d: { name: string }) => d.name === '区环卫中心');
    expect(hw.received).toBeGreaterThan(0);
    expect(hw.closed).toBeGreaterThan(0);
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
  });
});
