import type { CaseSource, CaseState, DispatchKind, EventDeadlines } from '@wangge/shared';

/**
 * One case event as the indicator engine reads it: the `case_events` row with its `data` parsed. `deadlines` are
 * the clock deadlines the event started or moved (docs/indicators.md §1.1): `handle` on a dispatch, an approved
 * 延期 and a 恢复 (null while 挂账 pauses the clock), `case` on 立案, an approved 延期 and an approved 重开.
 */
export interface IndicatorEvent {
  seq: number;
  action: string;
  from: CaseState | null;
  to: CaseState;
  actorId: string | null;
  actorRole: string | null;
  at: string;
  data: {
    requestType?: string;
    closeReason?: string;
    rating?: string;
    effects?: readonly Record<string, unknown>[];
  };
  deadlines?: EventDeadlines;
}

export interface IndicatorCase {
  id: string;
  source: CaseSource;
  gridCode: string;
  /** In `seq` order. */
  events: readonly IndicatorEvent[];
  /** When the patrol reports later merged into this case (合并, it as master) were made: 漏报 looks for an earlier one. */
  mergedPatrolReportsAt?: readonly string[];
}

/**
 * 漏报 (docs/indicators.md §4.1): confirmed by 核实, and no patrol report of the same problem (merged into it) came
 * before its own report. The sources counted are the scheme's and are checked by the caller.
 */
export function isMissedReport(c: IndicatorCase): boolean {
  const reportedAt = c.events[0]?.at;
  if (!reportedAt || !c.events.some((e) => e.action === 'verify_true')) return false;
  return !(c.mergedPatrolReportsAt ?? []).some((at) => at < reportedAt);
}

export type Ref = { caseId: string; seq: number };

/** One 处置 task: a dispatch up to its accepted feedback, an approved 回退 or 作废 (§3.1). */
export interface HandleTask {
  ref: Ref;
  /** When it was dispatched. */
  at: string;
  departmentId: string;
  kind: DispatchKind;
  /** Null while paused by 挂账 (not due) or when the log has none. */
  deadline: string | null;
  /** The feedback not (yet) returned, or null. */
  feedbackAt: string | null;
  end: 'open' | 'handled' | 'sent_back' | 'voided';
  /** A later `rework` dispatch of the same case followed this task. */
  reworked: boolean;
}

/** One closing obligation: an overall clock from 立案 or 重开 to its 结案 (§3.1). */
export interface Obligation {
  ref: Ref;
  deadline: string | null;
  closedAt: string | null;
  voided: boolean;
  /** Department of the last dispatch before it ended (or before asOf). */
  departmentId: string | null;
}

export interface Suspension {
  ref: Ref;
  departmentId: string | null;
  from: string;
  to: string | null;
}

/** A counted event with the department handling the case at that moment. */
export interface Marked {
  ref: Ref;
  at: string;
  event: IndicatorEvent;
  departmentId: string | null;
}

export interface CaseTimeline {
  c: IndicatorCase;
  tasks: HandleTask[];
  obligations: Obligation[];
  suspensions: Suspension[];
  events: Marked[];
  /** Department of the first dispatch. */
  firstDepartmentId: string | null;
  /** State just before an instant. */
  stateBefore(at: string): CaseState | null;
}

const dispatchOf = (e: IndicatorEvent) => {
  for (const x of e.data.effects ?? []) {
    const d = x.dispatch as { departmentId: string; kind: DispatchKind } | undefined;
    if (d) return d;
  }
  return undefined;
};

export const isRegistration = (e: IndicatorEvent) =>
  e.action === 'register' || (e.action === 'report' && e.to === 'pending_dispatch');
const isApproval = (e: IndicatorEvent, type: string) =>
  e.action === 'approve_request' && e.data.requestType === type;

/** Walks one case's events up to `asOf` (inclusive) into tasks, obligations and suspensions. */
export function caseTimeline(c: IndicatorCase, asOf: string): CaseTimeline {
  const events = c.events.filter((e) => e.at <= asOf);
  const tasks: HandleTask[] = [];
  const obligations: Obligation[] = [];
  const suspensions: Suspension[] = [];
  const marked: Marked[] = [];
  let task: HandleTask | null = null;
  let obligation: Obligation | null = null;
  let dept: string | null = null;
  let firstDepartmentId: string | null = null;
  const endTask = (end: HandleTask['end']) => {
    if (task) task.end = end;
    task = null;
  };
  for (const e of events) {
    const ref = { caseId: c.id, seq: e.seq };
    const d = e.action === 'dispatch' ? dispatchOf(e) : undefined;
    if (d) {
      if (d.kind === 'rework') {
        const last = tasks.at(-1);
        if (last) last.reworked = true;
      }
      // The previous task has ended by now (feedback accepted, 回退 or 作废); a dispatch never ends one.
      task = null;
      dept = d.departmentId;
      firstDepartmentId ??= dept;
      task = {
        ref,
        at: e.at,
        departmentId: dept,
        kind: d.kind,
        deadline: e.deadlines?.handle ?? null,
        feedbackAt: null,
        end: 'open',
        reworked: false,
      };
      tasks.push(task);
    }
    marked.push({ ref, at: e.at, event: e, departmentId: dept });
    if (isRegistration(e) || isApproval(e, 'reopen')) {
      obligation = {
        ref,
        deadline: e.deadlines?.case ?? null,
        closedAt: null,
        voided: false,
        departmentId: null,
      };
      obligations.push(obligation);
    }
    if (obligation && e.deadlines?.case !== undefined && isApproval(e, 'extension'))
      obligation.deadline = e.deadlines.case;
    const t = task as HandleTask | null;
    if (t && e.deadlines?.handle !== undefined && !d) t.deadline = e.deadlines.handle;
    if (e.action === 'submit_feedback' && t) t.feedbackAt = e.at;
    if (e.action === 'return_feedback' && t) t.feedbackAt = null;
    if (e.action === 'accept_feedback') endTask('handled');
    if (isApproval(e, 'send_back')) endTask('sent_back');
    if (isApproval(e, 'suspension')) {
      if (t) t.deadline = null;
      suspensions.push({ ref, departmentId: dept, from: e.at, to: null });
    }
    if (e.from === 'suspended' && e.to !== 'suspended') {
      const s = suspensions.at(-1);
      if (s && s.to === null) s.to = e.at;
    }
    if (e.to === 'voided') {
      endTask('voided');
      if (obligation && obligation.closedAt === null) obligation.voided = true;
    }
    if (e.action === 'close' && obligation) obligation.closedAt = e.at;
    if (obligation) obligation.departmentId = dept;
  }
  return {
    c,
    tasks,
    obligations,
    suspensions,
    events: marked,
    firstDepartmentId,
    stateBefore(at) {
      let state: CaseState | null = null;
      for (const e of events) if (e.at < at) state = e.to;
      return state;
    },
  };
}
