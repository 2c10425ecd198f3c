import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY } from '../../../test/factories';
import { castCases, step, type CaseCast } from '../cases/cases.test-util';
import { caseIdOf, citizen, walkToClosed } from './public-cases.test-util';
import { expectRefusal } from '../../../test/refusal';

// 市民上报 → 查询码 → staff close the loop → the citizen follows, rates and asks to reopen, all through real HTTP.
let t: TestApp;
let cast: CaseCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
});
afterAll(async () => t.close());

const SECRET = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const counts = async () => ({
  cases: (await cast.admin.get('/api/cases?limit=200')).json().items.length as number,
  receipts: Number(
    (
      await t.services.db
        .selectFrom('public_receipts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  ),
});

describe('citizen report with a receipt, then 评价 and 申请重开', () => {
  it('walks report → 已办结 → 不满意 → reopen request → 值班长 approves → 待派遣', async () => {
    const me = citizen(t);
    const res = await me.report({ contactPhone: '13812345678' });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt).toMatchObject({ created: true, contactPhoneMasked: '138****5678' });
    expect(receipt.caseNo).toMatch(/^AJ\d{18}$/);
    expect(receipt.secret).toMatch(SECRET);

    // The case is an ordinary public report whose reporter is the receipt's pseudo-actor.
    const id = await caseIdOf(cast, receipt.caseNo);
    const staffView = (await cast.admin.get(`/api/cases/${id}`)).json();
    expect(staffView).toMatchObject({
      source: 'public',
      state: 'pending_acceptance',
      gridCode: CITY.gridA,
    });
    expect(staffView.reporterId).toMatch(/^citizen:/);

    let v = (await me.track(receipt.caseNo, receipt.secret)).json();
    expect(v).toMatchObject({
      caseNo: receipt.caseNo,
      status: 'pending_acceptance',
      categoryName: expect.any(String),
      merged: false,
      canRate: false,
    });
    expect(v.milestones.map((m: { kind: string }) => m.kind)).toEqual(['reported']);

    await walkToClosed(t, cast, id);
    const tracked = await me.track(receipt.caseNo, receipt.secret);
    expect(tracked.statusCode).toBe(200);
    v = tracked.json();
    expect(v).toMatchObject({
      status: 'closed',
      closeReason: 'fixed',
      result: '垃圾已清运完毕',
      canRate: true,
      canRequestReopen: true,
      rating: null,
    });
    expect(v.milestones.map((m: { kind: string }) => m.kind)).toEqual([
      'reported',
      'accepted',
      'dispatched',
      'handled',
      'closed',
    ]);
    for (const m of v.milestones) expect(Date.parse(m.at)).not.toBeNaN();
    // No staff names, departments, internal notes or the phone reach the citizen.
    for (const hidden of [
      '环卫处置员',
      '区环卫中心',
      '张三',
      '内部备注',
      '"disp"',
      'actorName',
      'handlingDept',
      '13812345678',
      cast.deptId,
      cast.inspectorId,
    ])
      expect(tracked.body).not.toContain(hidden);
    expect(v.notifications.map((n: { about: string }) => n.about)).toEqual(['close', 'accept']);
    expect(v.notifications[0].text).toContain('已办结');

    const rated = await me.rate(receipt.caseNo, {
      secret: receipt.secret,
      rating: 'dissatisfied',
      reason: '垃圾又堆起来了',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({
      rating: 'dissatisfied',
      reopenRequested: true,
      canRate: false,
      status: 'closed',
    });
    const again = await me.rate(receipt.caseNo, { secret: receipt.secret, rating: 'satisfied' });
    expectRefusal(again, { status: 409, code: 'conflict' });
    expect(again.json().error.details.reason).toBe('already_done');

    const pending = (await cast.shift.get(`/api/cases/${id}`)).json();
    expect(pending.pendingRequests).toEqual([
      expect.objectContaining({
        type: 'reopen',
        reason: '垃圾又堆起来了',
        byUserId: staffView.reporterId,
      }),
    ]);
    expect(pending.decidableRequests).toContain('reopen');
    expect(
      (await step(cast, cast.shift, id, 'approve_request', { requestType: 'reopen' })).state,
    ).toBe('pending_dispatch');

    v = (await me.track(receipt.caseNo, receipt.secret)).json();
    expect(v).toMatchObject({
      status: 'registered',
      canRate: false,
      canRequestReopen: false,
      reopenRequested: false,
      result: null,
    });
    expect(v.milestones.at(-1).kind).toBe('reopened');
    expect(v.notifications[0]).toMatchObject({
      about: 'approve_request',
      text: expect.stringContaining('重新办理'),
    });

    // The phone is encrypted at rest, with only the masked copy beside it.
    const row = await t.services.db
      .selectFrom('public_receipts')
      .selectAll()
      .where('case_no', '=', receipt.caseNo)
      .executeTakeFirstOrThrow();
    expect(row.phone_enc).toMatch(/^v2:/);
    expect(row.phone_enc).not.toContain('13812345678');
    expect(row.phone_masked).toBe('138****5678');
    expect(t.services.cipher.decrypt(row.phone_enc!)).toBe('13812345678');
    expect(JSON.stringify(row)).not.toContain(receipt.secret.replaceAll('-', ''));
  });

  it('申请重开 directly within the window; refusal is explained to the citizen', async () => {
    const me = citizen(t, '203.0.113.8');
    const receipt = (await me.report()).json();
    const id = await caseIdOf(cast, receipt.caseNo);
    await walkToClosed(t, cast, id);
    expect(
      (await me.reopen(receipt.caseNo, { secret: receipt.secret, reason: '' })).json().error.field,
    ).toBe('reason');
    const r = await me.reopen(receipt.caseNo, { secret: receipt.secret, reason: '问题没有解决' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      reopenRequested: true,
      canRequestReopen: false,
      canRate: true,
    });
    expectRefusal(
      await me.reopen(receipt.caseNo, { secret: receipt.secret, reason: '再申请一次' }),
      { status: 409, code: 'conflict' },
    );
    await step(cast, cast.shift, id, 'refuse_request', {
      requestType: 'reopen',
      reason: '经复核已按标准清理',
    });
    const v = (await me.track(receipt.caseNo, receipt.secret)).json();
    expect(v).toMatchObject({ status: 'closed', reopenRequested: false });
    expect(v.notifications[0]).toMatchObject({
      about: 'refuse_request',
      text: expect.stringContaining('经复核已按标准清理'),
    });
  });

  it('rating before the case is closed is refused by the workflow (409)', async () => {
    const me = citizen(t, '203.0.113.9');
    const receipt = (await me.report()).json();
    const r = await me.rate(receipt.caseNo, { secret: receipt.secret, rating: 'satisfied' });
    expectRefusal(r, { status: 409, code: 'conflict' });
    expect(r.json().error.details.reason).toBe('not_allowed_in_state');
  });
});

describe('receipts', () => {
  it('answers a wrong secret and an unknown number with the same 404; accepts the secret as typed', async () => {
    const me = citizen(t, '198.51.100.1');
    const receipt = (await me.report()).json();
    const wrong = await me.track(receipt.caseNo, 'AAAA-AAAA-AAAA-AAAA');
    const unknown = await me.track('AJ202601010000000001', receipt.secret);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/public/cases/${receipt.caseNo}`,
      remoteAddress: '198.51.100.1',
    });
    expect([wrong.statusCode, unknown.statusCode, missing.statusCode]).toEqual([404, 404, 404]);
    expect(wrong.body).toBe(unknown.body);
    expect(missing.body).toBe(unknown.body);
    // Lower case, no dashes, and in the query string rather than the header.
    const typed = receipt.secret.replaceAll('-', '').toLowerCase();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/public/cases/${receipt.caseNo}?secret=${typed}`,
          remoteAddress: '198.51.100.1',
        })
      ).statusCode,
    ).toBe(200);
    // Rating with a wrong secret is the same 404.
    expectRefusal(
      await me.rate(receipt.caseNo, { secret: 'AAAA-AAAA-AAAA-AAAA', rating: 'satisfied' }),
      { status: 404, code: 'not_found' },
    );
  });

  it('throttles failed look-ups per address, even for a right secret then; other addresses are unaffected', async () => {
    const guesser = citizen(t, '198.51.100.66');
    const receipt = (await citizen(t, '198.51.100.2').report()).json();
    for (let i = 0; i < 20; i++)
      expectRefusal(
        await guesser.track(receipt.caseNo, `AAAA-AAAA-AAAA-${String(i).padStart(4, '0')}`),
        { status: 404, code: 'not_found' },
      );
    const blocked = await guesser.track(receipt.caseNo, receipt.secret);
    expectRefusal(blocked, { status: 429, code: 'rate_limited' });
    expect(
      (await citizen(t, '198.51.100.2').track(receipt.caseNo, receipt.secret)).statusCode,
    ).toBe(200);
  });

  // Every write here solves a real challenge (about 65,000 hashes): a loaded machine needs more than 30 s.
  it('throttles report floods per address', async () => {
    const flood = citizen(t, '198.51.100.99');
    for (let i = 0; i < 20; i++) expect((await flood.report()).statusCode).toBe(201);
    const r = await flood.report();
    expectRefusal(r, { status: 429, code: 'rate_limited' });
  }, 120_000);

  it('is idempotent: a retry with the same key gives the same number and never the secret again', async () => {
    const me = citizen(t, '198.51.100.3');
    const before = await counts();
    const key = 'b6f1c7a2-6f0e-4a55-9a3c-2f1d0e9c8b7a';
    const first = await me.report({ idempotencyKey: key });
    const second = await me.report({ idempotencyKey: key, description: '重复提交的同一诉求内容' });
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.json()).toMatchObject({
      created: false,
      caseNo: first.json().caseNo,
      secret: null,
    });
    expect(await counts()).toEqual({ cases: before.cases + 1, receipts: before.receipts + 1 });
    expect((await me.track(first.json().caseNo, first.json().secret)).statusCode).toBe(200);
  });

  it('refuses bad input with 400 and the field, writing nothing', async () => {
    const me = citizen(t, '198.51.100.4');
    const before = await counts();
    const field = async (extra: Record<string, unknown>) => {
      const r = await me.report(extra);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.code).toBe('validation_failed');
      return r.json().error.field as string;
    };
    expect(await field({ description: undefined })).toBe('description');
    expect(await field({ description: '  ' })).toBe('description');
    expect(await field({ description: '长'.repeat(2001) })).toBe('description');
    expect(await field({ address: '路'.repeat(201) })).toBe('address');
    expect(await field({ lng: 120.1, lat: 30.2 })).toBe('lng');
    expect(await field({ lat: undefined })).toBe('lng');
    expect(await field({ lng: undefined, lat: undefined, address: '不存在的某某路 99 号' })).toBe(
      'address',
    );
    expect(await field({ contactPhone: '12345' })).toBe('contactPhone');
    expect(await field({ classCode: '99999' })).toBe('classCode');
    expect(await counts()).toEqual(before);

    const receipt = (await me.report()).json();
    const bad = await me.rate(receipt.caseNo, { secret: receipt.secret, rating: 'great' });
    expectRefusal(bad, { status: 400, code: 'validation_failed', field: 'rating' });
    expect(
      (
        await me.rate(receipt.caseNo, {
          secret: receipt.secret,
          rating: 'dissatisfied',
          reason: '长'.repeat(501),
        })
      ).json().error.field,
    ).toBe('reason');
  });

  it('lists the 问题类型 a citizen may pick (active 事项/综治 classes with their 大类), without login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/categories' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string; group: string | null }[];
    expect(items.length).toBeGreaterThan(100);
    expect(items.find((c) => c.code === '06010')).toMatchObject({
      name: expect.any(String),
      group: expect.any(String),
    });
    // Only case classes: no 部件 class and no 大类 itself.
    expect(items.every((c) => c.code.length >= 5)).toBe(true);
    const picked = await citizen(t).report({ classCode: '06010' });
    expect(picked.statusCode, picked.body).toBe(201);
    const id = await caseIdOf(cast, picked.json().caseNo);
    expect((await cast.admin.get(`/api/cases/${id}`)).json().classCode).toBe('06010');
  });

  it('locates a report from a typed standard address when there is no map pick', async () => {
    const road = await cast.admin.post('/api/addresses', {
      level: 'street_lane',
      name: '幸福路',
      lng: CITY.inB[0],
      lat: CITY.inB[1],
    });
    expect(road.statusCode, road.body).toBe(201);
    const r = await citizen(t, '198.51.100.5').report({
      lng: undefined,
      lat: undefined,
      address: '幸福路',
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = await caseIdOf(cast, r.json().caseNo);
    expect((await cast.admin.get(`/api/cases/${id}`)).json().gridCode).toBe(CITY.gridB);
  });
});

describe('merged duplicates follow the master', () => {
  it('tells the duplicate’s reporter when the master closes; only the own reporter rates', async () => {
    const master = (
      await cast.inspector.post('/api/cases', {
        lng: CITY.inA[0],
        lat: CITY.inA[1],
        address: '文化路 12 号',
        description: '暴露垃圾',
        classCode: '06010',
      })
    ).json();
    const me = citizen(t, '192.0.2.10');
    const receipt = (await me.report({ lng: CITY.inA[0] + 0.0001 })).json();
    const dupId = await caseIdOf(cast, receipt.caseNo);
    await step(cast, cast.intake, dupId, 'merge', { masterCaseId: master.id });

    let v = (await me.track(receipt.caseNo, receipt.secret)).json();
    expect(v).toMatchObject({ merged: true, status: 'pending_acceptance', canRate: false });
    // Nothing internal: the citizen never learns the number of the case their report joined.
    expect(v).not.toHaveProperty('masterCaseNo');
    expect(JSON.stringify(v)).not.toContain(master.caseNo);
    expect(v.notifications.map((n: { about: string }) => n.about)).toEqual(['merge']);

    await walkToClosed(t, cast, master.id);
    v = (await me.track(receipt.caseNo, receipt.secret)).json();
    expect(v).toMatchObject({
      merged: true,
      status: 'closed',
      result: '垃圾已清运完毕',
      canRate: false,
      canRequestReopen: false,
    });
    expect(v.milestones.map((m: { kind: string }) => m.kind)).toEqual([
      'reported',
      'merged',
      'accepted',
      'dispatched',
      'handled',
      'closed',
    ]);
    expect(v.notifications[0]).toMatchObject({
      about: 'close',
      caseNo: receipt.caseNo,
      text: expect.stringContaining('合并办理'),
    });
    expect(JSON.stringify(v)).not.toContain(master.caseNo);

    const r = await me.rate(receipt.caseNo, { secret: receipt.secret, rating: 'satisfied' });
    expectRefusal(r, { status: 409, code: 'conflict' });
    expect(r.json().error.details.reason).toBe('merged');
  });
});
