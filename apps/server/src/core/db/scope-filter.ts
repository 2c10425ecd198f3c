import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { AreaScope } from '../auth/area-scope';

/**
 * The area-scope predicate every repo applies: an area code column must start with one of
 * the actor's root codes (codes extend their parent's, so a prefix is a subtree).
 * LIKE on a text prefix is the same on both databases and uses the code indexes.
 */
export function codeInScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  scope: AreaScope,
): Expression<SqlBool> {
  if (scope.all) return eb.lit(true);
  if (scope.prefixes.length === 0) return eb.lit(false);
  const ref = eb.ref(column as never);
  return eb.or(scope.prefixes.map((p) => eb(ref, 'like', `${p}%` as never)));
}

const LEVEL_BY_LENGTH: Record<number, 'admin' | 'street' | 'community' | 'grid'> = {
  6: 'admin',
  9: 'street',
  12: 'community',
  14: 'grid',
  15: 'grid',
};

/**
 * Scope over records that carry one code column per area level (cases, components, addresses).
 * A root code of a known level becomes an equality on that level's column, which every
 * database serves from a plain index (a LIKE prefix needs special indexes on PostgreSQL).
 */
export function levelCodesInScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: AreaScope,
  columns: { admin: string; street: string; community: string; grid: string },
): Expression<SqlBool> {
  if (scope.all) return eb.lit(true);
  if (scope.prefixes.length === 0) return eb.lit(false);
  return eb.or(
    scope.prefixes.map((p) => {
      const level = LEVEL_BY_LENGTH[p.length];
      return level
        ? eb(eb.ref(columns[level] as never), '=', p as never)
        : eb(eb.ref(columns.grid as never), 'like', `${p}%` as never);
    }),
  );
}
