import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  type CaseAction,
  LIMIT_TYPES,
  RATINGS,
  REQUEST_TYPES,
  SUPERVISION_LEVELS,
} from './case-actions';
import { applyEffects } from './case-apply';
import { A, assigneeOf, at, NOW, snap } from './case-fixtures.test-util';
import { isCaseHandler, isHandlingDeptUser } from './case-guards';
import { intakeEntry } from './case-intake';
import {
  CASE_SOURCES,
  CASE_STATES,
  type CaseState,
  CLOSE_REASONS,
  isTerminalState,
} from './case-states';
import type { ActorContext, CaseSnapshot, DecideInput } from './case-types';
import {
  allowedActions,
  decidableRequests,
  decide,
  TRANSITIONS,
  transitionTargets,
} from './case-workflow';

const POOL: ActorContext[] = Object.values(A);
const USER_IDS = [...new Set(POOL.map((a) => a.userId))];
const DEPTS = ['dept-a', 'dept-b', 'dept-c'];

/** Actions that may be taken on a closed case (docs/case-workflow.md §2, row 已结案). */
const CLOSED_ACTIONS: readonly CaseAction[] = [
  'rate',
  'request_reopen',
  'approve_request',
  'refuse_request',
];
/** 核实, 核查, 立案, 作废, 结案 decisions: never by a user of the handling department. */
const DEPT_SOD: readonly CaseAction[] = [
  'verify_true',
  'verify_false',
  'check_pass',
  'check_fail',
  'register',
  'refuse_registration',
  'close',
  'refuse_close',
  'void',
];
/** 核查 and 结案 decisions: never by whoever handled or self-handled the case. */
const HANDLER_SOD: readonly CaseAction[] = ['check_pass', 'check_fail', 'close', 'refuse_close'];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

const inputArb: fc.Arbitrary<DecideInput & { assigneeIdx: number }> = fc.record({
  note: maybe(fc.constantFrom('说明', ' ')),
  reason: maybe(fc.constantFrom('原因', '')),
  photos: maybe(fc.constantFrom(['att-1'], [])),
  gps: maybe(fc.constant({ lng: 113.6, lat: 34.7 })),
  result: maybe(fc.constant('已处理')),
  closeReason: maybe(fc.constantFrom(...CLOSE_REASONS)),
  departmentId: maybe(fc.constantFrom(...DEPTS)),
  classCode: maybe(fc.constant('06010')),
  conditionId: maybe(fc.constant('cond-1')),
  assigneeIdx: fc.nat(),
  requestType: maybe(fc.constantFrom(...REQUEST_TYPES)),
  extension: maybe(
    fc.record({
      value: fc.integer({ min: 0, max: 5 }),
      limitType: fc.constantFrom(...LIMIT_TYPES),
    }),
  ),
  level: maybe(fc.constantFrom(...SUPERVISION_LEVELS)),
  rating: maybe(fc.constantFrom(...RATINGS)),
  masterCaseId: maybe(fc.constantFrom('case-0', 'case-0', 'case-0', 'case-1')),
  flags: maybe(fc.record({ urgent: fc.boolean(), legacyIssue: fc.boolean() })),
  facts: fc.record({
    gpsInGrid: maybe(fc.boolean()),
    masterState: maybe(
      fc.oneof(fc.constantFrom<CaseState>('handling', 'closed'), fc.constantFrom(...CASE_STATES)),
    ),
    sampleCheck: fc.boolean(),
    suggestedDeptId: maybe(fc.constantFrom(...DEPTS)),
  }),
});

const stepArb = fc.record({
  actorIdx: fc.nat(),
  /**
   * 0–4: an offered move that changes the state or opens/decides a request, without ending the case;
   * 5–6: an offered move that does not end the case; 7–8: any offered move; 9: any actor, any action.
   */
  pick: fc.integer({ min: 0, max: 9 }),
  actionIdx: fc.nat(),
  advanceMinutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  input: inputArb,
});

const startArb = fc.record({
  source: fc.constantFrom(...CASE_SOURCES),
  selfHandled: fc.boolean(),
  reporterId: fc.constantFrom<string | null>('reporter', 'u-insp', 'u-shift', 'u-grid', null),
});

const TABLE_TARGETS = new Set<CaseState>(TRANSITIONS.map((r) => (r.to === 'same' ? r.from : r.to)));
const reachedOverall = new Set<CaseState>();

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function walk(start: CaseSnapshot, steps: readonly Step[]) {
  let c = start;
  let now = Date.parse(NOW);
  reachedOverall.add(c.state);
  for (const s of steps) {
    const nowIso = new Date(now).toISOString();
    // Mostly a move some actor is offered (and mostly one that does not end the case), so walks reach
    // the later states; sometimes any actor trying any action, to exercise refusals.
    const offers = POOL.flatMap((a) =>
      allowedActions(c, a).map((action) => ({ actor: a, action })),
    );
    const onward = offers.filter(
      (o) =>
        !transitionTargets(c.state, o.action).every((t) => isTerminalState(t) && t !== 'closed'),
    );
    const moving = onward.filter(
      (o) =>
        o.action.includes('request') ||
        transitionTargets(c.state, o.action).some((t) => t !== c.state),
    );
    const menu =
      s.pick < 5 && moving.length > 0 ? moving : s.pick < 7 && onward.length > 0 ? onward : offers;
    const chosen =
      s.pick < 9 && menu.length > 0
        ? menu[s.actionIdx % menu.length]
        : {
            actor: POOL[s.actorIdx % POOL.length],
            action: CASE_ACTIONS[s.actionIdx % CASE_ACTIONS.length],
          };
    if (!chosen?.actor || !chosen.action) continue;
    const actor = at(chosen.actor, nowIso);
    const action = chosen.action;
    const offered = allowedActions(c, actor);
    const assigneeId = USER_IDS[s.input.assigneeIdx % USER_IDS.length] ?? 'u-grid';
    const assignee = POOL.find((a) => a.userId === assigneeId) ?? A.gridAdmin;
    const { assigneeIdx: _, ...body } = s.input;
    const input: DecideInput = {
      ...body,
      assigneeId,
      facts: { ...body.facts, assignee: assigneeOf(assignee) },
    };
    // Like the UI, mostly decide a request that is actually open.
    const decidable = decidableRequests(c, actor);
    if (s.pick < 9 && decidable.length > 0)
      input.requestType = decidable[s.actionIdx % decidable.length];
    const result = decide(c, action, actor, input);

    if (result.ok) {
      // The UI never hides an action the engine would accept.
      expect(offered).toContain(action);
      // No state the table forbids.
      expect(transitionTargets(c.state, action)).toContain(result.nextState);
      if (isTerminalState(c.state)) {
        expect(c.state).toBe('closed');
        expect(CLOSED_ACTIONS).toContain(action);
      }
      if (
        DEPT_SOD.includes(action) ||
        (action === 'approve_request' && input.requestType === 'void')
      ) {
        expect(isHandlingDeptUser(c, actor.departmentId)).toBe(false);
      }
      if (HANDLER_SOD.includes(action)) expect(isCaseHandler(c, actor.userId)).toBe(false);
      for (const e of result.effects) {
        if (e.type === 'open_request') expect(c.pendingRequests[e.request.type]).toBeUndefined();
      }
      const next = applyEffects(c, result.effects, { now: actor.now });
      expect(next.state).toBe(result.nextState);
      expect(next.reworkCount).toBeGreaterThanOrEqual(c.reworkCount);
      expect(next.reopenCount).toBeGreaterThanOrEqual(c.reopenCount);
      expect(next.urgeCount).toBeGreaterThanOrEqual(c.urgeCount);
      c = next;
      reachedOverall.add(c.state);
      expect(TABLE_TARGETS.has(c.state)).toBe(true);
    } else {
      expect(result.message).toMatch(/[\u4e00-\u9fff]/);
      if (isTerminalState(c.state) && c.state !== 'closed')
        expect(result.code).toBe('not_allowed_in_state');
    }
    now += s.advanceMinutes * 60_000;
  }
}

const fromAcceptance = fc.property(
  startArb,
  fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' }),
  (start, steps) => {
    const source =
      start.source === 'video_ai' || start.source === 'leader' ? 'patrol' : start.source;
    walk(snap({ ...start, source }), steps);
  },
);

const fromEntry = fc.property(
  startArb,
  fc.boolean(),
  fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'max' }),
  (start, named, steps) => {
    const entry = intakeEntry({
      source: start.source,
      reporterId: start.reporterId,
      leaderNamedDepartment: named,
    });
    const selfHandled = start.source === 'patrol' && start.selfHandled;
    const base = applyEffects(snap({ ...start, selfHandled }), entry.effects, { now: NOW });
    walk({ ...base, state: entry.state }, steps);
  },
);

describe('random walks through the workflow (fast-check)', () => {
  it('from pending_acceptance: only table transitions, terminal states stay put, counters never decrease', () => {
    fc.assert(fromAcceptance, { numRuns: 250 });
  });

  it('from every intake entry state (candidate, pending_registration, pending_dispatch too)', () => {
    fc.assert(fromEntry, { numRuns: 120 });
  });

  it('the walks reach every state, so the properties above are not vacuous (fixed seed)', () => {
    reachedOverall.clear();
    fc.assert(fromAcceptance, { numRuns: 250, seed: 20260302 });
    fc.assert(fromEntry, { numRuns: 100, seed: 20260302 });
    expect([...reachedOverall].sort()).toEqual([...CASE_STATES].sort());
  });
});
