import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, login, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, photo, reportAt, step, type CaseCast } from '../cases/cases.test-util';

let t: TestApp;
let cast: CaseCast;
let other: Session;
let otherId: string;

const complete = (s: Session, id: string, body: Record<string, unknown>) =>
  s.post(`/api/field/tasks/${id}/complete`, body);
const version = async (id: string) =>
  (await cast.admin.get(`/api/cases/${id}`)).json().version as number;
const events = async (id: string, action: string) =>
  ((await cast.admin.get(`/api/cases/${id}/events`)).json().items as { action: string }[]).filter(
    (e) => e.action === action,
  ).length;

/** A case walked to 核查中, assigned to the cast's inspector. */
async function inChecking(): Promise<string> {
  const id = await reportAt(cast.admin, CITY.inA);
  await step(cast, cast.intake, id, 'accept');
  await step(cast, cast.shift, id, 'register', {
    classCode: '06010',
    conditionId: cast.conditionId,
  });
  await step(cast, cast.dispatcher, id, 'dispatch', { departmentId: cast.deptId });
  await step(cast, cast.handler, id, 'acknowledge');
  await step(cast, cast.handler, id, 'submit_feedback', {
    result: '已清运',
    photos: [await photo(t, cast.handler)],
  });
  await step(cast, cast.dispatcher, id, 'accept_feedback');
  await step(cast, cast.intake, id, 'send_check', { assigneeId: cast.inspectorId });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  otherId = (
    await createUser(t, { username: 'insp2', roles: ['inspector'], areaCodes: [CITY.streetW] })
  ).id;
  other = await login(t, 'insp2');
});
afterAll(async () => t.close());

describe('POST /api/field/tasks/:id/complete', () => {
  it('a 核查 answer sent twice with one key is done once; the second answers the first result', async () => {
    const id = await inChecking();
    const body = {
      key: 'k-check-0001',
      action: 'check_pass',
      version: await version(id),
      photos: [await photo(t, cast.inspector)],
    };
    const first = await complete(cast.inspector, id, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ replayed: false, case: { state: 'pending_close' } });
    const again = await complete(cast.inspector, id, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ replayed: true, case: { state: 'pending_close' } });
    expect(await events(id, 'check_pass')).toBe(1);
  });

  it('two copies of one answer racing each other complete the task once', async () => {
    const id = await inChecking();
    const body = {
      key: 'k-check-race1',
      action: 'check_pass',
      version: await version(id),
      photos: [await photo(t, cast.inspector)],
    };
    const [a, b] = await Promise.all([
      complete(cast.inspector, id, body),
      complete(cast.inspector, id, body),
    ]);
    const answers = [a, b].map((r) =>
      r.statusCode === 200 ? r.json().replayed : r.json().error.details?.reason,
    );
    // One ran; the other either saw it done (replayed) or still running (in_progress, for the phone to resend).
    expect(answers).toContain(false);
    expect(answers.filter((x) => x === false)).toHaveLength(1);
    for (const x of answers) expect([false, true, 'in_progress']).toContain(x);
    expect(await events(id, 'check_pass')).toBe(1);
    const late = await complete(cast.inspector, id, body);
    expect(late.json().replayed).toBe(true);
  });

  it('a task reassigned meanwhile answers 409 and changes nothing; the key stays free', async () => {
    const id = await inChecking();
    const seen = await version(id);
    await step(cast, cast.intake, id, 'reassign_check', { assigneeId: otherId });
    const body = {
      key: 'k-check-0002',
      action: 'check_pass',
      version: seen,
      photos: [await photo(t, cast.inspector)],
    };
    expectRefusal(await complete(cast.inspector, id, body), { code: 'conflict' });
    expectRefusal(await complete(cast.inspector, id, body), { code: 'conflict' });
    const done = await complete(other, id, {
      ...body,
      version: await version(id),
      photos: [await photo(t, other)],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await events(id, 'check_pass')).toBe(1);
  });

  it('one key is one task: reused on another case it is refused', async () => {
    const a = await inChecking();
    const b = await inChecking();
    const body = { key: 'k-check-0003', action: 'check_fail', reason: '仍有垃圾' };
    const ok = await complete(cast.inspector, a, { ...body, version: await version(a) });
    expect(ok.statusCode, ok.body).toBe(200);
    expectRefusal(await complete(cast.inspector, b, { ...body, version: await version(b) }), {
      code: 'validation_failed',
      field: 'key',
    });
  });

  it('a 核实 position declared in GCJ-02 is converted to WGS-84 before the grid check', async () => {
    // WGS-84 (113.0495, 34.05) is in grid A near its east edge; its GCJ-02 reading lies in grid B.
    const gcj = { lng: 113.05585364820985, lat: 34.04870300235572 };
    const mk = async () => {
      const id = await reportAt(cast.admin, CITY.inA);
      await step(cast, cast.intake, id, 'send_verify', { assigneeId: cast.inspectorId });
      return id;
    };
    const raw = await mk();
    expectRefusal(
      await complete(cast.inspector, raw, {
        key: 'k-verify-0001',
        action: 'verify_true',
        version: await version(raw),
        photos: [await photo(t, cast.inspector)],
        gps: gcj,
      }),
      { code: 'validation_failed', field: 'gps' },
    );
    const declared = await mk();
    const res = await complete(cast.inspector, declared, {
      key: 'k-verify-0002',
      action: 'verify_true',
      version: await version(declared),
      photos: [await photo(t, cast.inspector)],
      gps: { ...gcj, crs: 'gcj02' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().case.state).toBe('pending_registration');
  });

  it('bad keys and actions outside the field tasks are refused', async () => {
    const id = await inChecking();
    const v = await version(id);
    expectRefusal(
      await complete(cast.inspector, id, { key: 'short', action: 'check_pass', version: v }),
      {
        code: 'validation_failed',
        field: 'key',
      },
    );
    expectRefusal(
      await complete(cast.inspector, id, { key: 'k-bad-00001', action: 'close', version: v }),
      { code: 'validation_failed', field: 'action' },
    );
  });
});
