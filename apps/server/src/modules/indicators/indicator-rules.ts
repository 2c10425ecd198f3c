/**
 * Every computed indicator as one row over the facts (indicator-facts.ts): which kind of fact, whether it is placed
 * at a deadline, which rows form the cohort and which of them the numerator. The SQL that counts a figure and the
 * SQL that lists its drill-down are both built from the row, so a drill-down's length equals its figure by
 * construction. docs/indicators.md §4 is the prose of this table.
 */
import type { CaseSource, DispatchAccuracyVariant, IndicatorId } from '@wangge/shared';
import type { FactKind } from './indicator-facts';

/** A condition on one fact column. `known`: the column is not null (facts from before deadlines were logged). */
export type Cond =
  | { col: 'on_time' | 'ok' | 'flag' | 'excluded'; eq: 0 | 1 }
  | { col: 'on_time'; known: true }
  | { col: 'variant' | 'source'; in: readonly string[] }
  | { col: 'variant'; notIn: readonly string[] };

export type RuleValue = 'count' | 'rate' | 'meanHours' | 'overlapHours';

export interface Rule {
  kinds: readonly FactKind[];
  value: RuleValue;
  /** Placed at a deadline: counted once the deadline has passed (before the period's end and before asOf). */
  due?: true;
  /** The counted rows (count, mean) or the denominator's (rate). */
  where?: readonly Cond[];
  /** A rate's numerator, within `where`. */
  num?: readonly Cond[];
  /** Leave out cases standing in 挂账 at the cut (the period's end, or asOf if earlier). */
  notSuspendedAtCut?: true;
  /** A person's figure counts the grids they staffed while they staffed them, not their own acts (漏报). */
  byTenure?: true;
}

export interface RuleOptions {
  requestSources: readonly CaseSource[];
  missedReportSources: readonly CaseSource[];
  dispatchAccuracyVariant: DispatchAccuracyVariant;
}

// Open311 requests come from residents through partner apps: public reports like the portal's.
const PUBLIC_SOURCES = ['public', 'open311', 'hotline_12345'];
const count = (kind: FactKind, ...where: Cond[]): Rule => ({
  kinds: [kind],
  value: 'count',
  where,
});
const rate = (kind: FactKind, num: Cond[], where: Cond[] = []): Rule => ({
  kinds: [kind],
  value: 'rate',
  where,
  num,
});
const due = (r: Rule): Rule => ({ ...r, due: true });
const onTime: Cond = { col: 'on_time', eq: 1 };
const known: Cond = { col: 'on_time', known: true };
const ok: Cond = { col: 'ok', eq: 1 };
const flagged: Cond = { col: 'flag', eq: 1 };
const kept: Cond = { col: 'excluded', eq: 0 };

/** The rules of the indicators computed over the database; the others of the catalogue have no value yet. */
export function indicatorRules(o: RuleOptions): Partial<Record<IndicatorId, Rule>> {
  const requests: Cond = { col: 'source', in: o.requestSources };
  const missed: Cond = { col: 'variant', in: ['missed'] };
  const closingDue: Rule = { ...due(count('obligation', kept)), notSuspendedAtCut: true };
  return {
    // 监督员 (reports by their reporter)
    reportCount: count('report'),
    validReportCount: count('report', ok),
    validReportRate: rate('report', [ok]),
    // 漏报: registrations whose case was confirmed and reported by nobody on patrol first (an area's figure).
    missedReportCount: count('register', missed, { col: 'source', in: o.missedReportSources }),
    missedReportRate: rate('register', [missed, { col: 'source', in: o.missedReportSources }]),
    verifyDue: due(count('verify_task')),
    verifyOnTime: due(count('verify_task', onTime)),
    verifyOnTimeRate: due(rate('verify_task', [onTime])),
    checkDue: due(count('check_task')),
    checkOnTime: due(count('check_task', onTime)),
    checkOnTimeRate: due(rate('check_task', [onTime])),
    verifyDoneRate: { kinds: ['verify_task', 'check_task'], value: 'rate', due: true, num: [ok] },
    selfHandledCount: count('close', { col: 'variant', in: ['self_handled'] }),
    // 受理员
    intakeCount: count('intake'),
    avgIntakeTime: { kinds: ['intake'], value: 'meanHours' },
    verifySendOnTimeRate: rate('send_verify', [onTime], [known]),
    checkSendOnTimeRate: rate('send_check', [onTime], [known]),
    // 值班长
    registeredCount: count('register'),
    registerOnTimeRate: rate('register', [onTime], [known]),
    registerAccuracyRate: rate('register', [ok]),
    closeOnTimeRate: rate('close', [onTime], [known]),
    // 派遣员 (the area's 应派遣数 is its 立案数; a person's, the cases they dispatched first)
    dispatchDue: count('register'),
    dispatchCount: count('dispatch'),
    dispatchOnTimeRate: rate('dispatch', [onTime], [known]),
    dispatchAccuracyRate: rate(
      'dispatch',
      [o.dispatchAccuracyVariant === 'redirect' ? flagged : ok],
      [{ col: 'variant', in: ['first'] }],
    ),
    // Departments and areas
    handleDue: due(count('task_due', kept)),
    handledCount: count('task_done'),
    handledOnTime: count('task_done', onTime),
    handledLateCount: count('task_done', { col: 'on_time', eq: 0 }),
    handleOnTimeRate: due(rate('task_due', [onTime], [kept])),
    reworkCount: count('dispatch', { col: 'variant', in: ['rework'] }),
    reworkRate: rate('task_done', [flagged]),
    buckPassCount: count('send_back'),
    buckPassApproved: count('send_back', ok),
    buckPassRefused: count('send_back', { col: 'ok', eq: 0 }),
    suspendedDuration: { kinds: ['suspension'], value: 'overlapHours' },
    closeDue: closingDue,
    closedCount: count('close'),
    closeRate: { ...closingDue, value: 'rate', num: [ok] },
    closeInTimeRate: { ...closingDue, value: 'rate', num: [onTime] },
    avgHandleTime: { kinds: ['task_done'], value: 'meanHours' },
    publicReportConfirmed: count('verify_true', { col: 'source', in: PUBLIC_SOURCES }),
    publicReportRate: rate('register', [flagged]),
    satisfactionRate: rate('rating', [ok]),
    reopenRate: rate('close', [flagged]),
    // 接诉即办
    responseRate: due(rate('accept_step', [onTime], [requests])),
    resolveRate: rate(
      'close',
      [
        { col: 'variant', in: ['fixed', 'self_handled'] },
        { col: 'flag', eq: 0 },
      ],
      [requests, { col: 'variant', notIn: ['duplicate'] }],
    ),
    requestSatisfactionRate: rate('rating', [ok], [requests]),
  };
}

/** Where a position's figure differs from the area's (docs/indicators.md §4.4 Reading). */
export function positionRule(id: IndicatorId, rule: Rule): Rule | undefined {
  if (id === 'dispatchDue') return count('dispatch', { col: 'variant', in: ['first'] });
  // 漏报 belongs to the staff of the case's grid (网格管理员, 网格监督员) when it was registered.
  if (id === 'missedReportCount' || id === 'missedReportRate') return { ...rule, byTenure: true };
  return rule;
}
