import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY } from '../../../test/factories';
import { castCases, type CaseCast } from '../cases/cases.test-util';
import { caseIdOf, citizen, walkToClosed } from '../public-cases/public-cases.test-util';
import { notificationText } from './notification-text';

// 结案 told in the reader's terms (issue 11 #8): a staff reporter hears the outcome; only a citizen is invited to
// rate the handling (评价 is the public portal's) and told "we will handle it soon" on 受理.
let t: TestApp;
let cast: CaseCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
});
afterAll(async () => t.close());

const EVALUATE = '评价';

describe('notification wording by reader', () => {
  it('words 受理 and 结案 for staff without the citizen phrases', () => {
    const staff = { caseNo: 'AJ1', own: true, reason: null, audience: 'staff' as const };
    const citizenN = { ...staff, audience: 'citizen' as const };
    expect(notificationText('close', staff)).toBe('您反映的问题（AJ1）已办结。');
    expect(notificationText('accept', staff)).toBe('您反映的问题（AJ1）已受理。');
    expect(notificationText('close', citizenN)).toContain(EVALUATE);
    expect(notificationText('accept', citizenN)).toContain('我们将尽快处理');
  });

  it('sends a staff reporter the staff wording and a citizen the citizen wording for the same step', async () => {
    const c = (
      await cast.inspector.post('/api/cases', {
        lng: CITY.inA[0],
        lat: CITY.inA[1],
        address: '文化路 12 号',
        description: '暴露垃圾',
        classCode: '06010',
      })
    ).json();
    await walkToClosed(t, cast, c.id);
    const staffClose = (await cast.inspector.get('/api/notifications'))
      .json()
      .items.find(
        (n: { caseId: string; about: string }) => n.caseId === c.id && n.about === 'close',
      );
    expect(staffClose.text).toContain('已办结');
    expect(staffClose.text).not.toContain(EVALUATE);

    const me = citizen(t, '192.0.2.78');
    const receipt = (await me.report()).json();
    await walkToClosed(t, cast, await caseIdOf(cast, receipt.caseNo));
    const tracked = (await me.track(receipt.caseNo, receipt.secret)).json();
    const citizenClose = tracked.notifications.find((n: { about: string }) => n.about === 'close');
    expect(citizenClose.text).toContain(EVALUATE);
  });
});
