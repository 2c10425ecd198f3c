import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { systemActor } from '../../core/auth/actor';
import { errorCode, userSession, type Session } from '../../../test/factories';
import { ftyp, mp4, PHOTO_GPS, phoneJpeg, png } from './attachments.test-util';
import { createAttachmentsService } from './attachments.service';
import { createLocalBlobStore } from './local-blob-store';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let alice: Session;
let bob: Session;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  alice = await userSession(t, { username: 'alice', roles: ['inspector'] });
  bob = await userSession(t, { username: 'bob', roles: ['grid_administrator'] });
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
});
afterAll(async () => t.close());

const upload = (
  s: Session,
  payload: Buffer,
  contentType = 'application/octet-stream',
  csrf = true,
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: {
      cookie: s.cookie,
      'content-type': contentType,
      ...(csrf ? { 'x-csrf-token': s.csrf } : {}),
    },
    payload,
  });

const fetchFile = (s: Session, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie, ...headers } });

const blobPath = (sha: string, suffix = '') =>
  join(t.config.dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha + suffix);

describe('photo upload', () => {
  let photo: Buffer;
  let body: Record<string, any>;
  beforeAll(async () => {
    photo = await phoneJpeg();
    const res = await upload(alice, photo, 'image/jpeg');
    expect(res.statusCode, res.body).toBe(201);
    body = res.json();
  });

  it('answers the sniffed type, display size and the EXIF GPS position and capture time', async () => {
    expect(body).toMatchObject({
      kind: 'photo',
      mime: 'image/jpeg',
      sizeBytes: photo.length,
      width: 600,
      height: 800,
    });
    expect(body.exif).toEqual({
      lng: PHOTO_GPS.lng,
      lat: PHOTO_GPS.lat,
      capturedAt: PHOTO_GPS.capturedAt,
    });
    expect(body.url).toBe(`/api/attachments/${body.id}/file`);
    expect(body.thumbnailUrl).toBe(`/api/attachments/${body.id}/file?variant=thumb`);
    expect((await alice.get(`/api/attachments/${body.id}`)).json()).toEqual(body);
  });

  it('serves the original byte for byte, GPS included, with long cache headers', async () => {
    const res = await fetchFile(alice, body.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(photo)).toBe(true);
    expect((await exifr.gps(res.rawPayload)).latitude).toBeCloseTo(PHOTO_GPS.lat, 6);
    const again = await fetchFile(alice, body.url, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('makes a public copy without any metadata, rotated upright', async () => {
    const res = await fetchFile(alice, body.publicUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(await exifr.parse(res.rawPayload)).toBeUndefined();
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 600, height: 800 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('makes a 320 px WebP thumbnail, auto-rotated', async () => {
    const res = await fetchFile(alice, body.thumbnailUrl);
    expect(res.headers['content-type']).toBe('image/webp');
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 240, height: 320 });
    expect(meta.exif).toBeUndefined();
  });

  it('hides the attachment from other users (404), shows it to holders of the view-any permission', async () => {
    expectRefusal(await bob.get(`/api/attachments/${body.id}`), { status: 404, code: 'not_found' });
    expectRefusal(await fetchFile(bob, body.url), { status: 404, code: 'not_found' });
    expectRefusal(await fetchFile(bob, body.thumbnailUrl), { status: 404, code: 'not_found' });
    expectRefusal(await bob.get('/api/attachments/0190a0a0-0000-7000-8000-000000000000'), {
      status: 404,
      code: 'not_found',
    });
    expect((await admin.get(`/api/attachments/${body.id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: body.url })).statusCode).toBe(401);
  });

  it('stores identical bytes once: the same user gets the same row, another user a row of their own', async () => {
    const again = await upload(alice, photo);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(body.id);
    const bobs = await upload(bob, photo);
    expect(bobs.statusCode).toBe(201);
    expect(bobs.json()).toMatchObject({
      sha256: body.sha256,
      uploaderId: expect.not.stringMatching(body.uploaderId),
    });
    expect(bobs.json().id).not.toBe(body.id);
    const dir = join(blobPath(body.sha256), '..');
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith(body.sha256))
        .sort(),
    ).toEqual([body.sha256, `${body.sha256}.public`, `${body.sha256}.thumb`]);
    // Bob sees his own row; Alice still cannot see Bob's.
    expect((await fetchFile(bob, bobs.json().url)).rawPayload.equals(photo)).toBe(true);
    expectRefusal(await alice.get(`/api/attachments/${bobs.json().id}`), {
      status: 404,
      code: 'not_found',
    });
  });
});

describe('type sniffing and limits', () => {
  it('refuses a text file named and labelled as a JPEG', async () => {
    const res = await upload(
      alice,
      Buffer.from('not a photo, just text saved as photo.jpg\n'),
      'image/jpeg',
    );
    expectRefusal(res, { status: 415, code: 'unsupported_media_type' });
    expect(res.json().error.message).toContain('JPEG');
  });

  it('stores a PNG sent as image/jpeg as a PNG', async () => {
    const res = await upload(alice, await png(), 'image/jpeg');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'image/png', width: 40, height: 30, exif: null });
    expect((await fetchFile(alice, res.json().url)).headers['content-type']).toBe('image/png');
    expect((await fetchFile(alice, res.json().publicUrl)).headers['content-type']).toBe(
      'image/png',
    );
  });

  it('refuses HEIC with a clear 415', async () => {
    const res = await upload(
      alice,
      Buffer.concat([ftyp('heic', 'mif1', 'heic'), Buffer.alloc(64)]),
    );
    expectRefusal(res, { status: 415, code: 'unsupported_media_type' });
    expect(res.json().error.message).toContain('HEIC');
  });

  it('accepts a short MP4 video without thumbnail or public copy, with byte ranges for players', async () => {
    const video = mp4(200);
    const res = await upload(alice, video, 'video/mp4');
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      kind: 'video',
      mime: 'video/mp4',
      sizeBytes: video.length,
      width: null,
      height: null,
      exif: null,
      thumbnailUrl: null,
      publicUrl: null,
    });
    expectRefusal(await fetchFile(alice, `${v.url}?variant=thumb`), {
      status: 404,
      code: 'not_found',
    });
    const part = await fetchFile(alice, v.url, { range: 'bytes=4-11' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 4-11/${video.length}`);
    expect(part.rawPayload.toString('latin1')).toBe('ftypisom');
  });

  it('refuses oversize photos and videos with 413', async () => {
    const bigPhoto = Buffer.alloc(15 * 1024 * 1024 + 1);
    bigPhoto.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload(alice, bigPhoto);
    expectRefusal(res, { status: 413, code: 'payload_too_large' });
    expect(res.json().error.message).toContain('不能超过 15 MB（本文件 15.1 MB）');
    // Beyond the largest limit the body parser stops reading before the service sees anything.
    const bigVideo = Buffer.concat([mp4(), Buffer.alloc(51 * 1024 * 1024)]);
    const huge = await upload(alice, bigVideo, 'video/mp4');
    expectRefusal(huge, { status: 413, code: 'payload_too_large' });
  });

  it('refuses an empty body (400) and a JSON body (415)', async () => {
    const empty = await upload(alice, Buffer.alloc(0));
    expectRefusal(empty, { status: 400, code: 'validation_failed', field: 'body' });
    const json = await alice.post('/api/attachments', { photo: 'base64…' });
    expectRefusal(json, { status: 415, code: 'unsupported_media_type' });
  });

  it('refuses a corrupt photo with 400', async () => {
    const broken = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
      Buffer.from('JFIF\0garbage garbage garbage'),
    ]);
    const res = await upload(alice, broken);
    expectRefusal(res, { status: 400, code: 'validation_failed', field: 'body' });
    expect(res.json().error.message).toContain('无法解码');
  });

  it('needs the CSRF token and the upload permission', async () => {
    const photo = await png('#00c');
    expect(errorCode(await upload(alice, photo, 'image/png', false))).toBe('csrf_failed');
    const observer = await userSession(t, { username: 'watcher', roles: ['observer'] });
    expectRefusal(await upload(observer, photo, 'image/png'), { status: 403, code: 'forbidden' });
  });
});

describe('the canView hook', () => {
  it('lets the case module admit other readers', async () => {
    const photo = await png('#ccc');
    const owner = (await upload(alice, photo)).json();
    // An actor with no permissions at all, who is not the uploader.
    const reader = { ...systemActor([]), id: 'reader-1', username: 'reader' };
    const withHook = createAttachmentsService({
      db: t.services.db,
      clock: t.services.clock,
      blobs: createLocalBlobStore(join(t.config.dataDir, 'blobs')),
      canView: async (actor, id) => actor.id === 'reader-1' && id === owner.id,
    });
    expect((await withHook.get(reader, owner.id)).id).toBe(owner.id);
    await expect(withHook.get({ ...reader, id: 'reader-2' }, owner.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(existsSync(blobPath(owner.sha256, '.thumb'))).toBe(true);
  });
});
