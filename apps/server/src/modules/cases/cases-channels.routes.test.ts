import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, type Session } from '../../../test/factories';
import {
  act as actOn,
  castCases,
  photo as photoOf,
  step as stepOn,
  type CaseCast,
} from './cases.test-util';
import { expectRefusal } from '../../../test/refusal';

// Intake channels with details of their own (docs/case-workflow.md §5): 12345 work orders and video/AI candidates.

// A clock the test moves: Monday 2026-11-30 09:00 in Shanghai.
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
let t: TestApp;
let cast: CaseCast;
let admin: Session, inspector: Session, intake: Session, shift: Session;
let conditionId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  ({ admin, inspector, intake, shift, conditionId } = cast);
});
afterAll(async () => t.close());

const report = (s: Session, extra: Record<string, unknown> = {}) =>
  s.post('/api/cases', {
    lng: CITY.inA[0],
    lat: CITY.inA[1],
    address: '西社区文化路 12 号门前',
    description: '路边堆放生活垃圾',
    classCode: '06010',
    ...extra,
  });
const hotline = (orderId: string, deadline?: string) => ({
  source: 'hotline_12345',
  hotline: { orderId, ...(deadline ? { deadline } : {}) },
});
const detection = {
  confidence: 0.87,
  modelVersion: 'garbage-det-2026.11.2',
  bbox: [120, 80, 64, 48],
};
const act = (s: Session, id: string, action: string, input: Record<string, unknown> = {}) =>
  actOn(cast, s, id, action, input);
const step = (s: Session, id: string, action: string, input: Record<string, unknown> = {}) =>
  stepOn(cast, s, id, action, input);
const caseCount = async () =>
  (await admin.get('/api/cases?limit=200')).json().items.length as number;
const overallLight = async (id: string) =>
  (await admin.get(`/api/cases/${id}`)).json().overallLight as string | null;

describe('12345 work orders', () => {
  it('keeps the order id and 12345’s deadline, in the view, the list and the report event', async () => {
    now = new Date('2026-11-30T09:00:00+08:00');
    const res = await report(
      intake,
      hotline('ZZ12345-20261129-000123', '2026-12-02T18:00:00+08:00'),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      source: 'hotline_12345',
      state: 'pending_acceptance',
      externalId: 'ZZ12345-20261129-000123',
      externalDeadline: '2026-12-02T10:00:00.000Z',
      detection: null,
    });
    expect((await admin.get(`/api/cases/${c.id}`)).json()).toMatchObject({
      externalId: 'ZZ12345-20261129-000123',
      externalDeadline: '2026-12-02T10:00:00.000Z',
    });
    const listed = (await admin.get('/api/cases?limit=200'))
      .json()
      .items.find((x: { id: string }) => x.id === c.id);
    expect(listed.externalId).toBe('ZZ12345-20261129-000123');
    const [event] = (await admin.get(`/api/cases/${c.id}/events`)).json().items;
    expect(event.data.hotline).toEqual({
      orderId: 'ZZ12345-20261129-000123',
      deadline: '2026-12-02T10:00:00.000Z',
    });

    // The order's details survive transitions (they live beside the workflow snapshot).
    const accepted = await step(intake, c.id, 'accept');
    expect(accepted).toMatchObject({
      state: 'pending_registration',
      externalId: 'ZZ12345-20261129-000123',
      externalDeadline: '2026-12-02T10:00:00.000Z',
    });
  });

  it('a deadline is optional; other channels show none', async () => {
    const c = (await report(intake, hotline('ZZ12345-20261129-000124'))).json();
    expect(c).toMatchObject({ externalId: 'ZZ12345-20261129-000124', externalDeadline: null });
    const patrol = (await report(inspector)).json();
    expect(patrol).toMatchObject({
      source: 'patrol',
      externalId: null,
      externalDeadline: null,
      detection: null,
    });
  });

  it('the same order id twice (a re-sent 派单) answers the same case, also from another operator', async () => {
    const first = await report(
      intake,
      hotline('ZZ12345-20261129-000200', '2026-12-03T18:00:00+08:00'),
    );
    expect(first.statusCode).toBe(201);
    const before = await caseCount();
    const again = await report(intake, {
      ...hotline('ZZ12345-20261129-000200'),
      description: '重复派单',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await report(admin, {
      ...hotline('ZZ12345-20261129-000200'),
      idempotencyKey: 'another-operator-key-1',
    });
    expect(other.statusCode).toBe(200);
    expect(other.json().id).toBe(first.json().id);
    expect(await caseCount()).toBe(before);
  });

  it('two copies of an order arriving together still make one case', async () => {
    const before = await caseCount();
    const [a, b] = await Promise.all([
      report(intake, hotline('ZZ12345-20261129-000300')),
      report(admin, hotline('ZZ12345-20261129-000300')),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await caseCount()).toBe(before + 1);
  });

  it('refuses hotline details on other sources and hotline reports without an order id, writing nothing', async () => {
    const before = await caseCount();
    const cases: [Session, Record<string, unknown>, string][] = [
      [inspector, { hotline: { orderId: 'ZZ12345-20261129-000400' } }, 'hotline'],
      [
        intake,
        { source: 'staff_entry', hotline: { orderId: 'ZZ12345-20261129-000401' } },
        'hotline',
      ],
      [intake, { source: 'hotline_12345' }, 'hotline'],
      [intake, { source: 'hotline_12345', hotline: {} }, 'hotline.orderId'],
      [intake, { source: 'hotline_12345', hotline: { orderId: '  ' } }, 'hotline.orderId'],
      [
        intake,
        { source: 'hotline_12345', hotline: { orderId: 'ZZ12345-1', deadline: '明天' } },
        'hotline.deadline',
      ],
    ];
    for (const [s, extra, field] of cases) {
      const res = await report(s, extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', field });
    }
    expect(await caseCount()).toBe(before);
  });

  it('an earlier 12345 deadline sets the overall light, before and after 立案', async () => {
    now = new Date('2026-11-30T09:00:00+08:00');
    // 12345 gives one hour; our own overall limit (from the 立案条件) is longer.
    const tight = (
      await report(intake, hotline('ZZ12345-20261130-000001', '2026-11-30T10:00:00+08:00'))
    ).json();
    const loose = (
      await report(intake, hotline('ZZ12345-20261130-000002', '2026-12-31T18:00:00+08:00'))
    ).json();
    expect(tight.overallLight).toBe('green'); // the centre's clock runs before 立案
    expect(loose.overallLight).toBe('green');
    for (const c of [tight, loose]) {
      await step(intake, c.id, 'accept');
      const registered = await step(shift, c.id, 'register', { classCode: '06010', conditionId });
      expect(Date.parse(registered.deadlineAt)).toBeGreaterThan(
        Date.parse('2026-11-30T10:05:00+08:00'),
      );
      expect(Date.parse(registered.deadlineAt)).toBeLessThan(
        Date.parse('2026-12-31T18:00:00+08:00'),
      );
    }
    now = new Date('2026-11-30T09:50:00+08:00'); // 50 of 60 minutes of 12345's time
    expect(await overallLight(tight.id)).toBe('yellow');
    expect(await overallLight(loose.id)).toBe('green');
    now = new Date('2026-11-30T10:05:00+08:00'); // past 12345's deadline, well within ours
    expect(await overallLight(tight.id)).toBe('red');
    expect(await overallLight(loose.id)).toBe('green');
    now = new Date('2026-11-30T09:00:00+08:00');
  });
});

describe('video / AI candidates', () => {
  it('need a person: candidate → confirm → 待受理, with the detection shown and its model version logged', async () => {
    const frame = await photoOf(t, intake);
    const res = await report(intake, {
      source: 'video_ai',
      detection: { ...detection, imageId: frame },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      state: 'candidate',
      source: 'video_ai',
      detection: { ...detection, imageId: frame },
      externalId: null,
    });
    // The frame is the candidate's evidence: linked like a report photo.
    expect(c.photos).toEqual([frame]);
    expect(c.clocks.map((k: { step: string }) => k.step)).toEqual(['confirm']);
    const [event] = (await admin.get(`/api/cases/${c.id}/events`)).json().items;
    expect(event.data.detection).toMatchObject({
      modelVersion: 'garbage-det-2026.11.2',
      confidence: 0.87,
    });

    // Never registered automatically: 立案 is refused until a person confirms.
    expectRefusal(await act(shift, c.id, 'register', { classCode: '06010', conditionId }), {
      status: 409,
      code: 'conflict',
    });
    const confirmed = await step(intake, c.id, 'confirm');
    expect(confirmed).toMatchObject({
      state: 'pending_acceptance',
      detection: { modelVersion: 'garbage-det-2026.11.2' },
    });
  });

  it('candidate → dismiss → dismissed', async () => {
    const c = (
      await report(intake, {
        source: 'video_ai',
        detection: { confidence: 0.41, modelVersion: 'garbage-det-2026.11.2' },
      })
    ).json();
    expect(c).toMatchObject({
      state: 'candidate',
      detection: { confidence: 0.41, bbox: null, imageId: null },
    });
    const res = await act(intake, c.id, 'dismiss', { reason: '误识别：阴影' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('dismissed');
  });

  it('refuses a video/AI report without a detection, a detection on another source, and bad detections', async () => {
    const before = await caseCount();
    const cases: [Session, Record<string, unknown>, string][] = [
      [intake, { source: 'video_ai' }, 'detection'],
      [inspector, { detection }, 'detection'],
      [inspector, { source: 'patrol', detection }, 'detection'],
      [
        intake,
        { source: 'hotline_12345', hotline: { orderId: 'ZZ12345-20261129-000500' }, detection },
        'detection',
      ],
      [
        intake,
        { source: 'video_ai', detection: { ...detection, confidence: 1.2 } },
        'detection.confidence',
      ],
      [
        intake,
        { source: 'video_ai', detection: { ...detection, modelVersion: 'x'.repeat(65) } },
        'detection.modelVersion',
      ],
      [
        intake,
        { source: 'video_ai', detection: { ...detection, bbox: [1, 2, 3] } },
        'detection.bbox.3',
      ],
      [
        intake,
        { source: 'video_ai', detection: { ...detection, bbox: [1, 2, -3, 4] } },
        'detection.bbox.2',
      ],
      [
        intake,
        { source: 'video_ai', detection: { ...detection, imageId: 'no-such-frame' } },
        'detection.imageId',
      ],
    ];
    for (const [s, extra, field] of cases) {
      const res = await report(s, extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', field });
    }
    expect(await caseCount()).toBe(before);
  });
});
