import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { Fact } from './indicator-facts';
import type { Cond, Rule } from './indicator-rules';

type Db = Kysely<DB> | Transaction<DB>;
type EB = ExpressionBuilder<DB, 'indicator_facts'>;

/** Whose figure: an area subtree, a department, or a person in the roles of one position. */
export type FactTarget =
  | { object: 'area'; code: string }
  | { object: 'department'; id: string }
  | { object: 'position'; userId: string; roles: readonly string[] };

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

export function createIndicatorsRepo(db: Kysely<DB>) {
  /** The rows of one rule for one query: kind, period (by deadline for due kinds), scope, target, cohort. */
  function cohort(q: FactQuery) {
    const cut = q.end < q.asOf ? q.end : q.asOf;
    let s = db
      .selectFrom('indicator_facts as f')
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
    s = s.where((eb) => all(eb as EB, q.rule.where));
    if (q.rule.notSuspendedAtCut)
      s = s.where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('indicator_facts as s')
              .select('s.case_id')
              .whereRef('s.case_id', '=', 'f.case_id')
              .where('s.kind', '=', 'suspension')
              .where('s.at', '<', cut)
              .where((eb) => eb.or([eb('s.end_at', 'is', null), eb('s.end_at', '>=', cut)])),
          ),
        ),
      );
    return s;
  }

  return {
    /** Replaces one case's facts (inside the transaction that appended its event). */
    async replaceFacts(tx: Db, caseId: string, facts: readonly Fact[]): Promise<void> {
      await tx.deleteFrom('indicator_facts').where('case_id', '=', caseId).execute();
      // 20 columns a row: well under either database's bound-parameter limit per statement.
      for (let i = 0; i < facts.length; i += 200)
        await tx
          .insertInto('indicator_facts')
          .values(facts.slice(i, i + 200))
          .execute();
    },

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
    drill: (q: FactQuery, numerator: boolean, limit: number) =>
      cohort(q)
        .where((eb) => (numerator && q.rule.num?.length ? all(eb as EB, q.rule.num) : eb.lit(true)))
        .select(['f.case_id', 'f.seq', 'f.at', 'f.kind'])
        .orderBy('f.at')
        .orderBy('f.case_id')
        .orderBy('f.n')
        .limit(limit)
        .execute(),
  };
}
export type IndicatorsRepo = ReturnType<typeof createIndicatorsRepo>;
