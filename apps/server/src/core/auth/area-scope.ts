import { AppError } from '../errors';

/**
 * A user's data scope: the roots of the area subtrees they may see. Because every child
 * code extends its parent's, "in scope" is "starts with one of the root codes".
 */
export interface AreaScope {
  readonly all: boolean;
  readonly prefixes: readonly string[];
}

export const FULL_SCOPE: AreaScope = { all: true, prefixes: [] };
export const EMPTY_SCOPE: AreaScope = { all: false, prefixes: [] };

export function scopeOf(codes: readonly string[], all = false): AreaScope {
  if (all) return FULL_SCOPE;
  // Drop codes already covered by a shorter root, so the SQL predicate stays short.
  const sorted = [...new Set(codes)].sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const c of sorted) if (!roots.some((r) => c.startsWith(r))) roots.push(c);
  return { all: false, prefixes: roots };
}

export function inScope(scope: AreaScope, code: string | null | undefined): boolean {
  if (scope.all) return true;
  if (!code) return false;
  return scope.prefixes.some((p) => code.startsWith(p));
}

/** True when the whole subtree under `code` lies inside the scope. */
export function coversSubtree(scope: AreaScope, code: string): boolean {
  return inScope(scope, code);
}

/**
 * Actions on a record outside the caller's subtree answer 403 (reads answer 404 instead, so
 * a reader learns nothing about records beyond their scope).
 */
export function assertActionInScope(scope: AreaScope, code: string): void {
  if (!inScope(scope, code)) throw new AppError('forbidden', '该记录超出您的管辖范围');
}

/**
 * A record that a request names by id (a person to employ, a house to live in, an address to file under), resolved
 * through the caller's scope: unknown and out-of-scope records are the same 404 on that field, so a reference never
 * confirms that something exists beyond the caller's area, nor hands back any of its data. `codeOf` gives the area
 * code the owning module files the record under.
 */
export function referenceInScope<T>(
  scope: AreaScope,
  ref: T | null | undefined,
  codeOf: (ref: T) => string | null | undefined,
  what: string,
  field: string,
): T {
  if (!ref || !inScope(scope, codeOf(ref)))
    throw new AppError('not_found', `${what}不存在`, { field });
  return ref;
}
