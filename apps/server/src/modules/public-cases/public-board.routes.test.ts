import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY } from '../../../test/factories';
import { phoneJpeg } from '../attachments/attachments.test-util';
import { castCases, type CaseCast } from '../cases/cases.test-util';
import { citizen, boardReader, refused } from './public-cases.test-util';

// The open board: nothing a resident wrote or photographed shows before a 受理员 approves it, and sensitive classes
// have no place (public-board-abuse.routes.test.ts: +1, the proof of work, refused input, figures).
let t: TestApp;
let cast: CaseCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
});
afterAll(async () => t.close());

const { get, board, items } = boardReader(() => t);
const queue = async () =>
  (await cast.intake.get('/api/public-moderation')).json().items as {
    id: string;
    caseNo: string;
    text: string;
    photos: { attachmentId: string }[];
    sensitive: boolean;
  }[];
const key = (n: string) => `board-test-key-${n}-0123456789abcdef`;

async function reportWithPhoto(marker: string, ip: string) {
  const photo = await t.app.inject({
    method: 'POST',
    url: `/api/public/photos?idempotencyKey=${key(marker)}`,
    payload: await phoneJpeg({ colour: '#123456' }),
    remoteAddress: ip,
    headers: { 'content-type': 'image/jpeg' },
  });
  expect(photo.statusCode, photo.body).toBe(201);
  const r = await citizen(t, ip).report({
    description: `${marker} 路边垃圾无人清理，联系人王小明 13812345678`,
    contactPhone: '13812345678',
    idempotencyKey: key(marker),
    photos: [photo.json().id],
  });
  expect(r.statusCode, r.body).toBe(201);
  return { caseNo: r.json().caseNo as string, photoId: photo.json().id as string };
}

describe('moderation before anything shows', () => {
  it('keeps text and photos off the board, byte for byte, until a 受理员 approves them; audited', async () => {
    const marker = 'MARKER-TEXT-7731';
    const { caseNo, photoId } = await reportWithPhoto(marker, '198.51.100.31');
    for (const body of [
      (await board()).rawPayload,
      (await get('/api/public/board?areaCode=' + CITY.communityW)).rawPayload,
    ]) {
      for (const secret of [
        marker,
        '王小明',
        '13812345678',
        '1381234',
        caseNo,
        photoId,
        '环卫',
        'intake',
      ])
        expect(body.includes(Buffer.from(secret)), secret).toBe(false);
    }
    const mine = (await items())[0]!;
    expect(mine.text).toBeNull();
    expect(mine.photos).toEqual([]);
    expect(mine.point).not.toBeNull();
    expect(mine.areaName).toBe('西社区');
    refused(await get(`/api/public/board/photos/${photoId}`), 404, 'not_found');

    // The 受理员 sees the words and the photo as submitted, and publishes a version without the name and number.
    const waiting = (await queue()).find((q) => q.caseNo === caseNo)!;
    expect(waiting.text).toContain(marker);
    expect(waiting.photos.map((p) => p.attachmentId)).toEqual([photoId]);
    const approve = await cast.intake.post(`/api/public-moderation/${waiting.id}/text`, {
      decision: 'approve',
      publicText: `${marker} 路边垃圾无人清理`,
    });
    expect(approve.statusCode, approve.body).toBe(200);
    const shown = (await items()).find((i) => i.id === mine.id)!;
    expect(shown.text).toBe(`${marker} 路边垃圾无人清理`);
    const after = (await board()).rawPayload;
    for (const secret of ['王小明', '13812345678', caseNo, photoId])
      expect(after.includes(Buffer.from(secret)), secret).toBe(false);

    // A photo refused stays hidden; approved, its metadata-free copy is served.
    refused(
      await cast.intake.post(`/api/public-moderation/${waiting.id}/photos/${photoId}`, {
        decision: 'reject',
      }),
      400,
      'validation_failed',
      'reason',
    );
    await cast.intake.post(`/api/public-moderation/${waiting.id}/photos/${photoId}`, {
      decision: 'reject',
      reason: '照片中有人脸',
    });
    refused(await get(`/api/public/board/photos/${photoId}`), 404, 'not_found');
    await cast.intake.post(`/api/public-moderation/${waiting.id}/photos/${photoId}`, {
      decision: 'approve',
    });
    expect((await items()).find((i) => i.id === mine.id)!.photos).toEqual([photoId]);
    const file = await get(`/api/public/board/photos/${photoId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(await exifr.parse(file.rawPayload)).toBeUndefined();

    const audit = (
      await cast.admin.get('/api/audit?action=public_content_moderated&limit=50')
    ).json().items as { targetId: string; detail: Record<string, unknown> }[];
    // Text approved, photo refused, photo approved: three entries (the refusal without a reason changed nothing).
    expect(audit.filter((a) => a.targetId === waiting.id)).toHaveLength(3);
    // The queue shows nothing pending for it any more.
    expect((await queue()).find((q) => q.caseNo === caseNo)).toBeUndefined();
  });

  it('refuses text moderation with markup, and a rejection without a reason', async () => {
    await citizen(t, '198.51.100.32').report({ description: '井盖缺失，行人容易踩空' });
    const one = (await queue())[0]!;
    refused(
      await cast.intake.post(`/api/public-moderation/${one.id}/text`, {
        decision: 'approve',
        publicText: '<img src=x onerror=alert(1)>',
      }),
      400,
      'validation_failed',
      'publicText',
    );
    refused(
      await cast.intake.post(`/api/public-moderation/${one.id}/text`, { decision: 'reject' }),
      400,
      'validation_failed',
      'reason',
    );
    refused(
      await cast.intake.post('/api/public-moderation/nope/text', { decision: 'approve' }),
      404,
      'not_found',
    );
  });

  it('is for public.moderate: an inspector is refused, the queue lists only the area', async () => {
    refused(await cast.inspector.get('/api/public-moderation'), 403, 'forbidden');
  });
});

describe('sensitive classes', () => {
  it('never publishes the place of a 综治 report and offers no +1 for it', async () => {
    const r = await citizen(t, '198.51.100.40').report({
      classCode: 'Z01002',
      description: 'SENSITIVE-9911 邻里纠纷，楼上漏水多次协商未果',
    });
    expect(r.statusCode, r.body).toBe(201);
    const post = (await queue()).find((q) => q.caseNo === r.json().caseNo)!;
    expect(post.sensitive).toBe(true);
    await cast.intake.post(`/api/public-moderation/${post.id}/text`, { decision: 'approve' });
    const body = (await board()).rawPayload.toString();
    const item = (await items()).find((i) => i.id === post.id)!;
    expect(item).toMatchObject({ point: null, locationHidden: true, areaName: '西街道' });
    // No coordinate of the report (rounded or not) anywhere in the answer.
    for (const digits of [CITY.inA[0].toFixed(4), CITY.inA[1].toFixed(4)])
      expect(body.includes(`${digits}`) && item.point !== null).toBe(false);
    expect(JSON.stringify({ ...item, reportedAt: '' })).not.toMatch(/\d{2,3}\.\d{3,}/);
    const dup = await get(
      `/api/public/duplicates?lng=${CITY.inA[0]}&lat=${CITY.inA[1]}&classCode=Z01002`,
    );
    expect(dup.json().items).toEqual([]);
  });
});
