import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  type Transaction,
} from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { Fact, FactKind } from './indicator-facts';
import type { AssessmentSchemesTable, IndicatorPublicationsTable } from './indicators.tables';
import type { Cond, Rule } from './indicator-rules';
import { monthStart, rollupDeltas, rollupPlan } from './indicator-rollups';
import { createRollupsRepo, rollupAnswers } from './indicator-rollups.repo';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * 'suspension' written into the SQL, not bound: only then can either database prove a query within the partial
 * index of the 挂账 facts (migration 2026-12-09T1600), which finds the cases in 挂账 at an instant from its own few
 * rows instead of the table's.
 */
const SUSPENSION = sql.lit<FactKind>('suspension');
type EB = ExpressionBuilder<DB, 'indicator_facts'>;

/** Whose figure: an area subtree, a department, or a person in the roles of one position. */
export type FactTarget =
  | { object: 'area'; code: string }
  | { object: 'department'; id: string }
  | { object: 'position'; userId: string; roles: readonly string[] }
  /** The facts of the grids a person staffed, while they staffed them (a person's 漏报). */
  | { object: 'tenure'; spans: readonly { gridCode: string; from: string; to: string | null }[] };

/** How a figure set is split: one row, or one per street, community, grid, department or person. */
export const GROUP_BYS = ['none', 'street', 'community', 'grid', 'department', 'person'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface FactQuery {
  rule: Rule;
  scope: AreaScope;
  target: FactTarget | null;
  start: string;
  end: string;
  asOf: string;
  groupBy: GroupBy;
  /** Read a published period's frozen copy instead of the live facts. */
  publicationId?: string;
}

/** One group's counts: n = the cohort (count, denominator), k = the numerator, h = the hours summed over hn rows. */
export interface GroupCounts {
  key: string | null;
  n: number;
  k: number;
  h: number;
  hn: number;
}

const GROUP_COLUMN = {
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
  department: 'department_id',
  person: 'actor_id',
} as const;
const CODE_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

function cond(eb: EB, c: Cond): Expression<SqlBool> {
  if ('eq' in c) return eb(c.col, '=', c.eq);
  if ('known' in c) return eb(c.col, 'is not', null);
  if ('in' in c) return c.in.length ? eb(c.col, 'in', [...c.in]) : eb.lit(false);
  // A fact without a variant (a close with no reason) is not among the excluded ones.
  return eb.or([eb(c.col, 'not in', [...c.notIn]), eb(c.col, 'is', null)]);
}
const all = (eb: EB, cs: readonly Cond[] | undefined) => eb.and((cs ?? []).map((c) => cond(eb, c)));

/**
 * The live facts, or a publication's copy: the same columns, so every query is written once against the live
 * table's type and pointed at the copy by name (plus its publication id).
 */
const factsTable = <A extends string>(alias: A, publicationId: string | undefined) =>
  (publicationId
    ? `indicator_snapshot_facts as ${alias}`
    : `indicator_facts as ${alias}`) as `indicator_facts as ${A}`;
const inPublication = (eb: ExpressionBuilder<DB, never>, alias: string, id: string | undefined) =>
  id ? eb(sql.ref(`${alias}.publication_id`), '=', id) : eb.lit(true);

/** Facts that place figures in [start, end): everything at in the period, and 挂账 overlapping it. */
const FACT_COLUMNS = [
  'case_id',
  'n',
  'seq',
  'kind',
  'at',
  'end_at',
  'admin_code',
  'street_code',
  'community_code',
  'grid_code',
  'source',
  'department_id',
  'actor_id',
  'actor_role',
  'variant',
  'on_time',
  'ok',
  'flag',
  'excluded',
  'hours',
] as const;

export interface IndicatorsRepoOptions {
  /** Answer whole months from the rollups (default); off, everything is counted from the facts (tests, bench). */
  rollups?: boolean;
}

export function createIndicatorsRepo(
  db: Kysely<DB>,
  opts: IndicatorsRepoOptions = { rollups: true },
) {
  const rollups = createRollupsRepo(db);

  /** The rows of one rule for one query: kind, period (by deadline for due kinds), scope, target, cohort. */
  function cohort(q: FactQuery) {
    const cut = q.end < q.asOf ? q.end : q.asOf;
    let s = db
      .selectFrom(factsTable('f', q.publicationId))
      .where((eb) => inPublication(eb as ExpressionBuilder<DB, never>, 'f', q.publicationId))
      .where('f.kind', 'in', [...q.rule.kinds])
      .where('f.at', '>=', q.start);
    s = q.rule.due
      ? s.where('f.at', '<', cut)
      : s.where('f.at', '<', q.end).where('f.at', '<=', q.asOf);
    s = s.where((eb) => levelCodesInScope(eb, q.scope, CODE_COLUMNS));
    const t = q.target;
    if (t?.object === 'area')
      s = s.where((eb) => levelCodesInScope(eb, { all: false, prefixes: [t.code] }, CODE_COLUMNS));
    if (t?.object === 'department') s = s.where('f.department_id', '=', t.id);
    if (t?.object === 'position')
      s = s.where('f.actor_id', '=', t.userId).where('f.actor_role', 'in', [...t.roles]);
    if (t?.object === 'tenure')
      s = s.where((eb) =>
        eb.or(
          t.spans.map((p) =>
            eb.and([
              eb('f.grid_code', '=', p.gridCode),
              eb('f.at', '>=', p.from),
              ...(p.to ? [eb('f.at', '<', p.to)] : []),
            ]),
          ),
        ),
      );
    s = s.where((eb) => all(eb as EB, q.rule.where));
    if (q.rule.notSuspendedAtCut) s = s.where((eb) => notSuspended(eb as EB, q, cut));
    return s;
  }

  /**
   * The cases standing in 挂账 at the cut: what the rollups' 结案 counts must give back (they cannot test it). Few at
   * any instant, so the facts are reached from them by case id.
   */
  const suspendedAt = (q: Pick<FactQuery, 'publicationId'>, cut: string) =>
    db
      .selectFrom(factsTable('s', q.publicationId))
      .select('s.case_id')
      .where((eb) => inPublication(eb as ExpressionBuilder<DB, never>, 's', q.publicationId))
      .where('s.kind', '=', SUSPENSION)
      .where('s.at', '<', cut)
      .where((eb) => eb.or([eb('s.end_at', 'is', null), eb('s.end_at', '>=', cut)]));

  /** The fact's case is not standing in 挂账 at the cut. */
  function notSuspended(eb: EB, q: Pick<FactQuery, 'publicationId'>, cut: string) {
    return eb.not(
      eb.exists(
        eb
          .selectFrom(factsTable('s', q.publicationId))
          .select('s.case_id')
          .where((eb) => inPublication(eb as ExpressionBuilder<DB, never>, 's', q.publicationId))
          .whereRef('s.case_id', '=', 'f.case_id' as never)
          .where('s.kind', '=', SUSPENSION)
          .where('s.at', '<', cut)
          .where((eb) => eb.or([eb('s.end_at', 'is', null), eb('s.end_at', '>=', cut)])),
      ),
    );
  }

  /** Whether a row of the union cohort (`batch`) is in one rule's cohort. */
  function inRule(eb: EB, rule: Rule, cut: string) {
    return eb.and([
      eb('kind', 'in', [...rule.kinds]),
      ...(rule.due ? [eb('at', '<', cut)] : []),
      all(eb, rule.where),
    ]);
  }

  /** One statement for rules that agree on `notSuspendedAtCut` (a WHERE of the union cohort). */
  async function batchOf(
    q: Omit<FactQuery, 'rule'>,
    rules: readonly Rule[],
    suspendedAtCut?: string,
  ) {
    const cut = q.end < q.asOf ? q.end : q.asOf;
    const union: Rule = {
      kinds: [...new Set(rules.flatMap((r) => r.kinds))],
      value: 'count',
      ...(rules[0]?.notSuspendedAtCut && !suspendedAtCut
        ? { notSuspendedAtCut: true as const }
        : {}),
    };
    const key = q.groupBy === 'none' ? null : (`f.${GROUP_COLUMN[q.groupBy]}` as const);
    let from = cohort({ ...q, rule: union });
    if (suspendedAtCut) from = from.where('f.case_id', 'in', suspendedAt(q, suspendedAtCut));
    const base = from.select((eb) => [
      (key ? eb.ref(key) : eb.lit(null)).as('key'),
      ...rules.flatMap((rule, i) => {
        const inIt = inRule(eb as EB, rule, cut);
        const num = rule.num?.length ? eb.and([inIt, all(eb as EB, rule.num)]) : inIt;
        const hours = eb.case().when(inIt).then(eb.ref('f.hours')).end();
        return [
          eb.fn.sum(eb.case().when(inIt).then(1).else(0).end()).as(`n${i}`),
          eb.fn.sum(eb.case().when(num).then(1).else(0).end()).as(`k${i}`),
          eb.fn.sum(hours).as(`h${i}`),
          eb.fn.count(hours).as(`hn${i}`),
        ];
      }),
    ]);
    const rows = (await (key ? base.groupBy(key) : base).execute()) as Record<string, unknown>[];
    return rules.map((_, i) =>
      rows
        .filter((r) => Number(r[`n${i}`] ?? 0) > 0)
        .map((r) => ({
          key: (r.key as string | null) ?? null,
          n: Number(r[`n${i}`]),
          k: Number(r[`k${i}`] ?? 0),
          h: Number(r[`h${i}`] ?? 0),
          hn: Number(r[`hn${i}`]),
        })),
    );
  }

  /**
   * One statement's rules over whole months from the rollups, the rest of the period from the facts; the 结案
   * rules' cases in 挂账 at the cut are taken back out of the months' counts.
   */
  async function withRollups(
    q: Omit<FactQuery, 'rule'>,
    rules: readonly Rule[],
    plan: NonNullable<ReturnType<typeof rollupPlan>>,
  ): Promise<GroupCounts[][]> {
    const { fromMonth, toMonth, rest } = plan;
    const months = { start: monthStart(fromMonth), end: monthStart(toMonth) };
    const cut = q.end < q.asOf ? q.end : q.asOf;
    const [fromRollups, suspended, fromFacts] = await Promise.all([
      rollups.counts({ ...q, fromMonth, toMonth }, rules),
      rules[0]?.notSuspendedAtCut ? batchOf({ ...q, ...months }, rules, cut) : null,
      rest ? batchOf({ ...q, ...rest }, rules) : null,
    ]);
    return rules.map((_, i) => {
      const sum = new Map<string | null, GroupCounts>();
      const add = (gs: GroupCounts[] | undefined, sign: 1 | -1) => {
        for (const g of gs ?? []) {
          const t = sum.get(g.key) ?? { key: g.key, n: 0, k: 0, h: 0, hn: 0 };
          sum.set(g.key, {
            key: g.key,
            n: t.n + sign * g.n,
            k: t.k + sign * g.k,
            h: t.h + sign * g.h,
            hn: t.hn + sign * g.hn,
          });
        }
      };
      add(fromRollups[i], 1);
      add(fromFacts?.[i], 1);
      add(suspended?.[i], -1);
      return [...sum.values()].filter((g) => g.n > 0);
    });
  }

  async function replaceFactsOf(
    tx: Db,
    cases: readonly { caseId: string; facts: readonly Fact[] }[],
  ): Promise<void> {
    const before: Fact[] = [];
    for (const c of cases)
      before.push(
        ...(await tx
          .deleteFrom('indicator_facts')
          .where('case_id', '=', c.caseId)
          .returningAll()
          .execute()),
      );
    const after = cases.flatMap((c) => c.facts);
    await rollups.apply(tx, rollupDeltas(before, after));
    // 20 columns a row: well under either database's bound-parameter limit per statement.
    for (let i = 0; i < after.length; i += 200)
      await tx
        .insertInto('indicator_facts')
        .values(after.slice(i, i + 200))
        .execute();
  }

  return {
    /** Freezes a period: the publication row and the copy of the facts that place figures in [start, end). */
    async publish(
      tx: Db,
      pub: IndicatorPublicationsTable,
      start: string,
      end: string,
      supersede: { id: string; at: string } | null,
    ): Promise<number> {
      if (supersede)
        await tx
          .updateTable('indicator_publications')
          .set({ superseded_at: supersede.at })
          .where('id', '=', supersede.id)
          .where('superseded_at', 'is', null)
          .execute();
      await tx.insertInto('indicator_publications').values(pub).execute();
      const r = await tx
        .insertInto('indicator_snapshot_facts')
        .columns(['publication_id', ...FACT_COLUMNS])
        .expression(
          tx
            .selectFrom('indicator_facts')
            .select([sql<string>`${pub.id}`.as('publication_id'), ...FACT_COLUMNS])
            .where((eb) =>
              eb.or([
                eb.and([eb('kind', '<>', 'suspension'), eb('at', '>=', start), eb('at', '<', end)]),
                eb.and([
                  eb('kind', '=', 'suspension'),
                  eb('at', '<', end),
                  eb.or([eb('end_at', 'is', null), eb('end_at', '>=', start)]),
                ]),
              ]),
            ),
        )
        .executeTakeFirst();
      const count = Number(r.numInsertedOrUpdatedRows ?? 0);
      await rollups.snapshot(tx, pub.id);
      await tx
        .updateTable('indicator_publications')
        .set({ fact_count: count })
        .where('id', '=', pub.id)
        .execute();
      return count;
    },

    /** Recounts the rollups from the facts (`wangge rebuild-indicators`). */
    rebuildRollups: (tx: Db) => rollups.rebuild(tx),

    /** The versions of a period, newest first. */
    publications: (periodType: string, periodKey: string, d: Db = db) =>
      d
        .selectFrom('indicator_publications')
        .selectAll()
        .where('period_type', '=', periodType)
        .where('period_key', '=', periodKey)
        .orderBy('version', 'desc')
        .execute(),

    /** Every publication, newest first (the list of published periods). */
    allPublications: (limit: number) =>
      db
        .selectFrom('indicator_publications')
        .selectAll()
        .orderBy('as_of', 'desc')
        .limit(limit)
        .execute(),

    /** The latest stored version of each edited scheme. */
    async storedSchemes(): Promise<AssessmentSchemesTable[]> {
      const rows = await db
        .selectFrom('assessment_schemes')
        .selectAll()
        .orderBy('version')
        .execute();
      return [...new Map(rows.map((r) => [r.code, r])).values()];
    },

    async saveScheme(
      tx: Db,
      code: string,
      scheme: string,
      by: string,
      at: string,
    ): Promise<number> {
      const r = await tx
        .selectFrom('assessment_schemes')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('code', '=', code)
        .executeTakeFirst();
      const version = Number(r?.v ?? 0) + 1;
      await tx
        .insertInto('assessment_schemes')
        .values({ code, version, scheme, changed_by: by, changed_at: at })
        .execute();
      return version;
    },

    /** Replaces one case's facts (inside the transaction that appended its event). */
    replaceFacts: (tx: Db, caseId: string, facts: readonly Fact[]) =>
      replaceFactsOf(tx, [{ caseId, facts }]),

    /**
     * Replaces the facts of several cases (a 合并 rewrites two) and moves the rollups by the difference, in one
     * statement sorted by key: two writers on PostgreSQL then lock rollup rows in the same order.
     */
    replaceFactsOf,

    /** Counts per group for one rule. */
    async counts(q: FactQuery): Promise<GroupCounts[]> {
      const base = cohort(q).select((eb) => {
        const num = q.rule.num?.length ? all(eb as EB, q.rule.num) : eb.lit(true);
        return [
          (q.groupBy === 'none' ? eb.lit(null) : eb.ref(`f.${GROUP_COLUMN[q.groupBy]}`)).as('key'),
          eb.fn.countAll().as('n'),
          eb.fn.sum(eb.case().when(num).then(1).else(0).end()).as('k'),
          eb.fn.sum('f.hours').as('h'),
          eb.fn.count('f.hours').as('hn'),
        ];
      });
      const rows = await (
        q.groupBy === 'none' ? base : base.groupBy(`f.${GROUP_COLUMN[q.groupBy]}`)
      ).execute();
      return rows.map((r) => ({
        key: (r.key as string | null) ?? null,
        n: Number(r.n),
        k: Number(r.k ?? 0),
        h: Number(r.h ?? 0),
        hn: Number(r.hn),
      }));
    },

    /**
     * `counts` of many rules over the same target, period and groups: the rules of one fact kind in one statement,
     * whose rows are read once and each rule's n, k, h and hn are conditional sums over them (a figure set is ~45
     * rules over ~15 kinds).
     */
    async batch(q: Omit<FactQuery, 'rule'>, rules: readonly Rule[]): Promise<GroupCounts[][]> {
      // One statement per fact kind: each row is tested against its own kind's rules only (one statement for all
      // kinds costs every row every rule's sums). The 结案 rules leave out cases in 挂账 at the cut in a statement of
      // their own, whose WHERE says so: as a condition inside the sums the subquery would run for every row.
      const parts = new Map<string, number[]>();
      rules.forEach((r, i) => {
        const k = `${r.notSuspendedAtCut ? 1 : 0}:${r.kinds.join(',')}`;
        parts.set(k, [...(parts.get(k) ?? []), i]);
      });
      const out: GroupCounts[][] = rules.map(() => []);
      const plan = opts.rollups && rollupAnswers(q) ? rollupPlan(q.start, q.end, q.asOf) : null;
      for (const at of parts.values()) {
        const part = at.map((i) => rules[i]!);
        const got = plan ? await withRollups(q, part, plan) : await batchOf(q, part);
        at.forEach((i, j) => (out[i] = got[j]!));
      }
      return out;
    },

    /** Suspension rows overlapping the period, for 挂账时长 (the overlap is summed by the caller). */
    suspensions: (q: FactQuery) => {
      const cut = q.end < q.asOf ? q.end : q.asOf;
      return cohort({ ...q, start: '0000', end: cut, asOf: cut })
        .where((eb) => eb.or([eb('f.end_at', 'is', null), eb('f.end_at', '>', q.start)]))
        .select(['f.case_id', 'f.seq', 'f.at', 'f.end_at'])
        .select((eb) =>
          (q.groupBy === 'none' ? eb.lit(null) : eb.ref(`f.${GROUP_COLUMN[q.groupBy]}`)).as('key'),
        )
        .execute();
    },

    /** The rows behind a figure (the numerator's when `numerator`), oldest first. */
    drill: (q: FactQuery, numerator: boolean, limit: number, offset = 0) =>
      cohort(q)
        .where((eb) => (numerator && q.rule.num?.length ? all(eb as EB, q.rule.num) : eb.lit(true)))
        .select(['f.case_id', 'f.seq', 'f.at', 'f.kind'])
        .orderBy('f.at')
        .orderBy('f.case_id')
        .orderBy('f.n')
        .limit(limit)
        .offset(offset)
        .execute(),
  };
}
export type IndicatorsRepo = ReturnType<typeof createIndicatorsRepo>;
