import type { Kysely, Transaction } from 'kysely';
import {
  BUILTIN_SCHEMES,
  DEFAULT_SCHEME,
  INDICATORS,
  POSITION_ACTOR_ROLES,
  appliesTo,
  compositeValue,
  previousPeriod,
  ratio,
  resolvePeriod,
  yearAgoPeriod,
  type AssessmentScheme,
  type IndicatorId,
  type IndicatorObject,
  type Period,
  type PeriodSpec,
  type Position,
  type SchemeTarget,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { AreaScope } from '../../core/auth/area-scope';
import { inScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import type { CaseLog } from '../cases';
import { elapsed, type WorkCalendar } from '../calendar';
import { caseFacts, toIndicatorCase } from './indicator-facts';
import { isPatrolRule, PATROL_RULES } from './indicator-patrol-rules';
import { indicatorRules, positionRule, type Rule, type RuleOptions } from './indicator-rules';
import {
  createIndicatorsRepo,
  type IndicatorsRepo,
  type FactQuery,
  type FactTarget,
  type GroupBy,
  type GroupCounts,
} from './indicators.repo';

export interface IndicatorsDeps {
  db: Kysely<DB>;
  clock: Clock;
  calendar(): WorkCalendar;
  areaExists(code: string): Promise<boolean>;
  departmentExists(id: string): Promise<boolean>;
  /** The grids a user staffed as 网格管理员 or 网格监督员, and when (areas module). */
  tenures(userId: string): Promise<{ gridCode: string; from: string; to: string | null }[]>;
  /**
   * 区域覆盖率 (grids visited k of staffed n) and GPS 超时次数 of a person in a period, inside a scope (patrols).
   * Without it (tests and benches over facts only) the two figures are "—" and 0.
   */
  patrolFigures?(
    userId: string,
    period: { start: string; end: string },
    scope: AreaScope,
  ): Promise<{ coverage: { value: number | null; n: number; k: number }; gpsTimeouts: number }>;
  /** Display names of group keys: area codes, department ids, user ids. */
  names(groupBy: GroupBy, keys: string[], scope: AreaScope): Promise<Map<string, string>>;
  /** Case number, state, class and address of drill-down cases inside the scope. */
  caseBriefs(
    scope: AreaScope,
    ids: readonly string[],
  ): Promise<
    { id: string; case_no: string; state: string; class_code: string | null; address: string }[]
  >;
}

/** One figure: `value` ("—" when null), the cohort size `n` and, for rates, the numerator `k`. */
export interface FigureValue {
  value: number | null;
  n: number;
  k?: number;
}

export type Target =
  | { object: 'area'; code?: string }
  | { object: 'department'; id?: string }
  | { object: 'position'; position: Position; userId: string };

export interface FiguresRequest {
  target: Target;
  period: PeriodSpec | Period;
  groupBy?: GroupBy;
  ids?: readonly IndicatorId[];
  scheme?: string;
  /** A published version; default the current one, or the live figures when the period is not published. */
  version?: number;
}

interface Source {
  publication: { id: string; version: number; publishedAt: string } | null;
  asOf: string;
  schemes: AssessmentScheme[];
}

export interface FigureRow {
  key: string | null;
  figures: Partial<Record<IndicatorId, FigureValue>>;
  score: ReturnType<typeof compositeValue> | null;
}

const HOUR_MS = 3_600_000;

export function createIndicatorsService(
  deps: IndicatorsDeps,
  repo: IndicatorsRepo = createIndicatorsRepo(deps.db),
) {
  /** The schemes in force now: the built-in ones, each replaced by its latest edited version. */
  async function currentSchemes(): Promise<(AssessmentScheme & { version?: number })[]> {
    const stored = new Map(
      (await repo.storedSchemes()).map((r) => [
        r.code,
        { ...(JSON.parse(r.scheme) as AssessmentScheme), version: r.version },
      ]),
    );
    return BUILTIN_SCHEMES.map((b) => stored.get(b.code) ?? b);
  }

  function schemeOf(schemes: readonly AssessmentScheme[], code = DEFAULT_SCHEME.code) {
    const s = schemes.find((x) => x.code === code);
    if (!s) throw new AppError('validation_failed', `考核方案 ${code} 不存在`, { field: 'scheme' });
    return s;
  }

  /**
   * Where a period's figures come from: its published copy (the current version, or the one asked for) with the
   * schemes and the moment it was frozen with, or the live facts as of now.
   */
  async function sourceOf(period: Period, version?: number): Promise<Source> {
    const pubs = await repo.publications(period.type, period.key);
    const pub =
      version === undefined
        ? pubs.find((p) => p.superseded_at === null)
        : pubs.find((p) => p.version === version);
    if (version !== undefined && !pub)
      throw new AppError('not_found', `${period.key} 没有第 ${version} 版发布`, {
        field: 'version',
      });
    if (!pub)
      return {
        publication: null,
        asOf: deps.clock.now().toISOString(),
        schemes: await currentSchemes(),
      };
    return {
      publication: { id: pub.id, version: pub.version, publishedAt: pub.as_of },
      asOf: pub.as_of,
      schemes: JSON.parse(pub.schemes) as AssessmentScheme[],
    };
  }

  function periodOf(spec: PeriodSpec | Period): Period {
    if ('start' in spec && 'startDate' in spec) return spec;
    const r = resolvePeriod(spec);
    if (!r.ok) throw new AppError('validation_failed', r.message, { field: r.field });
    return r.period;
  }

  /** The caller's target, checked: an area inside their scope, a department or person that exists. */
  async function factTarget(actor: Actor, t: Target): Promise<FactTarget | null> {
    if (t.object === 'area') {
      if (!t.code) return null;
      // Unknown, or outside the caller's area: the same answer, so nobody learns which codes exist elsewhere.
      if (!inScope(actor.scope, t.code) || !(await deps.areaExists(t.code)))
        throw new AppError('not_found', '区域不存在或不在您的管辖范围内', { field: 'areaCode' });
      return { object: 'area', code: t.code };
    }
    if (t.object === 'department') {
      if (!t.id) return null;
      if (!(await deps.departmentExists(t.id)))
        throw new AppError('validation_failed', '部门不存在', { field: 'departmentId' });
      return { object: 'department', id: t.id };
    }
    return { object: 'position', userId: t.userId, roles: POSITION_ACTOR_ROLES[t.position] };
  }

  function ruleFor(
    rules: Partial<Record<IndicatorId, Rule>>,
    id: IndicatorId,
    object: IndicatorObject,
    groupBy: GroupBy = 'none',
  ) {
    const r = rules[id];
    // A ranking of people groups facts by who acted; a figure of the grids they staffed (漏报) or of their tracks
    // (区域覆盖率, GPS 超时) has no such group.
    if (groupBy === 'person' && r && (positionRule(id, r)?.byTenure || isPatrolRule(r)))
      return undefined;
    return r && object === 'position' ? positionRule(id, r) : r;
  }

  /** Where a person's 漏报 is counted: the grids they staffed, while they did. */
  async function tenureOf(target: FactTarget | null): Promise<FactTarget | null> {
    if (target?.object !== 'position') return null;
    return { object: 'tenure', spans: await deps.tenures(target.userId) };
  }

  /** Counts many rules over one target and period: the counted ones in one statement (`repo.batch`). */
  async function computeAll(
    base: Omit<FactQuery, 'rule'>,
    rules: readonly Rule[],
  ): Promise<Map<string | null, FigureValue>[]> {
    const counted = rules.filter(
      (r) => r.value !== 'overlapHours' && !r.byTenure && !isPatrolRule(r),
    );
    const byTenure = rules.filter((r) => r.byTenure);
    const tenure = byTenure.length ? await tenureOf(base.target) : null;
    const [batch, tenureBatch, patrol] = await Promise.all([
      repo.batch(base, counted),
      tenure ? repo.batch({ ...base, target: tenure }, byTenure) : [],
      deps.patrolFigures && rules.some(isPatrolRule) && base.target?.object === 'position'
        ? deps.patrolFigures(base.target.userId, base, base.scope)
        : null,
    ]);
    return Promise.all(
      rules.map(async (rule) => {
        if (rule.value === 'overlapHours') return suspendedHours({ ...base, rule });
        if (isPatrolRule(rule)) {
          // Only a single person's figure (groupBy none): one row, keyed null.
          if (!patrol) return new Map<string | null, FigureValue>();
          const v: FigureValue =
            rule.patrol === 'patrolCoverage'
              ? patrol.coverage
              : { value: patrol.gpsTimeouts, n: patrol.gpsTimeouts };
          return new Map([[null, v]]);
        }
        const groups = rule.byTenure
          ? (tenureBatch[byTenure.indexOf(rule)] ?? [])
          : (batch[counted.indexOf(rule)] ?? []);
        return new Map(groups.map((g) => [g.key, valueOf(rule, g)] as const));
      }),
    );
  }

  /** 挂账时长: natural hours of 挂账 inside the period (and before asOf), per group. */
  async function suspendedHours(q: FactQuery): Promise<Map<string | null, FigureValue>> {
    const out = new Map<string | null, FigureValue>();
    const cut = Date.parse(q.end < q.asOf ? q.end : q.asOf);
    const start = Date.parse(q.start);
    for (const s of await repo.suspensions(q)) {
      const overlap =
        Math.min(s.end_at ? Date.parse(s.end_at) : cut, cut) - Math.max(Date.parse(s.at), start);
      if (overlap <= 0) continue;
      const key = (s.key as string | null) ?? null;
      const v = out.get(key) ?? { value: 0, n: 0 };
      out.set(key, { value: (v.value ?? 0) + overlap / HOUR_MS, n: v.n + 1 });
    }
    return out;
  }

  return {
    /** Rewrites cases' facts from their whole logs (the cases module's hook, inside its transaction). */
    async project(tx: Transaction<DB>, ...logs: CaseLog[]): Promise<void> {
      const cal = deps.calendar();
      const hours = (from: string, to: string) =>
        elapsed(cal, new Date(from), new Date(to), 'work_hour');
      await repo.replaceFactsOf(
        tx,
        logs.map((log) => ({
          caseId: log.row.id,
          facts: caseFacts(
            toIndicatorCase(log.row, log.events, log.mergedPatrolReportsAt),
            log.row,
            hours,
          ),
        })),
      );
    },

    currentSchemes,

    /**
     * The figures of a target for a period, one row per group (rankings group by street, department…), with the
     * 综合指标值 of the scheme when the target has components in it.
     */
    async figures(actor: Actor, req: FiguresRequest) {
      const period = periodOf(req.period);
      const source = await sourceOf(period, req.version);
      const scheme = schemeOf(source.schemes, req.scheme);
      const object = req.target.object;
      const position = req.target.object === 'position' ? req.target.position : undefined;
      const target = await factTarget(actor, req.target);
      const groupBy = req.groupBy ?? 'none';
      const { asOf } = source;
      const publicationId = source.publication?.id;
      const rules = allRules(scheme);
      const ids = (req.ids ?? (Object.keys(INDICATORS) as IndicatorId[])).filter((id) =>
        appliesTo(id, object, position),
      );
      const rows = new Map<string | null, FigureRow>();
      const rowOf = (key: string | null) => {
        let r = rows.get(key);
        if (!r) rows.set(key, (r = { key, figures: {}, score: null }));
        return r;
      };
      if (groupBy === 'none') rowOf(null);
      const wanted = ids.flatMap((id) => {
        const rule = ruleFor(rules, id, object, groupBy);
        return rule ? [{ id, rule }] : [];
      });
      const got = await computeAll(
        {
          scope: actor.scope,
          target,
          start: period.start,
          end: period.end,
          asOf,
          groupBy,
          ...(publicationId ? { publicationId } : {}),
        },
        wanted.map((w) => w.rule),
      );
      wanted.forEach(({ id }, i) => {
        for (const [key, v] of got[i]!) {
          // Facts without a department or person (a case never dispatched) belong to no row of those rankings.
          if (key === null && (groupBy === 'department' || groupBy === 'person')) continue;
          rowOf(key).figures[id] = v;
        }
      });
      // A group with no fact of some rule still has that figure: 0, or "—" for a rate.
      for (const r of rows.values())
        for (const id of ids) {
          const rule = ruleFor(rules, id, object, groupBy);
          if (rule && !r.figures[id]) r.figures[id] = empty(rule);
        }
      const schemeTarget = (position ?? object) as SchemeTarget;
      const components = scheme.targets[schemeTarget];
      if (components)
        for (const r of rows.values())
          r.score = compositeValue(
            components,
            Object.fromEntries(Object.entries(r.figures).map(([k, v]) => [k, v.value])),
            scheme.grades,
          );
      return {
        period,
        asOf,
        scheme: scheme.code,
        publication: source.publication,
        rows: [...rows.values()],
      };
    },

    /** The facts behind one figure (the numerator's with `part: 'numerator'`), at most `limit`. */
    async drill(
      actor: Actor,
      req: FiguresRequest & {
        id: IndicatorId;
        part: 'cohort' | 'numerator';
        limit: number;
        offset?: number;
      },
    ) {
      const period = periodOf(req.period);
      const source = await sourceOf(period, req.version);
      const scheme = schemeOf(source.schemes, req.scheme);
      const rule = ruleFor(allRules(scheme), req.id, req.target.object);
      if (!rule || rule.value === 'overlapHours' || isPatrolRule(rule))
        throw new AppError('validation_failed', '该指标没有明细', { field: 'id' });
      const target = await factTarget(actor, req.target);
      const q: FactQuery = {
        rule,
        scope: actor.scope,
        target: rule.byTenure ? await tenureOf(target) : target,
        start: period.start,
        end: period.end,
        asOf: source.asOf,
        groupBy: 'none',
        ...(source.publication ? { publicationId: source.publication.id } : {}),
      };
      const [counts] = await repo.counts(q);
      const total =
        req.part === 'numerator' && rule.num?.length ? (counts?.k ?? 0) : (counts?.n ?? 0);
      const items = await repo.drill(q, req.part === 'numerator', req.limit, req.offset ?? 0);
      return { period, total, items };
    },

    /** 环比 and 同比 periods of a period (同比 is null when the year before has no such week). */
    comparisons(spec: PeriodSpec) {
      const p = periodOf(spec);
      return { previous: previousPeriod(p), yearAgo: yearAgoPeriod(p) };
    },
  };
}

/** The rules over the facts and the patrol figures' markers. */
function allRules(o: RuleOptions): Partial<Record<IndicatorId, Rule>> {
  return { ...indicatorRules(o), ...PATROL_RULES };
}

function valueOf(rule: Rule, g: GroupCounts): FigureValue {
  switch (rule.value) {
    case 'rate':
      return { value: ratio(g.k, g.n), n: g.n, k: g.k };
    case 'meanHours':
      return { value: g.hn ? g.h / g.hn : null, n: g.hn };
    default:
      return { value: g.n, n: g.n };
  }
}

function empty(rule: Rule): FigureValue {
  if (rule.value === 'rate') return { value: null, n: 0, k: 0 };
  if (rule.value === 'meanHours') return { value: null, n: 0 };
  return { value: 0, n: 0 };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
