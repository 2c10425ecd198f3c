import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY } from '../../../test/factories';
import { mp4, phoneJpeg } from '../attachments/attachments.test-util';
import { castCases, type CaseCast } from '../cases/cases.test-util';
import { caseIdOf, citizen, solvedPow } from './public-cases.test-util';

// The citizen portal without GPS: outlines, place search, the area picker, photos with quotas, and the phone lookup.
let t: TestApp;
let cast: CaseCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
});
afterAll(async () => t.close());

const get = (url: string, ip = '203.0.113.50') =>
  t.app.inject({ method: 'GET', url, remoteAddress: ip });
const post = (url: string, body: object, ip = '203.0.113.51') =>
  t.app.inject({ method: 'POST', url, payload: body, remoteAddress: ip });
const upload = (key: string, bytes: Buffer, opts: { ip?: string; cookie?: string } = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/photos?idempotencyKey=${key}`,
    payload: bytes,
    remoteAddress: opts.ip ?? '203.0.113.52',
    headers: {
      'content-type': 'image/jpeg',
      ...(opts.cookie ? { cookie: `wangge_citizen=${opts.cookie}` } : {}),
    },
  });
const refused = (
  res: Awaited<ReturnType<typeof get>>,
  status: number,
  code: string,
  field?: string,
) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  if (field) expect(res.json().error.field).toBe(field);
};
let colour = 0;
const jpeg = () => phoneJpeg({ colour: `#${(0x102030 + colour++ * 7919).toString(16).slice(-6)}` });
const key = (n: string) => `test-report-key-${n}-0123456789`;

describe('outlines and names for the map pick', () => {
  it('serves boundaries with code, name, level and shape only, cacheable', async () => {
    const res = await get('/api/public/areas?level=grid');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const fc = res.json();
    expect(fc.features.map((f: { id: string }) => f.id).sort()).toEqual(
      [CITY.gridA, CITY.gridB, CITY.gridC, CITY.gridD].sort(),
    );
    for (const f of fc.features) {
      expect(Object.keys(f.properties).sort()).toEqual(['code', 'level', 'name', 'parentCode']);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    const list = (await get('/api/public/area-list')).json().items;
    expect(list.find((a: { code: string }) => a.code === CITY.communityW)).toEqual({
      code: CITY.communityW,
      name: '西社区',
      level: 'community',
      parentCode: CITY.streetW,
    });
    // Grid staff and their phones stay behind a login.
    expect(JSON.stringify([fc, list])).not.toMatch(/phone|staff|1[3-9]\d{9}/i);
  });

  it('refuses a bad level with the field', async () => {
    refused(
      await get('/api/public/areas?level=planet'),
      400,
      'validation_failed',
      'querystring.level',
    );
    refused(await get('/api/public/areas'), 400, 'validation_failed', 'querystring.level');
  });
});

describe('place search and reports without a map pick', () => {
  beforeAll(async () => {
    const road = await cast.admin.post('/api/addresses', {
      level: 'street_lane',
      name: '光明路',
      lng: CITY.inB[0],
      lat: CITY.inB[1],
    });
    expect(road.statusCode, road.body).toBe(201);
    const plate = await cast.admin.post('/api/addresses', {
      level: 'door_plate',
      parentId: road.json().id,
      name: '8号',
      areaCode: CITY.gridA,
    });
    expect(plate.statusCode, plate.body).toBe(201);
  });

  it('answers address text and a point, never deeper than the 楼栋, and area names', async () => {
    const res = await get('/api/public/places?q=光明路');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.map((p) => p.text)).toEqual(['光明路', '光明路8号']);
    for (const p of items)
      expect(Object.keys(p).sort()).toEqual(['areaName', 'kind', 'lat', 'lng', 'text']);
    // 8号 has no point of its own: it is filed in grid A and answers grid A's label point.
    expect(items[1]).toMatchObject({ kind: 'address', lng: expect.any(Number) });
    const areas = (await get('/api/public/places?q=第2网格')).json().items;
    expect(areas[0]).toMatchObject({ kind: 'area', text: '西街道 西社区 西社区第2网格' });
  });

  it('refuses a query too short or too long with the field', async () => {
    refused(await get('/api/public/places?q=光'), 400, 'validation_failed', 'querystring.q');
    refused(
      await get(`/api/public/places?q=${'路'.repeat(51)}`),
      400,
      'validation_failed',
      'querystring.q',
    );
  });

  it('rate-limits searches per address', async () => {
    for (let i = 0; i < 60; i++)
      expect((await get('/api/public/places?q=光明路', '198.51.100.70')).statusCode).toBe(200);
    refused(await get('/api/public/places?q=光明路', '198.51.100.70'), 429, 'rate_limited');
    expect((await get('/api/public/places?q=光明路', '198.51.100.71')).statusCode).toBe(200);
  });

  it('files a typed address through the same search, trimming what citizens add (门前)', async () => {
    const r = await citizen(t, '198.51.100.72').report({
      lng: undefined,
      lat: undefined,
      address: '光明路8号门前',
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = await caseIdOf(cast, r.json().caseNo);
    expect((await cast.admin.get(`/api/cases/${id}`)).json().gridCode).toBe(CITY.gridA);
  });

  it('files a report at a picked community or grid, and refuses an unknown one on its field', async () => {
    const me = citizen(t, '198.51.100.73');
    const r = await me.report({
      lng: undefined,
      lat: undefined,
      address: '某处',
      areaCode: CITY.gridD,
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = await caseIdOf(cast, r.json().caseNo);
    expect((await cast.admin.get(`/api/cases/${id}`)).json().gridCode).toBe(CITY.gridD);
    refused(
      await me.report({ lng: undefined, lat: undefined, areaCode: '41010199999999' }),
      404,
      'not_found',
      'areaCode',
    );
  });
});

describe('photos', () => {
  it('stores a photo for the report, links it, and strips EXIF from the public copy', async () => {
    const k = key('exif');
    const up = await upload(k, await jpeg());
    expect(up.statusCode, up.body).toBe(201);
    expect(up.headers['set-cookie']).toMatch(/wangge_citizen=[\w-]{22};.*HttpOnly/i);
    const photo = up.json();
    expect(Object.keys(photo).sort()).toEqual(['height', 'id', 'sizeBytes', 'width']);
    const r = await citizen(t, '203.0.113.52').report({ idempotencyKey: k, photos: [photo.id] });
    expect(r.statusCode, r.body).toBe(201);
    const id = await caseIdOf(cast, r.json().caseNo);
    expect((await cast.admin.get(`/api/cases/${id}`)).json().photos).toEqual([photo.id]);
    expect((await citizen(t).track(r.json().caseNo, r.json().secret)).json().photoCount).toBe(1);

    const file = async (variant: string) =>
      (await cast.admin.get(`/api/attachments/${photo.id}/file?variant=${variant}`)).rawPayload;
    expect(await exifr.gps(await file('original'))).toMatchObject({ latitude: expect.any(Number) });
    const stripped = await file('public');
    expect(await exifr.gps(stripped).catch(() => undefined)).toBeUndefined();
    expect(await exifr.parse(stripped).catch(() => undefined)).toBeUndefined();
  });

  it('refuses videos, bad types, a missing key, and more than 3 photos or foreign ones on a report', async () => {
    refused(await upload(key('video'), mp4()), 415, 'unsupported_media_type');
    refused(
      await upload(key('text'), Buffer.from('not a photo at all')),
      415,
      'unsupported_media_type',
    );
    refused(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/photos',
        payload: await jpeg(),
        headers: { 'content-type': 'image/jpeg' },
      }),
      400,
      'validation_failed',
      'querystring.idempotencyKey',
    );
    const me = citizen(t, '203.0.113.60');
    const ids = ['a', 'b', 'c', 'd'];
    refused(
      await me.report({ idempotencyKey: key('four'), photos: ids }),
      400,
      'validation_failed',
      'photos',
    );
    refused(await me.report({ photos: ['a'] }), 400, 'validation_failed', 'idempotencyKey');
    const other = (await upload(key('someone-else'), await jpeg())).json();
    refused(
      await me.report({ idempotencyKey: key('thief'), photos: [other.id] }),
      400,
      'validation_failed',
      'photos',
    );
  });

  it('holds each report form to 6 uploads and each device to 15 a day; a repeat of the same bytes is free', async () => {
    const device = 'AAAAAAAAAAAAAAAAAAAAAA';
    const same = await jpeg();
    for (let i = 0; i < 3; i++)
      expect((await upload(key('repeat'), same, { cookie: device })).statusCode).toBe(201);
    for (let i = 0; i < 5; i++)
      expect((await upload(key('repeat'), await jpeg(), { cookie: device })).statusCode).toBe(201);
    refused(
      await upload(key('repeat'), await jpeg(), { cookie: device }),
      429,
      'upload_quota_exceeded',
    );
    for (let i = 0; i < 9; i++)
      expect((await upload(key(`dev${i}`), await jpeg(), { cookie: device })).statusCode).toBe(201);
    refused(
      await upload(key('dev-last'), await jpeg(), { cookie: device }),
      429,
      'upload_quota_exceeded',
    );
    // Another browser on the same network is not held by this device's quota.
    expect(
      (await upload(key('dev-other'), await jpeg(), { cookie: 'BBBBBBBBBBBBBBBBBBBBBB' }))
        .statusCode,
    ).toBe(201);
  });

  // Every write here solves a real challenge (about 65,000 hashes): a loaded machine needs more than 30 s.
  it('holds each device to 10 reports a day', async () => {
    const me = async (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/cases',
        remoteAddress: `192.0.2.${100 + n}`,
        headers: { cookie: 'wangge_citizen=CCCCCCCCCCCCCCCCCCCCCC' },
        payload: {
          lng: CITY.inA[0],
          lat: CITY.inA[1],
          address: '西社区文化路 12 号门前',
          description: '路边堆放生活垃圾',
          pow: await solvedPow(t, `192.0.2.${100 + n}`),
        },
      });
    for (let i = 0; i < 10; i++) expect((await me(i)).statusCode).toBe(201);
    refused(await me(10), 429, 'rate_limited');
  }, 120_000);
});

describe('finding one’s reports by phone and a one-time code', () => {
  const PHONE = '13900001111';

  it('is off outside the demo without an SMS gateway', async () => {
    refused(await post('/api/public/lookup/code', { phone: PHONE }), 403, 'forbidden');
  });

  it('answers every phone alike, opens the list only with the code, once', async () => {
    await t.services.settings.set('demo.accounts', [
      { username: 'demo', role: '演示', area: '测试区' },
    ]);
    const me = citizen(t, '203.0.113.80');
    const first = (await me.report({ contactPhone: PHONE })).json();
    const second = (
      await me.report({
        contactPhone: '139-0000-1111'.replace(/-/g, ''),
        description: '第二次反映：垃圾仍未清理',
      })
    ).json();
    await me.report({ contactPhone: '13900002222' });

    const receipts = await t.services.db.selectFrom('public_receipts').selectAll().execute();
    expect(JSON.stringify(receipts)).not.toContain(PHONE);

    const ask = async (phone: string) => {
      const r = await post('/api/public/lookup/code', { phone }, '203.0.113.81');
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { shownCode: string; expiresAt: string };
    };
    const known = await ask(PHONE);
    const unknown = await ask('13700009999');
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    expect(known.shownCode).toMatch(/^\d{6}$/);

    const wrong = known.shownCode === '000000' ? '000001' : '000000';
    refused(
      await post('/api/public/lookup', { phone: PHONE, code: wrong }, '203.0.113.82'),
      400,
      'validation_failed',
      'code',
    );
    const found = await post(
      '/api/public/lookup',
      { phone: PHONE, code: known.shownCode },
      '203.0.113.82',
    );
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((v: { caseNo: string }) => v.caseNo)).toEqual([
      second.caseNo,
      first.caseNo,
    ]);
    expect(found.json().items[0]).toMatchObject({ status: 'pending_acceptance' });
    // Used once.
    refused(
      await post('/api/public/lookup', { phone: PHONE, code: known.shownCode }, '203.0.113.82'),
      400,
      'validation_failed',
      'code',
    );
    // A phone without reports: with its code, an empty list; nothing told before.
    const none = await post('/api/public/lookup', {
      phone: '13700009999',
      code: unknown.shownCode,
    });
    expect(none.json()).toEqual({ items: [] });
  });

  it('refuses bad input with the field and limits codes per phone and failures per address', async () => {
    refused(
      await post('/api/public/lookup/code', { phone: '12345' }),
      400,
      'validation_failed',
      'phone',
    );
    refused(
      await post('/api/public/lookup', { phone: PHONE, code: '12' }),
      400,
      'validation_failed',
      'code',
    );
    const phone = '13600003333';
    for (let i = 0; i < 3; i++)
      expect((await post('/api/public/lookup/code', { phone }, `198.18.0.${i}`)).statusCode).toBe(
        200,
      );
    refused(
      await post('/api/public/lookup/code', { phone }, '198.18.0.9'),
      429,
      'rate_limited',
      'phone',
    );
    for (let i = 0; i < 10; i++)
      refused(
        await post('/api/public/lookup', { phone, code: '999999' }, '198.18.1.1'),
        400,
        'validation_failed',
        'code',
      );
    refused(
      await post('/api/public/lookup', { phone, code: '999999' }, '198.18.1.1'),
      429,
      'rate_limited',
    );
  });
});
