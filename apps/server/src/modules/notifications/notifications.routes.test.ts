import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY } from '../../../test/factories';
import { castCases, step, type CaseCast } from '../cases/cases.test-util';
import { caseIdOf, citizen, walkToClosed } from '../public-cases/public-cases.test-util';
import { expectRefusal } from '../../../test/refusal';

// 站内消息: written with the transition, to the reporter and to reporters of duplicates merged into the case.
let t: TestApp;
let cast: CaseCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
});
afterAll(async () => t.close());

const report = (extra: Record<string, unknown> = {}) =>
  cast.inspector.post('/api/cases', {
    lng: CITY.inA[0],
    lat: CITY.inA[1],
    address: '文化路 12 号',
    description: '暴露垃圾',
    classCode: '06010',
    ...extra,
  });

describe('my messages', () => {
  it('tells a staff reporter of 受理 and 结案, with an unread badge and mark-as-read', async () => {
    const before = (await cast.inspector.get('/api/notifications/unread-count')).json()
      .unread as number;
    const c = (await report()).json();
    await walkToClosed(t, cast, c.id);
    const inbox = (await cast.inspector.get('/api/notifications')).json();
    expect(inbox.unread).toBe(before + 2);
    const mine = inbox.items.filter((n: { caseId: string }) => n.caseId === c.id);
    expect(mine.map((n: { about: string }) => n.about)).toEqual(['close', 'accept']);
    expect(mine[0]).toMatchObject({
      caseNo: c.caseNo,
      readAt: null,
      text: expect.stringContaining('已办结'),
    });

    // Another user neither sees nor marks it.
    expect(
      (await cast.dispatcher.get('/api/notifications'))
        .json()
        .items.map((n: { id: string }) => n.id),
    ).not.toContain(mine[0].id);
    expectRefusal(await cast.dispatcher.post(`/api/notifications/${mine[0].id}/read`), {
      status: 404,
      code: 'not_found',
    });

    const read = await cast.inspector.post(`/api/notifications/${mine[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBeTruthy();
    expect((await cast.inspector.get('/api/notifications/unread-count')).json().unread).toBe(
      before + 1,
    );
    expect(
      (await cast.inspector.get('/api/notifications?unread=true'))
        .json()
        .items.map((n: { id: string }) => n.id),
    ).not.toContain(mine[0].id);
    expect((await cast.inspector.post('/api/notifications/read-all')).json()).toEqual({
      unread: 0,
    });
    expect((await cast.inspector.get('/api/notifications/unread-count')).json().unread).toBe(0);
  });

  it('reaches reporters of merged duplicates (staff and citizen) when the master progresses, once each', async () => {
    const master = (await report()).json();
    const staffDup = (
      await cast.leader.post('/api/cases', {
        lng: CITY.inA[0],
        lat: CITY.inA[1],
        address: '文化路 12 号',
        description: '同一处垃圾',
        classCode: '06010',
        source: 'patrol',
      })
    ).json();
    const me = citizen(t, '192.0.2.77');
    const receipt = (await me.report()).json();
    const citizenDup = await caseIdOf(cast, receipt.caseNo);
    await step(cast, cast.intake, staffDup.id, 'merge', { masterCaseId: master.id });
    await step(cast, cast.intake, citizenDup, 'merge', { masterCaseId: master.id });
    await walkToClosed(t, cast, master.id);

    const leaderInbox = (await cast.leader.get('/api/notifications')).json().items as {
      caseId: string;
      about: string;
      text: string;
    }[];
    expect(leaderInbox.filter((n) => n.caseId === master.id).map((n) => n.about)).toEqual([
      'close',
      'accept',
    ]);
    expect(leaderInbox.find((n) => n.caseId === master.id && n.about === 'close')!.text).toContain(
      `合并办理的案件（${master.caseNo}）已办结`,
    );
    expect(leaderInbox.find((n) => n.caseId === staffDup.id)!.about).toBe('merge');

    const v = (await me.track(receipt.caseNo, receipt.secret)).json();
    // The citizen hears of the master's progress under their own number: the internal master number never reaches them.
    expect(
      v.notifications.map((n: { about: string; caseNo: string }) => `${n.about}:${n.caseNo}`),
    ).toEqual([`close:${receipt.caseNo}`, `accept:${receipt.caseNo}`, `merge:${receipt.caseNo}`]);
    expect(JSON.stringify(v)).not.toContain(master.caseNo);

    // The master's own reporter hears once, with the own-case wording.
    const own = (await cast.inspector.get('/api/notifications'))
      .json()
      .items.filter((n: { caseId: string }) => n.caseId === master.id);
    expect(own.map((n: { about: string }) => n.about)).toEqual(['close', 'accept']);
    expect(own[0].text).toContain('您反映的问题');
  });

  it('needs a login', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
