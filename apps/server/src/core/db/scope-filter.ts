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
