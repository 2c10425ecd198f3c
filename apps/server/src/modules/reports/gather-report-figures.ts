import { PERMISSIONS, resolvePeriod, type CaseView } from '@wangge/shared';
import { systemActor } from '../../core/auth/actor';
import type { ModuleServices } from '../../wiring';
import {
  previousMonth,
  rate,
  sameMonthLastYear,
  type AreaLevel,
  type CountRow,
  type HeadlineFigure,
  type ListedCase,
  type RankingRow,
  type ReportFigures,
} from './report-figures';

type Sources = Pick<
  ModuleServices,
  'cases' | 'areas' | 'departments' | 'categories' | 'specialGroups'
>;

/** Cases read per page, and the most one report reads (a larger area waits for the indicator engine). */
const PAGE = 200;
const MAX_CASES = 100_000;
const LIST_LIMIT = 20;
const TOP = 10;
const CHILD_LEVEL: Record<AreaLevel, AreaLevel> = {
  district: 'street',
  street: 'community',
  community: 'grid',
  grid: 'grid',
};

const monthBounds = (key: string) => {
  const r = resolvePeriod({ type: 'month', key });
  if (!r.ok) throw new Error(`bad month ${key}`);
  return r.period;
};
const within = (at: string | null, b: { start: string; end: string }) =>
  at !== null && at >= b.start && at < b.end;
const closedOnTime = (c: CaseView) =>
  c.closedAt !== null && (c.deadlineAt === null || c.closedAt <= c.deadlineAt);
/** Past its overall deadline at `end` and not closed by then. */
const overdueAt = (c: CaseView, end: string) =>
  c.registeredAt !== null &&
  c.registeredAt < end &&
  c.deadlineAt !== null &&
  c.deadlineAt < end &&
  (c.closedAt === null || c.closedAt >= end);

/** The headline indicators of one month from the area's cases. */
function monthFigures(cases: readonly CaseView[], key: string) {
  const b = monthBounds(key);
  const reported = cases.filter((c) => within(c.createdAt, b)).length;
  const registered = cases.filter((c) => within(c.registeredAt, b));
  const closed = cases.filter((c) => within(c.closedAt, b));
  const onTime = closed.filter(closedOnTime).length;
  return {
    reported,
    registered: registered.length,
    closed: closed.length,
    closeRate: rate(
      registered.filter((c) => c.closedAt !== null && c.closedAt < b.end).length,
      registered.length,
    ),
    onTimeRate: rate(onTime, closed.length),
    overdue: cases.filter((c) => overdueAt(c, b.end)).length,
    supervised: cases.filter((c) => c.supervisionLevel !== null && within(c.createdAt, b)).length,
  };
}

const HEADLINES: {
  key: keyof ReturnType<typeof monthFigures>;
  label: string;
  kind: HeadlineFigure['kind'];
}[] = [
  { key: 'reported', label: '上报案件', kind: 'count' },
  { key: 'registered', label: '立案数', kind: 'count' },
  { key: 'closed', label: '结案数', kind: 'count' },
  { key: 'closeRate', label: '结案率', kind: 'rate' },
  { key: 'onTimeRate', label: '按期结案率', kind: 'rate' },
  { key: 'overdue', label: '月末超期案件', kind: 'count' },
  { key: 'supervised', label: '督办案件', kind: 'count' },
];

function rank(
  cases: readonly CaseView[],
  groupOf: (c: CaseView) => string | null,
  names: Map<string, string>,
  b: { start: string; end: string },
): RankingRow[] {
  const rows = new Map<string, RankingRow>();
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r)
      rows.set(
        code,
        (r = {
          code,
          name: names.get(code) ?? code,
          reported: 0,
          closed: 0,
          onTime: 0,
          onTimeRate: null,
        }),
      );
    return r;
  };
  for (const code of names.keys()) row(code);
  for (const c of cases) {
    const code = groupOf(c);
    if (!code) continue;
    if (within(c.createdAt, b)) row(code).reported++;
    if (within(c.closedAt, b)) {
      row(code).closed++;
      if (closedOnTime(c)) row(code).onTime++;
    }
  }
  for (const r of rows.values()) r.onTimeRate = rate(r.onTime, r.closed);
  // Highest on-time rate first; those with nothing closed ("—") last, then by what they handled.
  return [...rows.values()].sort(
    (a, b) =>
      (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
      b.closed - a.closed ||
      b.reported - a.reported ||
      a.code.localeCompare(b.code),
  );
}

function top(counts: Map<string, number>, names: Map<string, string>): CountRow[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP)
    .map(([code, count]) => ({ code, name: names.get(code) ?? code, count }));
}

function countBy(cases: readonly CaseView[], key: (c: CaseView) => string | null) {
  const m = new Map<string, number>();
  for (const c of cases) {
    const k = key(c);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Every case of the area, page by page, as the system sees them (the caller's scope was checked before). */
async function casesOf(s: Sources, areaCode: string): Promise<CaseView[]> {
  const actor = systemActor(PERMISSIONS);
  const all: CaseView[] = [];
  for (let offset = 0; offset < MAX_CASES; offset += PAGE) {
    const page = await s.cases.list(actor, { areaCode, limit: PAGE, offset });
    all.push(...page);
    if (page.length < PAGE) break;
  }
  return all;
}

/**
 * THE ONE FUNCTION TO SWITCH TO THE INDICATOR ENGINE (issue 12 item 1). Until `needs().indicators` gives an area's
 * figures for a period, the report's figures are computed here from the area's case list (cases module), the
 * category names, the department list and the open visit tasks. Known differences, said in the report's notes:
 * figures come from the cases as they are now (a later edit changes a past month), the overall deadline stands for
 * every step's, and care figures are as of generation, not of the month's end.
 */
export async function gatherReportFigures(
  s: Sources,
  area: { code: string; name: string; level: AreaLevel },
  key: string,
  now: Date,
): Promise<ReportFigures> {
  const period = monthBounds(key);
  const [cases, children, departments] = await Promise.all([
    casesOf(s, area.code),
    s.areas.tree(systemActor(PERMISSIONS), { parentCode: area.code }),
    s.departments.list(systemActor(PERMISSIONS)),
  ]);
  const current = monthFigures(cases, key);
  const before = monthFigures(cases, previousMonth(key));
  const lastYear = monthFigures(cases, sameMonthLastYear(key));
  const headline = HEADLINES.map(({ key: k, label, kind }) => ({
    key: k,
    label,
    kind,
    value: current[k],
    previous: before[k],
    lastYear: lastYear[k],
  }));

  const childLevel = CHILD_LEVEL[area.level];
  const levelCode: Record<AreaLevel, (c: CaseView) => string> = {
    district: () => area.code,
    street: (c) => c.streetCode,
    community: (c) => c.communityCode,
    grid: (c) => c.gridCode,
  };
  const childNames = new Map(
    children.filter((a) => a.level === childLevel).map((a) => [a.code, a.name]),
  );
  const deptNames = new Map(departments.map((d) => [d.id, d.name]));
  const handled = new Set(
    cases.map((c) => c.handlingDeptId).filter((d): d is string => d !== null),
  );
  const inMonth = cases.filter((c) => within(c.createdAt, period));
  const classCounts = countBy(inMonth, (c) => c.classCode);
  const gridCounts = countBy(inMonth, (c) => c.gridCode);
  const [classes, gridRefs] = await Promise.all([
    s.categories.caseClasses([...classCounts.keys()]),
    s.areas.refs([...gridCounts.keys(), ...cases.map((c) => c.gridCode)]),
  ]);
  const classNames = new Map(classes.map((c) => [c.code, c.name]));
  const gridNames = new Map(gridRefs.map((r) => [r.code, r.name]));
  const listed = (c: CaseView, note: string): ListedCase => ({
    caseNo: c.caseNo,
    category: (c.classCode && classNames.get(c.classCode)) ?? c.classCode ?? '未分类',
    place: gridNames.get(c.gridCode) ?? c.gridCode,
    department: (c.handlingDeptId && deptNames.get(c.handlingDeptId)) ?? '—',
    note,
  });
  const overdue = cases
    .filter((c) => overdueAt(c, period.end))
    .sort((a, b) => (a.deadlineAt ?? '').localeCompare(b.deadlineAt ?? ''));
  const supervised = cases
    .filter(
      (c) =>
        c.supervisionLevel !== null &&
        (c.closedAt === null || c.closedAt >= period.start) &&
        c.createdAt < period.end,
    )
    .sort((a, b) => a.caseNo.localeCompare(b.caseNo));
  // Names of the categories on the lists too (the top-N lookup covered only the month's reports).
  const missing = [...overdue, ...supervised]
    .map((c) => c.classCode)
    .filter((c): c is string => c !== null && !classNames.has(c));
  for (const c of await s.categories.caseClasses(missing)) classNames.set(c.code, c.name);

  return {
    area,
    period: { key, startDate: period.startDate, endDate: period.endDate },
    previousKey: previousMonth(key),
    lastYearKey: sameMonthLastYear(key),
    generatedAt: now.toISOString(),
    headline,
    departments: rank(
      cases,
      (c) => c.handlingDeptId,
      new Map([...deptNames].filter(([id]) => handled.has(id))),
      period,
    ),
    subareas: { level: childLevel, rows: rank(cases, levelCode[childLevel], childNames, period) },
    topCategories: top(classCounts, classNames),
    hotSpots: top(gridCounts, gridNames),
    overdue: overdue
      .slice(0, LIST_LIMIT)
      .map((c) => listed(c, `期限 ${shanghaiDate(c.deadlineAt!)}`)),
    supervised: supervised
      .slice(0, LIST_LIMIT)
      .map((c) => listed(c, c.supervisionLevel === 'red' ? '红牌督办' : '黄牌督办')),
    care: await careFigures(s, area.code),
    notes: [
      '本报告数据取自生成时的案件记录；指标引擎上线后改为取自案件事件日志的冻结期间数据。',
      '照护工作数据为报告生成时的状态。',
    ],
  };
}

const shanghaiDate = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 走访 task counts of the area: aggregate counts only, never who is in which group. */
async function careFigures(s: Sources, areaCode: string) {
  const actor = systemActor(PERMISSIONS);
  const q = { areaCode, limit: 1, offset: 0 };
  const [open, overdue, done] = await Promise.all([
    s.specialGroups.visits.list(actor, { ...q, status: 'open' }),
    s.specialGroups.visits.overdue(actor, q),
    s.specialGroups.visits.list(actor, { ...q, status: 'done' }),
  ]);
  return [
    { label: '待走访任务', value: open.total },
    { label: '逾期未走访', value: overdue.total },
    { label: '已完成走访（累计）', value: done.total },
  ];
}
