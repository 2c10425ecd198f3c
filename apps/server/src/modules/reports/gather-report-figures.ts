import { PERMISSIONS, resolvePeriod, type CaseView } from '@wangge/shared';
import { systemActor } from '../../core/auth/actor';
import type { ModuleServices } from '../../wiring';
import {
  previousMonth,
  sameMonthLastYear,
  type AreaLevel,
  type CountRow,
  type HeadlineFigure,
  type ListedCase,
  type ReportFigures,
} from './report-figures';
import { indicatorFigures } from './report-indicators';

type Sources = Pick<
  ModuleServices,
  'cases' | 'areas' | 'departments' | 'categories' | 'specialGroups' | 'indicators'
>;

/** Cases read per page for the lists, and the most one report reads. */
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
/** Past its overall deadline at `end` and not closed by then; a voided case is never overdue (it has no close). */
const overdueAt = (c: CaseView, end: string) =>
  c.state !== 'voided' &&
  c.registeredAt !== null &&
  c.registeredAt < end &&
  c.deadlineAt !== null &&
  c.deadlineAt < end &&
  (c.closedAt === null || c.closedAt >= end);

/** The two headline counts the engine has no indicator for, from the area's cases as they are now. */
function listFigures(cases: readonly CaseView[], key: string) {
  const b = monthBounds(key);
  return {
    overdue: cases.filter((c) => overdueAt(c, b.end)).length,
    supervised: cases.filter((c) => c.supervisionLevel !== null && within(c.createdAt, b)).length,
  };
}

const LIST_HEADLINES: {
  key: keyof ReturnType<typeof listFigures>;
  label: string;
  kind: HeadlineFigure['kind'];
}[] = [
  { key: 'overdue', label: '月末超期案件', kind: 'count' },
  { key: 'supervised', label: '督办案件', kind: 'count' },
];

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
 * The report's figures. The headline figures with 环比 and 同比, the area's 综合指标值 and both rankings come from the
 * indicator engine (`needs().indicators`, docs/indicators.md): the event log with each event's own deadlines, as of
 * generation. The rest — 月末超期 and 督办 counts, top categories, hot spots, the overdue and 督办 lists and the care
 * figures — from the area's case list, the category and department names and the open visit tasks, as they are now.
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
  const childLevel = CHILD_LEVEL[area.level];
  const childNames = new Map(
    children.filter((a) => a.level === childLevel).map((a) => [a.code, a.name]),
  );
  const engine = await indicatorFigures(s, area, key, childNames);
  const current = listFigures(cases, key);
  const before = listFigures(cases, previousMonth(key));
  const lastYear = listFigures(cases, sameMonthLastYear(key));
  const headline = [
    ...engine.headline,
    ...LIST_HEADLINES.map(({ key: k, label, kind }) => ({
      key: k,
      label,
      kind,
      value: current[k],
      previous: before[k],
      lastYear: lastYear[k],
    })),
  ];

  const deptNames = new Map(departments.map((d) => [d.id, d.name]));
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
    score: engine.score,
    departments: engine.departments,
    subareas: { level: childLevel, ...engine.subareas },
    topCategories: top(classCounts, classNames),
    hotSpots: top(gridCounts, gridNames),
    overdue: overdue
      .slice(0, LIST_LIMIT)
      .map((c) => listed(c, `期限 ${shanghaiDate(c.deadlineAt!)}`)),
    supervised: supervised
      .slice(0, LIST_LIMIT)
      .map((c) => listed(c, SUPERVISION_NOTE[c.supervisionLevel ?? ''] ?? '督办')),
    care: await careFigures(s, area.code),
    notes: [
      '主要指标、综合指标值和排名取自指标引擎（案件事件日志，按各环节当时的期限计算，截至报告生成时）。',
      '月末超期案件、督办案件及各清单取自报告生成时的案件记录；照护工作数据为报告生成时的状态。',
    ],
  };
}

/** 督办 by hand (a leader, the 值班长, 12345) is plain 督办; the sweep's cards are yellow and red. */
const SUPERVISION_NOTE: Record<string, string> = {
  normal: '督办',
  yellow: '黄牌督办',
  red: '红牌督办',
};

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
