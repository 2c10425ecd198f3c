import { DEFAULT_STEP_LIMITS, type CaseStep, type LimitType } from '@wangge/shared';
import { addLimit, elapsed, light, type Light, type WorkCalendar } from '../calendar';

export interface Limit {
  value: number;
  type: LimitType;
}

/** One running step clock (docs/case-workflow.md §3.3). Several may run at once (签收 inside 处置). */
export interface StepClock {
  startedAt: string;
  limit: Limit;
  deadlineAt: string;
  /** While 挂账: what was left, in the limit's unit; the deadline is recomputed on 恢复. */
  remaining?: number;
}

export type Clocks = Partial<Record<CaseStep, StepClock>>;

/** Step limits before a 立结案标准 row sets them (§3.3 defaults; 确认 of AI candidates too). */
export const STEP_LIMITS: Record<Exclude<CaseStep, 'handle'>, Limit> = {
  ...DEFAULT_STEP_LIMITS,
  confirm: { value: 1, type: 'work_hour' },
};
/** 处置 without a 立案条件 (e.g. 领导交办 straight to dispatch): five working days. */
export const DEFAULT_HANDLE_LIMIT: Limit = { value: 5, type: 'work_day' };
export const NO_DEADLINE = '9999-12-31T00:00:00.000Z';

export function startClock(cal: WorkCalendar, now: Date, limit: Limit): StepClock {
  return {
    startedAt: now.toISOString(),
    limit,
    deadlineAt: addLimit(cal, now, limit.value, limit.type).toISOString(),
  };
}

/** Earliest deadline among running (not paused) clocks: what queues sort by. */
export function dueAt(clocks: Clocks): { step: CaseStep | null; dueAt: string } {
  let best: { step: CaseStep | null; dueAt: string } = { step: null, dueAt: NO_DEADLINE };
  for (const [step, c] of Object.entries(clocks) as [CaseStep, StepClock][]) {
    if (c.remaining === undefined && c.deadlineAt < best.dueAt)
      best = { step, dueAt: c.deadlineAt };
  }
  return best;
}

export function pauseClocks(cal: WorkCalendar, clocks: Clocks, now: Date): Clocks {
  const out: Clocks = {};
  for (const [step, c] of Object.entries(clocks) as [CaseStep, StepClock][]) {
    out[step] =
      c.remaining !== undefined
        ? c
        : { ...c, remaining: elapsed(cal, now, new Date(c.deadlineAt), c.limit.type) };
  }
  return out;
}

/** 恢复: each paused clock gets the time it had left (possibly negative: still overdue). */
export function resumeClocks(cal: WorkCalendar, clocks: Clocks, now: Date): Clocks {
  const out: Clocks = {};
  for (const [step, c] of Object.entries(clocks) as [CaseStep, StepClock][]) {
    if (c.remaining === undefined) {
      out[step] = c;
      continue;
    }
    const deadline =
      c.remaining >= 0
        ? addLimit(cal, now, c.remaining, c.limit.type)
        : new Date(now.getTime() + c.remaining * unitMs(c.limit.type));
    out[step] = { startedAt: c.startedAt, limit: c.limit, deadlineAt: deadline.toISOString() };
  }
  return out;
}

// Only for a clock already overdue at 挂账: how far past, in plain time, is close enough.
const unitMs = (type: LimitType) =>
  type === 'work_day' || type === 'natural_day' ? 86_400_000 : 3_600_000;

export interface ClockView {
  step: CaseStep;
  deadlineAt: string;
  light: Light;
  ratio: number;
  paused: boolean;
}

/** Lights for every running clock, measured in each limit's own unit. */
export function clockViews(cal: WorkCalendar, clocks: Clocks, now: Date): ClockView[] {
  return (Object.entries(clocks) as [CaseStep, StepClock][]).map(([step, c]) => {
    const used =
      c.remaining !== undefined
        ? c.limit.value - c.remaining
        : elapsed(cal, new Date(c.startedAt), now, c.limit.type);
    return {
      step,
      deadlineAt: c.deadlineAt,
      light: light(used, c.limit.value),
      ratio: Math.round((used / c.limit.value) * 1000) / 1000,
      paused: c.remaining !== undefined,
    };
  });
}

/** A light measured from when a deadline's clock started to the deadline, in plain time. */
function spanLight(cal: WorkCalendar, from: string, deadlineAt: string, now: Date): Light | null {
  const total = elapsed(cal, new Date(from), new Date(deadlineAt), 'natural_day');
  const used = elapsed(cal, new Date(from), now, 'natural_day');
  return total > 0 ? light(used, total) : null;
}

/**
 * Overall light from 立案 to the case deadline. A 12345 order also runs against the centre's own deadline, from
 * the 派单 (`external`); when it falls earlier, it sets the light instead (product rule, docs/case-workflow.md §5) —
 * before 立案 too, since the centre's clock does not wait for ours.
 */
export function overallLight(
  cal: WorkCalendar,
  registeredAt: string | null,
  deadlineAt: string | null,
  now: Date,
  external?: { from: string; deadlineAt: string | null },
): Light | null {
  const ours = registeredAt && deadlineAt ? { from: registeredAt, deadlineAt } : null;
  const theirs = external?.deadlineAt
    ? { from: external.from, deadlineAt: external.deadlineAt }
    : null;
  const earlier =
    ours && theirs
      ? Date.parse(theirs.deadlineAt) < Date.parse(ours.deadlineAt)
        ? theirs
        : ours
      : (ours ?? theirs);
  return earlier ? spanLight(cal, earlier.from, earlier.deadlineAt, now) : null;
}
