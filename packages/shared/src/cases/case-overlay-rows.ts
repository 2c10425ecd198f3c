import {
  type CaseRole,
  FIELD_ROLES,
  LEADER_ROLES,
  leaderLevelOf,
  nextLeaderLevel,
} from './case-actions';
import { notifyOwner, notifyReporter } from './case-effects';
import type { StateGuardName } from './case-guards';
import { OPEN_STATES, REGISTERED_OPEN_STATES, type CaseState } from './case-states';
import { row, rows, type TransitionRow } from './case-table';
import type { Effect } from './case-types';

/**
 * Overlay rows (docs/case-workflow.md §2.1): they keep the state. They apply to every open state and never to
 * `candidate` (not yet a report) or to closed, voided, merged, rejected or dismissed cases.
 */

type OpenState = (typeof OPEN_STATES)[number];

/** The current owner of each open state: who must give the 督办回复. */
const OWNER: Record<OpenState, { roles: readonly CaseRole[]; guards: readonly StateGuardName[] }> =
  {
    pending_acceptance: { roles: ['intake_operator'], guards: [] },
    verifying: { roles: FIELD_ROLES, guards: ['isAssignedVerifier'] },
    pending_registration: { roles: ['shift_leader'], guards: [] },
    pending_dispatch: { roles: ['dispatcher'], guards: [] },
    handling: { roles: ['department_handler'], guards: [] },
    suspended: { roles: ['dispatcher'], guards: [] },
    feedback_review: { roles: ['dispatcher'], guards: [] },
    pending_check: { roles: ['intake_operator'], guards: [] },
    checking: { roles: FIELD_ROLES, guards: ['isAssignedChecker'] },
    pending_close: { roles: ['shift_leader'], guards: [] },
  };

export function ownerRoles(state: CaseState): readonly CaseRole[] {
  return (OPEN_STATES as readonly CaseState[]).includes(state)
    ? OWNER[state as OpenState].roles
    : [];
}

/** Normal 督办 by hand: leaders, the 值班长 and the 12345 centre; yellow/red cards by the system sweep. */
const SUPERVISORS: readonly CaseRole[] = [
  ...LEADER_ROLES,
  'shift_leader',
  'hotline_center',
  'system',
];
const URGERS: readonly CaseRole[] = [
  ...LEADER_ROLES,
  'shift_leader',
  'dispatcher',
  'intake_operator',
  'hotline_center',
];

const supervisionRows: TransitionRow[] = [
  ...rows(OPEN_STATES, 'supervise', SUPERVISORS, 'same', {
    inputGuards: ['supervisionLevelAllowed'],
    effects: ({ actor, input }) => {
      // A leader's 督办 starts at their own level (qualify picks the highest leader role held, as here).
      const leaderLevel = leaderLevelOf(actor.roleCodes);
      return [
        {
          type: 'raise_supervision',
          level: input.level ?? 'normal',
          issuerId: actor.userId,
          ...(leaderLevel ? { leaderLevel } : {}),
        },
        notifyOwner('supervise'),
      ];
    },
  }),
  ...OPEN_STATES.map((from) =>
    row(from, 'reply_supervision', OWNER[from].roles, 'same', {
      inputs: ['note'],
      guards: [...OWNER[from].guards, 'supervisionActive', 'supervisionNotReplied'],
      effects: ({ input }) => [{ type: 'reply_supervision', note: input.note ?? '' }],
    }),
  ),
  ...rows(OPEN_STATES, 'cancel_supervision', SUPERVISORS, 'same', {
    guards: ['supervisionActive', 'isSupervisionIssuer'],
    effects: () => [{ type: 'end_supervision', cause: 'cancelled' }],
  }),
  // 督办升级 (docs/supervision.md): the system moves an unanswered 督办 one leader level up once the configured
  // working time has passed since it was raised or last escalated; the server's sweep decides when. The leaders of
  // the new level are told; the owner still owes the reply.
  ...rows(OPEN_STATES, 'escalate_supervision', ['system'], 'same', {
    guards: ['supervisionActive', 'supervisionNotReplied', 'supervisionEscalatable'],
    effects: ({ c }) => [
      {
        type: 'escalate_supervision',
        to: nextLeaderLevel(c.supervision?.leaderLevel) ?? 'district',
        raisedAt: c.supervision?.raisedAt ?? null,
      },
      { type: 'notify', target: 'leaders', about: 'escalate_supervision' },
    ],
  }),
];

const noteRows: TransitionRow[] = [
  // 催办 is a reminder only; it is counted for evaluation.
  ...rows(OPEN_STATES, 'urge', URGERS, 'same', {
    effects: () => [
      { type: 'increment', field: 'urgeCount' },
      { type: 'set_timestamp', field: 'lastUrgedAt' },
      notifyOwner('urge'),
    ],
  }),
  ...rows(OPEN_STATES, 'leader_instruct', LEADER_ROLES, 'same', {
    inputs: ['note'],
    effects: ({ input }) => [
      { type: 'add_leader_instruction', text: input.note ?? '' },
      notifyOwner('leader_instruct'),
    ],
  }),
  ...rows(OPEN_STATES, 'set_flags', ['intake_operator', 'shift_leader'], 'same', {
    inputs: ['flags'],
    inputGuards: ['flagsChange'],
    effects: ({ c, input }) => {
      const effects: Effect[] = [];
      const { urgent, legacyIssue } = input.flags ?? {};
      if (urgent !== undefined && urgent !== c.flags.urgent)
        effects.push({ type: 'set_flag', flag: 'urgent', value: urgent });
      if (legacyIssue !== undefined && legacyIssue !== c.flags.legacyIssue)
        effects.push({ type: 'set_flag', flag: 'legacyIssue', value: legacyIssue });
      // 加急 selects the urgent limit row, so registered cases get new deadlines.
      const urgentChanged = effects.some((e) => e.type === 'set_flag' && e.flag === 'urgent');
      if (urgentChanged && (REGISTERED_OPEN_STATES as readonly CaseState[]).includes(c.state))
        effects.push({ type: 'recompute_deadlines' });
      return effects;
    },
  }),
  // Recategorise recomputes deadlines from the original registration time (§2.2). It re-decides 立案,
  // so the 立案 separation guard applies.
  ...rows(REGISTERED_OPEN_STATES, 'recategorise', ['shift_leader'], 'same', {
    inputs: ['classCode', 'conditionId', 'reason'],
    guards: ['notHandlingDeptUser'],
    effects: ({ input }) => [
      {
        type: 'set_classification',
        classCode: input.classCode ?? '',
        conditionId: input.conditionId ?? '',
        recompute: 'from_registration',
      },
    ],
  }),
];

/** 12345 撤回 (§5): `rejected` before 立案, `voided` after. */
const withdrawRows: TransitionRow[] = [
  ...rows(
    ['pending_acceptance', 'verifying', 'pending_registration'],
    'withdraw',
    ['hotline_center'],
    'rejected',
    {
      inputs: ['reason'],
      guards: ['isHotlineCase'],
      effects: ({ c }) =>
        notifyReporter(c, 'withdraw').filter((e) => e.type !== 'notify' || e.target !== 'hotline'),
    },
  ),
  ...rows(REGISTERED_OPEN_STATES, 'withdraw', ['hotline_center'], 'voided', {
    inputs: ['reason'],
    guards: ['isHotlineCase'],
    effects: ({ c }) =>
      notifyReporter(c, 'withdraw').filter((e) => e.type !== 'notify' || e.target !== 'hotline'),
  }),
];

export const OVERLAY_ROWS: readonly TransitionRow[] = [
  ...supervisionRows,
  ...noteRows,
  ...withdrawRows,
];
