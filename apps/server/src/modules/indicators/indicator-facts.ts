/**
 * The indicator facts of one case: its event log flattened into rows that SQL can count by period, area, department
 * and person (docs/indicators.md §9). A case's facts are a pure function of its whole log, rewritten in the
 * transaction of every event (cases module's `projectCase` hook), so a figure counted from them equals a full
 * recomputation from the log (indicator-compute.ts; the property test holds the two together).
 *
 * Facts describe the log as it is now: outcomes (registered later? reworked? reopened?) are judged on every event,
 * which is the engine's `asOf` = now. Due-type facts (`task_due`, `obligation`, the 核实/核查 tasks) are placed at
 * their deadline and counted only once it has passed.
 */
import type { CaseSource, CaseStep, EventDeadlines } from '@wangge/shared';
import type { CaseLog } from '../cases';

import {
  caseTimeline,
  isMissedReport,
  isRegistration,
  type IndicatorCase,
  type IndicatorEvent,
} from './indicator-timeline';

type CaseEventsTable = CaseLog['events'][number];
type CasesTable = CaseLog['row'];

export const FACT_KINDS = [
  'report',
  'intake',
  'send_verify',
  'verify_task',
  'verify_true',
  'register',
  'dispatch',
  'task_due',
  'task_done',
  'send_back',
  'suspension',
  'obligation',
  'send_check',
  'check_task',
  'close',
  'rating',
  'accept_step',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One row of `indicator_facts`. What `on_time`, `ok`, `flag` and `variant` mean depends on the kind (§9). */
export interface Fact {
  case_id: string;
  n: number;
  seq: number;
  kind: FactKind;
  /** The instant that places the fact in a period: the event's time, or a deadline for due-type kinds. */
  at: string;
  /** `suspension`: when it ended (null while it lasts). */
  end_at: string | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string;
  source: string;
  department_id: string | null;
  actor_id: string | null;
  actor_role: string | null;
  variant: string | null;
  on_time: number | null;
  ok: number | null;
  flag: number | null;
  excluded: number;
  hours: number | null;
}

export interface CaseCodes {
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string;
}

/** Working hours between two instants (the deployment's calendar); the tests may pass natural hours. */
export type WorkHours = (from: string, to: string) => number;

/** The step whose clock an action ends, for the 按时 figures of positions (docs/indicators.md §4.1–4.4). */
const ENDS_STEP: Record<string, CaseStep> = {
  accept: 'accept',
  reject: 'accept',
  merge: 'accept',
  send_verify: 'accept',
  verify_true: 'verify',
  verify_false: 'verify',
  register: 'register',
  dispatch: 'dispatch',
  send_check: 'check_dispatch',
  check_pass: 'check',
  check_fail: 'check',
  close: 'close',
};
const SATISFIED = ['satisfied', 'basically_satisfied'];
const bit = (b: boolean) => (b ? 1 : 0);

/** A `case_events` row as the engine reads it. */
export function toIndicatorEvent(e: CaseEventsTable): IndicatorEvent {
  const data = JSON.parse(e.data) as IndicatorEvent['data'] & {
    deadlines?: EventDeadlines;
    selfHandled?: boolean;
    assigneeId?: string;
  };
  return {
    seq: e.seq,
    action: e.action,
    from: e.from_state as IndicatorEvent['from'],
    to: e.to_state as IndicatorEvent['to'],
    actorId: e.actor_id,
    actorRole: e.actor_role,
    at: e.at,
    data,
    ...(data.deadlines ? { deadlines: data.deadlines } : {}),
  };
}

export function toIndicatorCase(
  row: CasesTable,
  events: readonly CaseEventsTable[],
  mergedPatrolReportsAt: readonly string[] = [],
): IndicatorCase {
  return {
    id: row.id,
    mergedPatrolReportsAt,
    source: row.source as CaseSource,
    gridCode: row.grid_code,
    events: [...events].sort((a, b) => a.seq - b.seq).map(toIndicatorEvent),
  };
}

/** The facts of one case, from its whole log. */
export function caseFacts(c: IndicatorCase, codes: CaseCodes, hours: WorkHours): Fact[] {
  const t = caseTimeline(c, '9999-12-31T23:59:59.999Z');
  const out: Fact[] = [];
  const add = (kind: FactKind, seq: number, at: string, f: Partial<Fact> = {}) =>
    out.push({
      case_id: c.id,
      n: out.length + 1,
      seq,
      kind,
      at,
      end_at: null,
      admin_code: codes.admin_code,
      street_code: codes.street_code,
      community_code: codes.community_code,
      grid_code: codes.grid_code,
      source: c.source,
      department_id: null,
      actor_id: null,
      actor_role: null,
      variant: null,
      on_time: null,
      ok: null,
      flag: null,
      excluded: 0,
      hours: null,
      ...f,
    });
  const events = c.events;
  const has = (pred: (e: IndicatorEvent) => boolean, after = 0) =>
    events.some((e) => e.seq > after && pred(e));
  const registered = has(isRegistration);
  const selfHandled = events[0]?.data && (events[0].data as { selfHandled?: boolean }).selfHandled;
  const confirmedPublic =
    (c.source === 'public' || c.source === 'open311' || c.source === 'hotline_12345') &&
    has((e) => e.action === 'verify_true');
  const voidedByDecision = has(
    (e) => e.action === 'void' || (e.action === 'approve_request' && e.data.requestType === 'void'),
  );
  const missed = isMissedReport(c);
  const reworked = has((e) => dispatchKind(e) === 'rework');
  const redirected = has((e) => dispatchKind(e) === 'redirect');

  // Walk the log once for the event-placed facts, keeping the step deadlines recorded so far.
  const stepDeadline: EventDeadlines = {};
  let arrival: string | null = null;
  let acceptStepOpen: { seq: number; deadline: string | null } | null = null;
  let verify: { seq: number; deadline: string | null; assignee: string | null } | null = null;
  let check: { seq: number; deadline: string | null; assignee: string | null } | null = null;
  for (const m of t.events) {
    const e = m.event;
    const dept = m.departmentId;
    const actor = { actor_id: e.actorId, actor_role: e.actorRole };
    const step = ENDS_STEP[e.action];
    const deadline = step ? stepDeadline[step] : undefined;
    const onTime = deadline ? bit(e.at <= deadline) : null;
    if ((e.action === 'report' && e.to !== 'candidate') || e.action === 'confirm')
      add('report', e.seq, e.at, {
        ...actor,
        ok: bit(registered || (Boolean(selfHandled) && has((x) => x.action === 'accept'))),
      });
    if (['accept', 'reject', 'merge'].includes(e.action))
      add('intake', e.seq, e.at, {
        ...actor,
        department_id: dept,
        on_time: onTime,
        hours: arrival ? hours(arrival, e.at) : null,
      });
    if (acceptStepOpen && step === 'accept') {
      add('accept_step', acceptStepOpen.seq, e.at, { on_time: onTime, ok: 1 });
      acceptStepOpen = null;
    }
    if (e.action === 'send_verify') add('send_verify', e.seq, e.at, { ...actor, on_time: onTime });
    if (e.action === 'send_check') add('send_check', e.seq, e.at, { ...actor, on_time: onTime });
    if (e.action === 'verify_true') add('verify_true', e.seq, e.at, { department_id: dept });
    if (isRegistration(e))
      add('register', e.seq, e.at, {
        ...actor,
        department_id: t.firstDepartmentId,
        on_time: e.action === 'register' ? onTime : null,
        ok: bit(!voidedByDecision),
        flag: bit(confirmedPublic),
        variant: missed ? 'missed' : null,
      });
    const kind = dispatchKind(e);
    if (kind)
      add('dispatch', e.seq, e.at, {
        ...actor,
        department_id: dept,
        variant: kind,
        on_time: onTime,
        ok: bit(!reworked),
        flag: bit(!redirected),
      });
    if (
      (e.action === 'approve_request' || e.action === 'refuse_request') &&
      e.data.requestType === 'send_back'
    )
      add('send_back', e.seq, e.at, {
        ...actor,
        department_id: dept,
        ok: bit(e.action === 'approve_request'),
      });
    if (e.action === 'close') {
      const reopened = has(
        (x) => x.action === 'approve_request' && x.data.requestType === 'reopen',
        e.seq,
      );
      add('close', e.seq, e.at, {
        ...actor,
        department_id: dept,
        variant: e.data.closeReason ?? null,
        on_time: onTime,
        flag: bit(reopened),
      });
    }
    if (e.action === 'rate')
      add('rating', e.seq, e.at, {
        department_id: dept,
        variant: e.data.rating ?? null,
        ok: bit(SATISFIED.includes(e.data.rating ?? '')),
      });

    // 核实 and 核查 tasks: from sending to the answer; reassigning keeps the clock.
    const d = e.data as { assigneeId?: string };
    if (e.action === 'send_verify')
      verify = {
        seq: e.seq,
        deadline: e.deadlines?.verify ?? null,
        assignee: d.assigneeId ?? null,
      };
    if (e.action === 'reassign_verify' && verify) verify.assignee = d.assigneeId ?? verify.assignee;
    if ((e.action === 'verify_true' || e.action === 'verify_false') && verify) {
      taskFact('verify_task', verify, e);
      verify = null;
    }
    if (e.action === 'send_check')
      check = { seq: e.seq, deadline: e.deadlines?.check ?? null, assignee: d.assigneeId ?? null };
    if (e.action === 'reassign_check' && check) check.assignee = d.assigneeId ?? check.assignee;
    if ((e.action === 'check_pass' || e.action === 'check_fail') && check) {
      taskFact('check_task', check, e);
      check = null;
    }

    if (e.to === 'pending_acceptance' && e.from !== 'pending_acceptance') {
      arrival = e.at;
      acceptStepOpen = { seq: e.seq, deadline: e.deadlines?.accept ?? null };
    }
    Object.assign(stepDeadline, e.deadlines ?? {});
  }
  // Still open at the end of the log: due once their deadline passes, never answered so far.
  if (verify) taskFact('verify_task', verify, null);
  if (check) taskFact('check_task', check, null);
  if (acceptStepOpen?.deadline)
    add('accept_step', acceptStepOpen.seq, acceptStepOpen.deadline, { on_time: 0, ok: 0 });

  function taskFact(
    kind: 'verify_task' | 'check_task',
    task: { seq: number; deadline: string | null; assignee: string | null },
    answer: IndicatorEvent | null,
  ) {
    if (!task.deadline) return;
    add(kind, task.seq, task.deadline, {
      actor_id: answer?.actorId ?? task.assignee,
      actor_role: answer?.actorRole ?? null,
      ok: bit(answer !== null),
      on_time: bit(answer !== null && answer.at <= task.deadline),
    });
  }

  // 处置 tasks: due at their deadline (unless ended by 回退 or 作废), done at their final feedback.
  for (const k of t.tasks) {
    const onTime = bit(k.feedbackAt !== null && k.deadline !== null && k.feedbackAt <= k.deadline);
    if (k.deadline)
      add('task_due', k.ref.seq, k.deadline, {
        department_id: k.departmentId,
        excluded: bit(k.end === 'sent_back' || k.end === 'voided'),
        on_time: onTime,
      });
    if (k.feedbackAt) {
      const paused = t.suspensions.reduce((sum, s) => {
        const from = s.from > k.at ? s.from : k.at;
        const to = s.to === null || s.to > k.feedbackAt! ? k.feedbackAt! : s.to;
        return from < to ? sum + hours(from, to) : sum;
      }, 0);
      add('task_done', k.ref.seq, k.feedbackAt, {
        department_id: k.departmentId,
        variant: k.kind,
        on_time: onTime,
        flag: bit(k.reworked),
        hours: hours(k.at, k.feedbackAt) - paused,
      });
    }
  }
  for (const s of t.suspensions)
    add('suspension', s.ref.seq, s.from, { end_at: s.to, department_id: s.departmentId });
  for (const o of t.obligations)
    if (o.deadline)
      add('obligation', o.ref.seq, o.deadline, {
        department_id: o.departmentId,
        excluded: bit(o.voided),
        ok: bit(o.closedAt !== null),
        on_time: bit(o.closedAt !== null && o.closedAt <= o.deadline),
      });
  return out;
}

function dispatchKind(e: IndicatorEvent): string | null {
  if (e.action !== 'dispatch') return null;
  for (const x of e.data.effects ?? []) {
    const d = x.dispatch as { kind?: string } | undefined;
    if (d?.kind) return d.kind;
  }
  return null;
}
