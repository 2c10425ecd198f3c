import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, userSession, type Session } from '../../../test/factories';
import { act as actOn, castCases, type CaseCast } from './cases.test-util';
import { expectRefusal } from '../../../test/refusal';

// Ids a transition names in its body (the merge target, the person sent to verify) resolve through the caller's
// scope: one outside it answers exactly as one that does not exist.
let t: TestApp;
let cast: CaseCast;
let westIntake: Session;
let eastInspectorId: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  westIntake = await userSession(t, {
    username: 'intake_w',
    roles: ['intake_operator'],
    areaCodes: [CITY.streetW],
  });
  eastInspectorId = (
    await createUser(t, { username: 'insp_e', roles: ['inspector'], areaCodes: [CITY.streetE] })
  ).id;
});
afterAll(async () => t.close());

const report = async (at: [number, number]) =>
  (
    await cast.admin.post('/api/cases', {
      lng: at[0],
      lat: at[1],
      address: '文化路 12 号',
      description: '暴露垃圾',
      classCode: '06010',
    })
  ).json() as { id: string };
const errorOf = (res: { json(): unknown }) => (res.json() as { error: unknown }).error;

describe('references in transitions', () => {
  it('merging into a case outside the caller’s area answers as an unknown case, and merges nothing', async () => {
    const dup = await report(CITY.inA);
    const eastMaster = await report(CITY.inC);
    const unknown = await actOn(cast, westIntake, dup.id, 'merge', {
      masterCaseId: '01900000-0000-7000-8000-000000000000',
    });
    const outside = await actOn(cast, westIntake, dup.id, 'merge', { masterCaseId: eastMaster.id });
    expectRefusal(unknown, { status: 400, code: 'validation_failed', field: 'masterCaseId' });
    expectRefusal(outside, { status: 400, code: 'validation_failed', field: 'masterCaseId' });
    expect(errorOf(outside)).toEqual(errorOf(unknown));
    expect((await cast.admin.get(`/api/cases/${dup.id}`)).json()).toMatchObject({
      state: 'pending_acceptance',
      masterCaseId: null,
    });
  });

  it('sending to verify someone outside the grid answers as sending to no one, whatever their role', async () => {
    const c = await report(CITY.inA);
    const unknown = await actOn(cast, cast.intake, c.id, 'send_verify', {
      assigneeId: '01900000-0000-7000-8000-000000000000',
    });
    const outside = await actOn(cast, cast.intake, c.id, 'send_verify', {
      assigneeId: eastInspectorId,
    });
    expectRefusal(unknown, { status: 400, code: 'validation_failed', field: 'assigneeId' });
    expect(errorOf(outside)).toEqual(errorOf(unknown));
    // Someone inside the grid still goes through.
    expect(
      (await actOn(cast, cast.intake, c.id, 'send_verify', { assigneeId: cast.inspectorId }))
        .statusCode,
    ).toBe(200);
  });
});
