/**
 * The case-loop indicators of one area or department for one period, computed purely from case events
 * (docs/indicators.md §3–§4). No SQL: the repository hands in the cases of the object's scope with their events.
 * Each figure carries the events behind it, so a drill-down lists exactly what was counted.
 */
import {
  DEFAULT_SCHEME,
  appliesTo,
  ratio,
  type CaseSource,
  type IndicatorId,
} from '@wangge/shared';
import {
  caseTimeline,
  isMissedReport,
  isRegistration,
  type CaseTimeline,
  type HandleTask,
  type IndicatorCase,
  type Marked,
  type Ref,
} from './indicator-timeline';

export type IndicatorTarget =
  | { object: 'area'; code: string }
  | { object: 'department'; id: string };

/** A count (items = what was counted) or a rate (items = numerator, of = denominator). */
export interface Figure {
  value: number | null;
  items: Ref[];
  of?: Ref[];
}

/** The indicators this function computes; the others of the catalogue need the calendar, grid staff or step deadlines. */
export const CASE_LOOP_INDICATORS = [
  'reportCount',
  'missedReportCount',
  'missedReportRate',
  'intakeCount',
  'registeredCount',
  'dispatchDue',
  'selfHandledCount',
  'handleDue',
  'handledCount',
  'handledOnTime',
  'handleOnTimeRate',
  'handledLateCount',
  'reworkCount',
  'reworkRate',
  'buckPassCount',
  'buckPassApproved',
  'buckPassRefused',
  'suspendedDuration',
  'closeDue',
  'closedCount',
  'closeRate',
  'closeInTimeRate',
  'publicReportConfirmed',
  'publicReportRate',
  'satisfactionRate',
  'reopenRate',
  'resolveRate',
  'requestSatisfactionRate',
] as const satisfies readonly IndicatorId[];
export type CaseLoopIndicator = (typeof CASE_LOOP_INDICATORS)[number];

export interface ComputeOptions {
  /** Residents' request sources for the 接诉即办 figures. */
  requestSources?: readonly CaseSource[];
  /** Sources whose confirmed cases nobody on patrol reported count as 漏报. */
  missedReportSources?: readonly CaseSource[];
}

const ms = (iso: string) => Date.parse(iso);
// Open311 requests come from residents through partner apps: public reports like the portal's.
const PUBLIC_SOURCES: readonly CaseSource[] = ['public', 'open311', 'hotline_12345'];
const SATISFIED = ['satisfied', 'basically_satisfied'];

const count = (items: Ref[]): Figure => ({ value: items.length, items });
const rate = (items: Ref[], of: Ref[]): Figure => ({
  value: ratio(items.length, of.length),
  items,
  of,
});

/**
 * Computes the case-loop indicators of `target` for the period [start, end), as of `asOf` (docs/indicators.md §1):
 * events are counted by their time, obligations and tasks by their deadline (only deadlines passed at `asOf`),
 * and outcomes are judged on every event up to `asOf`.
 */
export function computeCaseLoop(
  cases: readonly IndicatorCase[],
  target: IndicatorTarget,
  period: { start: string; end: string },
  asOf: string,
  options: ComputeOptions = {},
): Partial<Record<CaseLoopIndicator, Figure>> {
  const start = ms(period.start);
  const end = ms(period.end);
  const cut = Math.min(end, ms(asOf));
  const inPeriod = (at: string) => ms(at) >= start && ms(at) < end && ms(at) <= ms(asOf);
  const due = (deadline: string | null) =>
    deadline !== null && ms(deadline) >= start && ms(deadline) < cut;
  const requestSources = options.requestSources ?? DEFAULT_SCHEME.requestSources;

  const byArea = target.object === 'area';
  const mine = (dept: string | null) => byArea || dept === target.id;
  const timelines = cases
    .filter((c) => !byArea || c.gridCode.startsWith(target.code))
    .map((c) => caseTimeline(c, asOf));

  const events = (pick: (m: Marked, t: CaseTimeline) => boolean): Ref[] =>
    timelines.flatMap((t) =>
      t.events
        .filter((m) => inPeriod(m.at) && mine(m.departmentId) && pick(m, t))
        .map((m) => m.ref),
    );
  const tasks: HandleTask[] = timelines.flatMap((t) => t.tasks.filter((k) => mine(k.departmentId)));
  const refs = (ts: HandleTask[]) => ts.map((k) => k.ref);
  const onTime = (k: HandleTask) =>
    k.feedbackAt !== null && k.deadline !== null && ms(k.feedbackAt) <= ms(k.deadline);

  const f: Partial<Record<CaseLoopIndicator, Figure>> = {};

  // Reports: intake events that are reports, and video/AI candidates when a person confirms them.
  f.reportCount = count(
    events(
      ({ event: e }) => (e.action === 'report' && e.to !== 'candidate') || e.action === 'confirm',
    ),
  );
  f.intakeCount = count(events(({ event: e }) => ['accept', 'reject', 'merge'].includes(e.action)));

  // 立案: an area counts its cases; a department the cases first dispatched to it.
  const registered = timelines.flatMap((t) =>
    byArea || t.firstDepartmentId === target.id
      ? t.events.filter((m) => inPeriod(m.at) && isRegistration(m.event)).map((m) => m.ref)
      : [],
  );
  f.registeredCount = count(registered);
  f.dispatchDue = count(registered);
  const confirmedPublic = new Set(
    timelines
      .filter((t) => PUBLIC_SOURCES.includes(t.c.source))
      .filter((t) => t.events.some((m) => m.event.action === 'verify_true'))
      .map((t) => t.c.id),
  );
  // 漏报: registrations of the period from the counted sources, confirmed, with no earlier patrol report merged in.
  const missedSources = options.missedReportSources ?? DEFAULT_SCHEME.missedReportSources;
  const missed = new Set(
    timelines
      .filter((t) => missedSources.includes(t.c.source) && isMissedReport(t.c))
      .map((t) => t.c.id),
  );
  f.missedReportCount = count(registered.filter((r) => missed.has(r.caseId)));
  f.missedReportRate = rate(f.missedReportCount.items, registered);
  f.publicReportConfirmed = count(
    events(({ event: e }, t) => e.action === 'verify_true' && PUBLIC_SOURCES.includes(t.c.source)),
  );
  f.publicReportRate = rate(
    registered.filter((r) => confirmedPublic.has(r.caseId)),
    registered,
  );

  // 处置 tasks: counted by feedback time; the rate by deadline, over tasks not ended by 回退 or 作废.
  const handled = tasks.filter((k) => k.feedbackAt !== null && inPeriod(k.feedbackAt));
  const dueTasks = tasks.filter(
    (k) => k.end !== 'sent_back' && k.end !== 'voided' && due(k.deadline),
  );
  f.handleDue = count(refs(dueTasks));
  f.handledCount = count(refs(handled));
  f.handledOnTime = count(refs(handled.filter(onTime)));
  f.handledLateCount = count(refs(handled.filter((k) => !onTime(k))));
  f.handleOnTimeRate = rate(refs(dueTasks.filter(onTime)), refs(dueTasks));
  f.reworkCount = count(refs(tasks.filter((k) => k.kind === 'rework' && inPeriod(k.at))));
  f.reworkRate = rate(refs(handled.filter((k) => k.reworked)), refs(handled));

  const sendBack = (action: string) =>
    events(({ event: e }) => e.action === action && e.data.requestType === 'send_back');
  f.buckPassApproved = count(sendBack('approve_request'));
  f.buckPassRefused = count(sendBack('refuse_request'));
  f.buckPassCount = count([...f.buckPassApproved.items, ...f.buckPassRefused.items]);

  // 挂账时长: natural hours inside the period (and before asOf).
  const suspensions = timelines.flatMap((t) => t.suspensions.filter((s) => mine(s.departmentId)));
  let suspendedMs = 0;
  const suspendedRefs: Ref[] = [];
  for (const s of suspensions) {
    const overlap = Math.min(s.to ? ms(s.to) : cut, cut) - Math.max(ms(s.from), start);
    if (overlap > 0) {
      suspendedMs += overlap;
      suspendedRefs.push(s.ref);
    }
  }
  f.suspendedDuration = { value: suspendedMs / 3_600_000, items: suspendedRefs };

  // Closing obligations due in the period, except 作废 and cases standing in 挂账 at the cut.
  const cutIso = new Date(cut).toISOString();
  const dueObligations = timelines.flatMap((t) =>
    t.obligations.filter(
      (o) =>
        mine(o.departmentId) &&
        due(o.deadline) &&
        !o.voided &&
        t.stateBefore(cutIso) !== 'suspended',
    ),
  );
  const closedBy = (o: (typeof dueObligations)[number], limit: string) =>
    o.closedAt !== null && ms(o.closedAt) <= ms(limit);
  f.closeDue = count(dueObligations.map((o) => o.ref));
  f.closeRate = rate(
    dueObligations.filter((o) => closedBy(o, asOf)).map((o) => o.ref),
    f.closeDue.items,
  );
  f.closeInTimeRate = rate(
    dueObligations.filter((o) => o.deadline && closedBy(o, o.deadline)).map((o) => o.ref),
    f.closeDue.items,
  );

  // Closes, and what followed them: a 重开 (approved) by asOf.
  const closes = (t: CaseTimeline) =>
    t.events.filter((m) => m.event.action === 'close' && inPeriod(m.at) && mine(m.departmentId));
  const reopenedAfter = (t: CaseTimeline, seq: number) =>
    t.events.some(
      (m) =>
        m.ref.seq > seq &&
        m.event.action === 'approve_request' &&
        m.event.data.requestType === 'reopen',
    );
  f.closedCount = count(timelines.flatMap((t) => closes(t).map((m) => m.ref)));
  f.selfHandledCount = count(
    events(({ event: e }) => e.action === 'close' && e.data.closeReason === 'self_handled'),
  );
  f.reopenRate = rate(
    timelines.flatMap((t) =>
      closes(t)
        .filter((m) => reopenedAfter(t, m.ref.seq))
        .map((m) => m.ref),
    ),
    f.closedCount.items,
  );

  const ratings = (only: readonly CaseSource[] | null) =>
    timelines.flatMap((t) =>
      only && !only.includes(t.c.source)
        ? []
        : t.events.filter(
            (m) => m.event.action === 'rate' && inPeriod(m.at) && mine(m.departmentId),
          ),
    );
  const satisfied = (ms_: Marked[]) =>
    ms_.filter((m) => SATISFIED.includes(m.event.data.rating ?? '')).map((m) => m.ref);
  const allRatings = ratings(null);
  f.satisfactionRate = rate(
    satisfied(allRatings),
    allRatings.map((m) => m.ref),
  );
  const requestRatings = ratings(requestSources);
  f.requestSatisfactionRate = rate(
    satisfied(requestRatings),
    requestRatings.map((m) => m.ref),
  );

  // 解决率: closes of requests (not as duplicates) that say fixed and held (no 重开 by asOf).
  const requestCloses = timelines
    .filter((t) => requestSources.includes(t.c.source))
    .flatMap((t) => closes(t).map((m) => ({ t, m })))
    .filter(({ m }) => m.event.data.closeReason !== 'duplicate');
  f.resolveRate = rate(
    requestCloses
      .filter(({ m }) => ['fixed', 'self_handled'].includes(m.event.data.closeReason ?? ''))
      .filter(({ t, m }) => !reopenedAfter(t, m.ref.seq))
      .map(({ m }) => m.ref),
    requestCloses.map(({ m }) => m.ref),
  );

  // Only what the catalogue defines for this object.
  for (const id of CASE_LOOP_INDICATORS) if (!appliesTo(id, target.object)) delete f[id];
  return f;
}
