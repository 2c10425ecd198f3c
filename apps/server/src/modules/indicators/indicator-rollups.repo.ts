import {
  PostgresAdapter,
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  type Transaction,
} from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { Cond, Rule } from './indicator-rules';
import { ROLLUP_KEY_COLUMNS, type RollupRow } from './indicator-rollups';
import type { FactTarget, GroupBy, GroupCounts } from './indicators.repo';

type Db = Kysely<DB> | Transaction<DB>;
type EB = ExpressionBuilder<DB, 'indicator_rollups'>;

/** What the rollups can answer: an area or department over whole months, grouped at most by community. */
export interface RollupQuery {
  scope: AreaScope;
  target: FactTarget | null;
  groupBy: GroupBy;
  fromMonth: string;
  toMonth: string;
  publicationId?: string;
}

const GROUP_COLUMN = {
  street: 'street_code',
  community: 'community_code',
  department: 'department_id',
} as const;
/** A rollup row knows its community, not its grid: a grid-level code cannot be answered here. */
const CODE_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code_not_in_rollups',
};
const ROLLUP_CODE_LENGTHS = new Set([6, 9, 12]);

/** Whether the rollups can answer a query of this shape (else the facts answer it). */
export function rollupAnswers(q: Pick<RollupQuery, 'scope' | 'target' | 'groupBy'>): boolean {
  if (q.groupBy !== 'none' && !(q.groupBy in GROUP_COLUMN)) return false;
  if (q.target && q.target.object !== 'area' && q.target.object !== 'department') return false;
  if (q.target?.object === 'area' && !ROLLUP_CODE_LENGTHS.has(q.target.code.length)) return false;
  return q.scope.all || q.scope.prefixes.every((p) => ROLLUP_CODE_LENGTHS.has(p.length));
}

/** A rule's condition over the rollup columns, where a fact's null is stored as '' or -1. */
function cond(eb: EB, c: Cond): Expression<SqlBool> {
  if ('eq' in c) return eb(c.col, '=', c.eq);
  if ('known' in c) return eb(c.col, '>=', 0);
  if ('in' in c) return c.in.length ? eb(c.col, 'in', [...c.in]) : eb.lit(false);
  return eb(c.col, 'not in', [...c.notIn]);
}
const all = (eb: EB, cs: readonly Cond[] | undefined) => eb.and((cs ?? []).map((c) => cond(eb, c)));

/** The Shanghai month of a fact's `at`, in SQL (the same as `monthOf`). */
function monthSql(db: Db, at: RawBuilder<unknown>) {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`to_char((${at})::timestamptz at time zone 'UTC' + interval '8 hours', 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', ${at}, '+8 hours')`;
}

const SUMS = sql.join([
  sql`count(*)`,
  sql`sum(case when hours is not null then 1 else 0 end)`,
  sql`coalesce(sum(hours), 0)`,
]);
/** The rollup columns from a facts table's columns (nulls to '' and -1), for a GROUP BY over facts. */
function keyFromFacts(db: Db) {
  return sql.join([
    sql`kind`,
    monthSql(db, sql`at`),
    sql`admin_code`,
    sql`street_code`,
    sql`community_code`,
    sql`source`,
    sql`coalesce(department_id, '')`,
    sql`coalesce(variant, '')`,
    sql`coalesce(on_time, -1)`,
    sql`coalesce(ok, -1)`,
    sql`coalesce(flag, -1)`,
    sql`excluded`,
  ]);
}
const KEY_COLUMNS = sql.join(ROLLUP_KEY_COLUMNS.map((c) => sql.id(c)));

export function createRollupsRepo(db: Kysely<DB>) {
  return {
    /** Adds one case's rewrite to the rollups (inside the transaction that rewrote its facts). */
    async apply(tx: Db, deltas: readonly RollupRow[]): Promise<void> {
      // 15 columns a row: well under either database's bound-parameter limit per statement.
      for (let i = 0; i < deltas.length; i += 200)
        await tx
          .insertInto('indicator_rollups')
          .values(deltas.slice(i, i + 200))
          .onConflict((oc) =>
            oc.columns([...ROLLUP_KEY_COLUMNS]).doUpdateSet((eb) => ({
              n: eb('indicator_rollups.n', '+', eb.ref('excluded.n')),
              h: eb('indicator_rollups.h', '+', eb.ref('excluded.h')),
              hn: eb('indicator_rollups.hn', '+', eb.ref('excluded.hn')),
            })),
          )
          .execute();
    },

    /** Recounts every rollup from the facts (the migration, `wangge rebuild-indicators`). */
    async rebuild(tx: Db): Promise<void> {
      await tx.deleteFrom('indicator_rollups').execute();
      await sql`insert into indicator_rollups (${KEY_COLUMNS}, n, hn, h)
        select ${keyFromFacts(tx)}, ${SUMS} from indicator_facts
        group by ${keyFromFacts(tx)}`.execute(tx);
    },

    /** A publication's rollups, from its frozen facts (they never change afterwards). */
    async snapshot(tx: Db, publicationId: string): Promise<void> {
      await sql`insert into indicator_snapshot_rollups (publication_id, ${KEY_COLUMNS}, n, hn, h)
        select ${publicationId}, ${keyFromFacts(tx)}, ${SUMS} from indicator_snapshot_facts
        where publication_id = ${publicationId}
        group by ${keyFromFacts(tx)}`.execute(tx);
    },

    /**
     * `indicators.repo` batch's counts over whole months: the rules of one statement as conditional sums of the
     * rollup rows' counts.
     */
    async counts(q: RollupQuery, rules: readonly Rule[]): Promise<GroupCounts[][]> {
      const table = (
        q.publicationId ? 'indicator_snapshot_rollups as r' : 'indicator_rollups as r'
      ) as 'indicator_rollups as r';
      const kinds = [...new Set(rules.flatMap((r) => r.kinds))];
      const key =
        q.groupBy === 'none' ? null : GROUP_COLUMN[q.groupBy as keyof typeof GROUP_COLUMN];
      let s = db
        .selectFrom(table)
        .where((eb) =>
          q.publicationId ? eb(sql.ref('r.publication_id'), '=', q.publicationId) : eb.lit(true),
        )
        .where('r.kind', 'in', kinds)
        .where('r.month', '>=', q.fromMonth)
        .where('r.month', '<', q.toMonth)
        .where((eb) => levelCodesInScope(eb, q.scope, CODE_COLUMNS));
      const t = q.target;
      if (t?.object === 'area')
        s = s.where((eb) =>
          levelCodesInScope(eb, { all: false, prefixes: [t.code] }, CODE_COLUMNS),
        );
      if (t?.object === 'department') s = s.where('r.department_id', '=', t.id);
      const base = s.select((eb) => [
        sql<string | null>`${key ? sql.ref(`r.${key}`) : sql`null`}`.as('key'),
        ...rules.flatMap((rule, i) => {
          const inIt = eb.and([eb('r.kind', 'in', [...rule.kinds]), all(eb as EB, rule.where)]);
          const num = rule.num?.length ? eb.and([inIt, all(eb as EB, rule.num)]) : inIt;
          const sumOf = (when: Expression<SqlBool>, col: 'n' | 'h' | 'hn') =>
            eb.fn.sum(
              eb
                .case()
                .when(when)
                .then(eb.ref(`r.${col}`))
                .else(0)
                .end(),
            );
          return [
            sumOf(inIt, 'n').as(`n${i}`),
            sumOf(num, 'n').as(`k${i}`),
            sumOf(inIt, 'h').as(`h${i}`),
            sumOf(inIt, 'hn').as(`hn${i}`),
          ];
        }),
      ]);
      const rows = (await (key ? base.groupBy(`r.${key}`) : base).execute()) as Record<
        string,
        unknown
      >[];
      return rules.map((_, i) =>
        rows
          .filter((r) => Number(r[`n${i}`] ?? 0) !== 0)
          .map((r) => ({
            // A fact without a department is stored with '' in the rollups.
            key: ((r.key as string | null) ?? null) || null,
            n: Number(r[`n${i}`]),
            k: Number(r[`k${i}`] ?? 0),
            h: Number(r[`h${i}`] ?? 0),
            hn: Number(r[`hn${i}`] ?? 0),
          })),
      );
    },
  };
}
export type RollupsRepo = ReturnType<typeof createRollupsRepo>;
