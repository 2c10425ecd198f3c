import {
  applyEffects,
  type CaseSnapshot,
  type CaseStep,
  type Effect,
  type EventDeadlines,
} from '@wangge/shared';
import { addLimit, type WorkCalendar } from '../calendar';
import {
  DEFAULT_HANDLE_LIMIT,
  STEP_LIMITS,
  dueAt,
  pauseClocks,
  resumeClocks,
  startClock,
  type Clocks,
  type Limit,
  type StepClock,
} from './case-clocks';
import { fromSnapshot, readStored, toSnapshot, type StoredSnapshot } from './case-record';
import type { CasesTable } from './cases.tables';

/** The 立结案标准 row a case is registered under, as the clocks need it. */
export interface ConditionLimits {
  handle: Limit;
  steps: Partial<Record<CaseStep, Limit>>;
}

export interface EffectContext {
  cal: WorkCalendar;
  now: Date;
  /** Limits of a 立案条件 (categories module); null when unknown. */
  condition(id: string | null): Promise<ConditionLimits | null>;
}

const STEPS_AFTER_HANDLE: CaseStep[] = ['feedback_review', 'check_dispatch', 'check', 'close'];

export type NotifyTarget = Extract<Effect, { type: 'notify' }>['target'];

/** Whom the transition's `notify` effects address (reporter, owner, hotline), once each, for delivery with its commit. */
export function notifyTargets(effects: readonly Effect[]): NotifyTarget[] {
  return [...new Set(effects.flatMap((e) => (e.type === 'notify' ? [e.target] : [])))];
}

/**
 * Applies `decide`'s effects to a case row: the snapshot fields through the shared reducer,
 * then what only the server does — step clocks in working time, the overall deadline,
 * classification and columns. Returns the columns to write and the event data worth keeping.
 */
export async function applyCaseEffects(
  row: CasesTable,
  effects: readonly Effect[],
  ctx: EffectContext,
) {
  const nowIso = ctx.now.toISOString();
  const before = readStored(row);
  const snap: CaseSnapshot = applyEffects(toSnapshot(row, before), effects, { now: nowIso });
  const { columns, stored } = fromSnapshot(snap, before);
  const patch: Partial<CasesTable> = { ...columns };

  // Classification first: the clocks started by the same transition use its limits.
  let conditionId = row.condition_id;
  for (const e of effects) {
    if (e.type === 'set_classification') {
      patch.class_code = e.classCode || row.class_code;
      conditionId = e.conditionId || conditionId;
      patch.condition_id = conditionId;
    }
  }
  const condition = await ctx.condition(conditionId);
  const limitOf = (step: CaseStep): Limit =>
    step === 'handle'
      ? (condition?.handle ?? DEFAULT_HANDLE_LIMIT)
      : (condition?.steps[step] ?? STEP_LIMITS[step]);
  /** 立案 → 结案: dispatch, then 处置, then the steps after it, each in its own unit. */
  const overallDeadline = (from: Date): string => {
    let t = addLimit(ctx.cal, from, limitOf('dispatch').value, limitOf('dispatch').type);
    for (const step of ['handle' as const, ...STEPS_AFTER_HANDLE])
      t = addLimit(ctx.cal, t, limitOf(step).value, limitOf(step).type);
    return t.toISOString();
  };

  let clocks = { ...stored.clocks };
  const kept: Record<string, unknown>[] = [];
  for (const e of effects) {
    switch (e.type) {
      case 'start_step': {
        const running = clocks[e.step];
        if (e.keepDeadline && running) break;
        clocks[e.step] = startClock(ctx.cal, ctx.now, limitOf(e.step));
        break;
      }
      case 'end_step':
        delete clocks[e.step];
        break;
      case 'pause_clock':
        clocks = pauseClocks(ctx.cal, clocks, ctx.now);
        break;
      case 'resume_clock':
        clocks = resumeClocks(ctx.cal, clocks, ctx.now);
        break;
      case 'start_case_clock':
        if (e.cause === 'register') patch.registered_at = nowIso;
        // A 重开 starts the overall clock afresh: later recomputations count from here.
        stored.caseClockFrom = nowIso;
        stored.extensions = [];
        patch.deadline_at = overallDeadline(ctx.now);
        break;
      case 'extend_deadline': {
        // An approved 延期 moves the 处置 deadline and the overall one by the same amount.
        const h = clocks.handle;
        if (h)
          clocks.handle = {
            ...h,
            deadlineAt: addLimit(
              ctx.cal,
              new Date(h.deadlineAt),
              e.extension.value,
              e.extension.limitType,
            ).toISOString(),
          };
        const overall = patch.deadline_at ?? row.deadline_at;
        if (overall)
          patch.deadline_at = addLimit(
            ctx.cal,
            new Date(overall),
            e.extension.value,
            e.extension.limitType,
          ).toISOString();
        // Kept so a later change of 立案条件 re-applies what was granted.
        stored.extensions = [...(stored.extensions ?? []), e.extension];
        kept.push({ extension: e.extension });
        break;
      }
      case 'set_classification': {
        // Recategorising recomputes from when the overall clock started (registration or 重开)
        // under the new 立案条件, with approved 延期 re-applied. The same 立案条件 changes nothing:
        // recomputing it would drop extensions and 挂账 time already granted.
        if (e.recompute !== 'from_registration' || conditionId === row.condition_id) break;
        const extend = (t: Date) =>
          (stored.extensions ?? []).reduce((d, x) => addLimit(ctx.cal, d, x.value, x.limitType), t);
        const from = stored.caseClockFrom ?? row.registered_at ?? nowIso;
        patch.deadline_at = extend(new Date(overallDeadline(new Date(from)))).toISOString();
        const h = clocks.handle;
        // A paused 处置 clock stays paused; it is recomputed when it resumes with what it had left.
        if (h && h.remaining === undefined) {
          const restarted = startClock(ctx.cal, new Date(h.startedAt), limitOf('handle'));
          clocks.handle = {
            ...restarted,
            deadlineAt: extend(new Date(restarted.deadlineAt)).toISOString(),
          };
        }
        break;
      }
      case 'recompute_deadlines':
        // 加急 does not select another limit row yet, so there is nothing to recompute; restarting
        // the clocks here would only lose extensions and 挂账 time.
        break;
      case 'set_close_reason':
        patch.close_reason = e.closeReason;
        break;
      case 'set_master':
        patch.master_case_id = e.masterCaseId;
        break;
      case 'set_rating':
        stored.rating = e.reason ? { value: e.rating, reason: e.reason } : { value: e.rating };
        break;
      case 'reset_rating':
        stored.rating = null;
        break;
      case 'add_leader_instruction':
        stored.leaderInstructions = [
          ...stored.leaderInstructions,
          { text: e.text, by: '', at: nowIso },
        ];
        break;
      case 'record_dispatch':
        kept.push({
          dispatch: { departmentId: e.departmentId, kind: e.kind, overridden: e.overridden },
        });
        break;
      case 'notify':
      case 'external_writeback':
        kept.push({ [e.type]: e.type === 'notify' ? e.target : true });
        break;
      default:
        break;
    }
  }
  stored.clocks = clocks;
  const deadlines = changedDeadlines(before.clocks, clocks, row.deadline_at, patch.deadline_at);
  const due = dueAt(clocks);
  patch.step = due.step;
  patch.due_at = due.dueAt;
  // A 12345 order is also due at the centre's deadline, which runs whatever our clocks do: while the case is open
  // the queue sorts by, and the 督办 sweep looks at, the earlier of the two (docs/case-workflow.md §5).
  const external = stored.externalDeadline;
  if (external && columns.is_open === 1 && external < due.dueAt) patch.due_at = external;
  const running = due.step ? clocks[due.step] : undefined;
  patch.step_started_at = running?.startedAt ?? null;
  patch.step_limit = running ? JSON.stringify(running.limit) : null;
  patch.snapshot = JSON.stringify(stored satisfies StoredSnapshot);
  return { patch, eventData: kept, deadlines };
}

/** `deadlines` in an event's data only when the transition set one (many do not). */
export const withDeadlines = (d: EventDeadlines) => (Object.keys(d).length ? { deadlines: d } : {});

/** A clock's deadline, or null while 挂账 pauses it. */
const runningDeadline = (c: StepClock | undefined) =>
  c === undefined ? undefined : c.remaining === undefined ? c.deadlineAt : null;

/**
 * The deadlines this transition started, moved, paused (null) or resumed, per step and `case` for the overall one.
 * Kept in the event so the indicator engine reads on-time figures from the log as it was, not from today's limits
 * (docs/indicators.md §1.1). Ended clocks are left out: the event that ends a step is measured against the deadline
 * an earlier event recorded.
 */
export function changedDeadlines(
  before: Clocks,
  after: Clocks,
  caseBefore: string | null,
  caseAfter: string | null | undefined,
): EventDeadlines {
  const out: EventDeadlines = {};
  for (const step of Object.keys(after) as CaseStep[]) {
    // Clocks the transition left alone keep their object; a started, moved, paused or resumed one is new.
    const now = runningDeadline(after[step]);
    if (now !== undefined && after[step] !== before[step]) out[step] = now;
  }
  if (caseAfter && caseAfter !== caseBefore) out.case = caseAfter;
  return out;
}
