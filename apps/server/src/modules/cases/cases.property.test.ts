import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STATES,
  CLOSE_REASONS,
  LIMIT_TYPES,
  RATINGS,
  REQUEST_TYPES,
  type CaseAction,
  type CaseState,
  type CaseTransitionRequest,
  type CaseView,
  type RequestType,
  isTerminalState,
  rowsFor,
  transitionTargets,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { FULL_SCOPE } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import { AppError } from '../../core/errors';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, seedCity } from '../../../test/factories';
import { phoneJpeg } from '../attachments/attachments.test-util';
import { readStored } from './case-record';
import { createCasesRepo } from './cases.repo';

/**
 * Server-level property (issue: "random action sequences never reach a state the table forbids, and
 * deadlines never move backwards except by an approved 延期"). Each run reports one case and drives it
 * through random service calls by random actors, mostly choosing among the actions the case view offers
 * them, sometimes trying one it does not offer. The shared table is the oracle.
 */

const BASE = Date.parse('2026-11-30T09:00:00+08:00'); // a Monday, Shanghai
let nowMs = BASE;
const clock: Clock = { now: () => new Date(nowMs) };
/**
 * The server's draws (deps.random) come from the walk: each step says whether a 自行处置 受理 is sampled for
 * 核查, so fast-check's seed decides it and a shrunk walk replays the same draws. The rate is 0.1: 0 draws a
 * 核查, 0.99 does not.
 */
let nextDraw = 0.99;
const random = () => nextDraw;

let t: TestApp;
let conditionId: string;
let deptIds: [string, string];
let masterCaseId: string;

type Who =
  | 'inspector'
  | 'intake'
  | 'shift'
  | 'dispatcher'
  | 'handler1'
  | 'handler2'
  | 'leader'
  | 'hotline';
const WHO: readonly Who[] = [
  'inspector',
  'intake',
  'shift',
  'dispatcher',
  'handler1',
  'handler2',
  'leader',
  'hotline',
];
const actors = {} as Record<Who, Actor>;
const photos = {} as Partial<Record<Who, string[]>>;

/** What a closed case still accepts (table row 已结案); the other ended states accept nothing. */
const CLOSED_ACTIONS: readonly CaseAction[] = [
  'rate',
  'request_reopen',
  'approve_request',
  'refuse_request',
];
const ENDED: readonly CaseState[] = ['closed', 'rejected', 'voided', 'merged', 'dismissed'];
/** Overlays and re-assignments: offered almost everywhere, they keep the state. */
const SIDE_ACTIONS: readonly CaseAction[] = [
  'urge',
  'supervise',
  'reply_supervision',
  'cancel_supervision',
  'leader_instruct',
  'set_flags',
  'recategorise',
  'reassign_verify',
  'reassign_check',
];

async function actorFor(userId: string, override?: Actor['roles']): Promise<Actor> {
  const u = (await t.services.users.findById(userId))!;
  const a = (await t.services.users.access(userId))!;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: override ?? a.roles,
    permissions: a.permissions,
    scope: override ? FULL_SCOPE : a.scope,
    departmentId: u.department_id,
    via: 'token',
    csrfToken: null,
    sessionId: null,
    mustChangePassword: false,
  };
}

beforeAll(async () => {
  t = await createTestApp({ clock, random });
  await seedCity(t);
  const s = t.services;
  const d1 = await s.departments.create(
    s.system,
    { code: 'hw', name: '区环卫中心', areaCode: CITY.district },
    null,
  );
  const d2 = await s.departments.create(
    s.system,
    { code: 'sz', name: '区市政所', areaCode: CITY.district },
    null,
  );
  deptIds = [d1.id, d2.id];
  const ids: Record<Who, string> = {
    inspector: (
      await createUser(t, { username: 'insp', roles: ['inspector'], areaCodes: [CITY.streetW] })
    ).id,
    intake: (
      await createUser(t, {
        username: 'intake',
        roles: ['intake_operator'],
        areaCodes: [CITY.district],
      })
    ).id,
    shift: (
      await createUser(t, {
        username: 'shift',
        roles: ['shift_leader'],
        areaCodes: [CITY.district],
      })
    ).id,
    dispatcher: (
      await createUser(t, { username: 'disp', roles: ['dispatcher'], areaCodes: [CITY.district] })
    ).id,
    leader: (
      await createUser(t, { username: 'boss', roles: ['street_leader'], areaCodes: [CITY.streetW] })
    ).id,
    handler1: (
      await s.users.createDirect({
        username: 'hw1',
        displayName: '环卫',
        passwordHash: 'x',
        roles: ['department_handler'],
        areaCodes: [CITY.district],
        departmentId: d1.id,
      })
    ).id,
    handler2: (
      await s.users.createDirect({
        username: 'sz1',
        displayName: '市政',
        passwordHash: 'x',
        roles: ['department_handler'],
        areaCodes: [CITY.district],
        departmentId: d2.id,
      })
    ).id,
    // The 12345 centre is a pseudo-role the server puts in the actor itself (integration token).
    hotline: (await createUser(t, { username: 'hotline', roles: [], areaCodes: [] })).id,
  };
  for (const w of WHO)
    actors[w] = await actorFor(
      ids[w],
      w === 'hotline' ? [{ code: 'hotline_center', name: '12345' }] : undefined,
    );
  // Photos must be the actor's own: two each for whoever may need them, uploaded once and reused.
  for (const w of ['inspector', 'handler1', 'handler2'] as const) {
    photos[w] = [];
    for (const colour of ['#a33', '#3a3'])
      photos[w].push(
        (await s.attachments.upload(actors[w], await phoneJpeg({ width: 40, height: 30, colour })))
          .attachment.id,
      );
  }
  conditionId = (await s.conditions.applicable('06010', {}))[0]!.id;
  masterCaseId = (
    await s.cases.report(actors.inspector, {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      crs: 'wgs84',
      address: '文化路 1 号',
      description: '主案件',
    })
  ).case.id;
});
afterAll(async () => t?.close());

// ---- generators -------------------------------------------------------------------------------

const startArb = fc.record({
  reporter: fc.constantFrom<'inspector' | 'intake' | 'leader'>(
    'inspector',
    'inspector',
    'intake',
    'leader',
  ),
  hotlineSource: fc.boolean(),
  selfHandled: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  urgent: fc.boolean(),
  startOffsetMin: fc.integer({ min: 0, max: 7 * 24 * 60 }),
});

const stepArb = fc.record({
  /**
   * Which menu the move comes from, so walks get past the intake desk: 0–3 an offered move forward in the flow
   * (or a request/decision), 4–5 any offered state change, 6–7 any offered move that does not end the case
   * (overlays included), 8 any offered move, 9 an action the view does NOT offer (must be refused).
   */
  pick: fc.integer({ min: 0, max: 9 }),
  idx: fc.nat({ max: 999 }),
  actorIdx: fc.nat({ max: 99 }),
  /** Minutes the test clock moves first: mostly within the working day, sometimes days (past the 7-day reopen window). */
  advanceMin: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 90 }) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 2 * 24 * 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 6 * 24 * 60, max: 9 * 24 * 60 }) },
  ),
  /** 0: drop one required input (may be refused), otherwise complete. */
  complete: fc.integer({ min: 0, max: 15 }),
  gpsInside: fc.integer({ min: 0, max: 7 }).map((n) => n > 0),
  foreignPhoto: fc.integer({ min: 0, max: 15 }).map((n) => n === 0),
  dept: fc.integer({ min: 0, max: 1 }),
  assigneeIsHandler: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  closeReason: fc.oneof(fc.constant('fixed' as const), fc.constantFrom(...CLOSE_REASONS)),
  extension: fc.record({
    value: fc.integer({ min: 1, max: 3 }),
    limitType: fc.constantFrom(...LIMIT_TYPES),
  }),
  grantOther: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  requestIdx: fc.nat({ max: 9 }),
  rating: fc.constantFrom(...RATINGS),
  flag: fc.constantFrom<'urgent' | 'legacyIssue'>('urgent', 'legacyIssue'),
  flagValue: fc.boolean(),
  sampled: fc.boolean(),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

// ---- helpers ----------------------------------------------------------------------------------

/** Inputs the table requires for the action; decisions pick their row by request type. */
const requiredInputs = (state: CaseState, action: CaseAction, requestType: RequestType) => {
  const decision = action === 'approve_request' || action === 'refuse_request';
  return [
    ...new Set(
      rowsFor(state, action)
        .filter((r) => !decision || r.requestType === requestType)
        .flatMap((r) => r.inputs),
    ),
  ];
};

function buildInput(
  v: CaseView,
  who: Who,
  action: CaseAction,
  s: Step,
): Omit<CaseTransitionRequest, 'action' | 'version'> {
  const pending = v.pendingRequests.map((r) => r.type);
  const requestType: RequestType =
    v.decidableRequests.length > 0
      ? v.decidableRequests[s.requestIdx % v.decidableRequests.length]!
      : pending.length > 0
        ? pending[s.requestIdx % pending.length]!
        : REQUEST_TYPES[s.requestIdx % REQUEST_TYPES.length]!;
  const own = photos[who] ?? photos.inspector!;
  const foreign = who === 'inspector' ? photos.handler1! : photos.inspector!;
  const all: Omit<CaseTransitionRequest, 'action' | 'version'> = {
    note: '已安排今日处理',
    reason: action === 'rate' && s.rating !== 'dissatisfied' ? undefined : '现场情况说明',
    photos: [...(s.foreignPhoto || !photos[who] ? foreign : own).slice(0, 1 + (s.idx % 2))],
    gps: s.gpsInside
      ? { lng: CITY.inA[0], lat: CITY.inA[1] }
      : { lng: CITY.inB[0], lat: CITY.inB[1] },
    result: '已清理完毕',
    closeReason:
      v.selfHandled && !v.handlingDeptId && s.closeReason === 'fixed'
        ? 'self_handled'
        : s.closeReason,
    departmentId: deptIds[s.dept],
    classCode: '06010',
    conditionId,
    assigneeId: s.assigneeIsHandler ? actors.handler1.id : actors.inspector.id,
    requestType,
    extension: s.extension,
    level: 'normal',
    rating: s.rating,
    masterCaseId,
    flags: { [s.flag]: s.flagValue },
  };
  const fields = new Set<string>(requiredInputs(v.state, action, requestType));
  if (action === 'approve_request' || action === 'refuse_request') fields.add('requestType');
  if (action === 'approve_request' && requestType === 'extension' && s.grantOther)
    fields.add('extension');
  if (action === 'rate' && all.reason) fields.add('reason');
  if (action === 'supervise') fields.add('level');
  if (action === 'reject' || action === 'void') fields.add('reason');
  const required = [...fields].filter((f) => f !== 'requestType');
  if (s.complete === 0 && required.length > 0) fields.delete(required[s.idx % required.length]!);
  const out: Record<string, unknown> = {};
  for (const f of fields)
    if ((all as Record<string, unknown>)[f] !== undefined)
      out[f] = (all as Record<string, unknown>)[f];
  return out;
}

async function readRow(id: string) {
  const row = (await createCasesRepo(t.services.db).findById(FULL_SCOPE, id))!;
  return { row, clocks: readStored(row).clocks };
}

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

// ---- the property -----------------------------------------------------------------------------

const reached = new Set<string>();
let successes = 0;
let refusals = 0;

async function run(
  start: typeof startArb extends fc.Arbitrary<infer T> ? T : never,
  steps: Step[],
) {
  nowMs = BASE + start.startOffsetMin * 60_000;
  const trace: string[] = [];
  const reporter = start.selfHandled ? 'inspector' : start.reporter;
  const reported = await t.services.cases.report(actors[reporter], {
    lng: CITY.inA[0],
    lat: CITY.inA[1],
    crs: 'wgs84',
    address: '文化路 12 号',
    description: '暴露垃圾',
    classCode: '06010',
    ...(start.hotlineSource && reporter !== 'leader' ? { source: 'hotline_12345' as const } : {}),
    ...(start.selfHandled ? { selfHandled: true, photos: photos.inspector! } : {}),
    ...(start.urgent ? { urgent: true } : {}),
  });
  const id = reported.case.id;
  trace.push(
    `report by ${reporter}${start.hotlineSource ? ' (12345)' : ''}${start.selfHandled ? ' self-handled' : ''} -> ${reported.case.state}`,
  );
  try {
    for (const s of steps) {
      nowMs += s.advanceMin * 60_000;
      const views = await Promise.all(
        WHO.map(async (w) => [w, await t.services.cases.get(actors[w], id)] as const),
      );
      const state = views[0]![1].state;
      reached.add(state);
      // (6) an ended case offers nothing but the closed-state actions, to anyone.
      for (const [w, v] of views) {
        const allowed =
          state === 'closed' ? CLOSED_ACTIONS : isTerminalState(state) ? [] : CASE_ACTIONS;
        for (const a of v.allowedActions)
          expect(allowed, `${w} offered ${a} in ${state}`).toContain(a);
      }
      const offers = views.flatMap(([w, v]) =>
        v.allowedActions.map((action) => ({ w, v, action })),
      );
      const onward = offers.filter(
        (o) =>
          !transitionTargets(state, o.action).every((x) => ENDED.includes(x) && x !== 'closed'),
      );
      const moving = onward.filter(
        (o) =>
          !SIDE_ACTIONS.includes(o.action) &&
          (o.action.includes('request') ||
            transitionTargets(state, o.action).some((x) => x !== state)),
      );
      const forward = moving.filter(
        (o) =>
          o.action.includes('request') ||
          transitionTargets(state, o.action).some(
            (x) => CASE_STATES.indexOf(x) > CASE_STATES.indexOf(state),
          ),
      );
      const menu =
        s.pick < 4 && forward.length
          ? forward
          : s.pick < 6 && moving.length
            ? moving
            : s.pick < 8 && onward.length
              ? onward
              : offers;
      let chosen: { w: Who; v: CaseView; action: CaseAction; offered: boolean };
      if (s.pick < 9 && menu.length > 0) {
        chosen = { ...menu[s.idx % menu.length]!, offered: true };
      } else {
        const [w, v] = views[s.actorIdx % views.length]!;
        const notOffered = CASE_ACTIONS.filter((a) => !v.allowedActions.includes(a));
        chosen = { w, v, action: notOffered[s.idx % notOffered.length]!, offered: false };
      }
      const { w, v, action, offered } = chosen;
      const input = buildInput(v, w, action, s);
      const before = await readRow(id);
      const eventsBefore = await createCasesRepo(t.services.db).events(id);
      const label = `${w} ${action}${offered ? '' : ' (not offered)'} ${JSON.stringify(input)} @${new Date(nowMs).toISOString()}`;

      let after: CaseView | null = null;
      let refusal: unknown = null;
      nextDraw = s.sampled ? 0 : 0.99;
      try {
        after = await t.services.cases.transition(actors[w], id, {
          action,
          version: v.version,
          ...input,
        });
      } catch (e) {
        refusal = e;
      }
      const now = await readRow(id);
      const eventsAfter = await createCasesRepo(t.services.db).events(id);
      trace.push(
        `${label} -> ${after ? after.state : `refused ${refusal instanceof AppError ? `${refusal.code}: ${refusal.message}` : String(refusal)}`}`,
      );

      // (2) the log is 1..n without gaps.
      expect(eventsAfter.map((e) => e.seq)).toEqual(eventsAfter.map((_, i) => i + 1));
      if (!after) {
        refusals++;
        expect(refusal, 'refusals are AppErrors').toBeInstanceOf(AppError);
        expect(now.row, 'a refusal changes nothing').toEqual(before.row);
        expect(eventsAfter).toHaveLength(eventsBefore.length);
        continue;
      }
      successes++;
      reached.add(`${state}:${action}${input.requestType ? `:${input.requestType}` : ''}`);
      expect(offered, 'an action not offered must be refused').toBe(true);
      // (1) the table allows this move.
      expect(transitionTargets(state, action), `${state} --${action}--> ${after.state}`).toContain(
        after.state,
      );
      expect(now.row.state).toBe(after.state);
      // (6) ended cases accept only the closed-state actions.
      if (isTerminalState(state))
        expect(state === 'closed' ? CLOSED_ACTIONS : []).toContain(action);
      // (2) one event per success, describing it.
      expect(eventsAfter).toHaveLength(eventsBefore.length + 1);
      expect(eventsAfter.at(-1)).toMatchObject({
        action,
        from_state: state,
        to_state: after.state,
      });
      // (3) version + 1.
      expect(after.version).toBe(v.version + 1);
      expect(now.row.version).toBe(before.row.version + 1);
      // (5) counters never decrease.
      expect(now.row.rework_count).toBeGreaterThanOrEqual(before.row.rework_count);
      expect(now.row.reopen_count).toBeGreaterThanOrEqual(before.row.reopen_count);
      // (4) deadlines.
      const extension =
        input.requestType === 'extension' &&
        (action === 'approve_request' || action === 'refuse_request')
          ? action
          : null;
      // Moves that may shorten deadlines by design: 变更分类 onto other limits (e.g. a self-handled case that
      // was never registered gets its first 立案条件), and 加急 (it selects the urgent limit row).
      const reclassified =
        action === 'recategorise' && now.row.condition_id !== before.row.condition_id;
      const madeUrgent = action === 'set_flags' && now.row.urgent === 1 && before.row.urgent === 0;
      if (reclassified || madeUrgent) continue;
      for (const [step, c] of Object.entries(before.clocks)) {
        const n = now.clocks[step as keyof typeof now.clocks];
        if (
          !n ||
          n.startedAt !== c.startedAt ||
          c.remaining !== undefined ||
          n.remaining !== undefined
        )
          continue;
        if (extension === 'approve_request' && step === 'handle')
          expect(ms(n.deadlineAt)!, `${step} deadline extended`).toBeGreaterThan(ms(c.deadlineAt)!);
        else if (extension === 'refuse_request')
          expect(n.deadlineAt, `${step} deadline after refused 延期`).toBe(c.deadlineAt);
        else
          expect(ms(n.deadlineAt)!, `${step} deadline moved back`).toBeGreaterThanOrEqual(
            ms(c.deadlineAt)!,
          );
      }
      const d0 = ms(before.row.deadline_at);
      const d1 = ms(now.row.deadline_at);
      if (d0 !== null) {
        expect(d1, 'the overall deadline is never cleared').not.toBeNull();
        if (extension === 'approve_request')
          expect(d1!, 'approved 延期 moves the overall deadline').toBeGreaterThan(d0);
        else if (extension === 'refuse_request') expect(d1).toBe(d0);
        else expect(d1!, 'overall deadline moved back').toBeGreaterThanOrEqual(d0);
      }
    }
    if (process.env.PROP_TRACE) console.log(trace.join('\n'));
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    err.message = `${err.message}\ntrace:\n  ${trace.join('\n  ')}`;
    throw err;
  }
}

// Fixed so CI is deterministic; PROP_SEED / PROP_RUNS explore other walks locally (PROP_TRACE=1 prints each walk).
// Seed 1 is the one that first caught 变更分类 moving deadlines backwards (extensions, 重开 and 挂账 time lost).
const SEED = Number(process.env.PROP_SEED ?? 1);
const RUNS = Number(process.env.PROP_RUNS ?? 150);

describe('cases service under random action sequences', () => {
  it('never leaves the table, logs every change once, and keeps deadlines moving forward', async () => {
    await fc.assert(
      fc.asyncProperty(
        startArb,
        fc.array(stepArb, { minLength: 1, maxLength: 25, size: 'max' }),
        (start, steps) => run(start, steps),
      ),
      // Shrinking replays whole walks against the database; cap it so a failure reports within a minute.
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 40_000 },
    );
    // The walk must get past the intake desk, or the property says little.
    expect([...reached].filter((r) => !r.includes(':'))).toEqual(
      expect.arrayContaining(['handling', 'closed']),
    );
    if (process.env.PROP_TRACE)
      console.log(
        `states/moves covered: ${[...reached].sort().join(' ')}, successes ${successes}, refusals ${refusals}`,
      );
  }, 90_000);
});
