import {
  CATEGORY_KINDS,
  CHILD_CODE_WIDTH,
  type Category,
  type CategoryKind,
  type CategoryLevel,
  type CategoryNode,
} from '@wangge/shared';
import type { CategoriesTable } from './categories.tables';

// Pure helpers of the category dictionary: code rules, presentation, tree building.

const NEXT_LEVEL: Record<CategoryLevel, Exclude<CategoryLevel, 'major'> | null> = {
  major: 'minor',
  minor: 'sub',
  sub: 'detail',
  detail: null,
};

/** The level a child of `level` has, or null below 细类 (five levels counting the kind). */
export function childLevel(level: CategoryLevel): Exclude<CategoryLevel, 'major'> | null {
  return NEXT_LEVEL[level];
}

/** Why `code` cannot be a child of `parentCode` at `level`, or null when it can. */
export function childCodeProblem(
  parentCode: string,
  code: string,
  level: Exclude<CategoryLevel, 'major'>,
): string | null {
  const width = CHILD_CODE_WIDTH[level];
  if (!code.startsWith(parentCode)) return `编码 ${code} 须以上级编码 ${parentCode} 开头`;
  if (code.length !== parentCode.length + width)
    return `编码须为上级编码 ${parentCode} 加 ${width} 位`;
  return null;
}

/** Legacy codes are stored without separators and in upper case: '01-10' and '0110' are the same alias. */
export function normalizeLegacyCode(code: string): string {
  return code.replace(/[-.\s]/g, '').toUpperCase();
}

/** Every prefix of `code` that could be a category code (2 characters or more), longest first. */
export function codePrefixes(code: string): string[] {
  const out: string[] = [];
  for (let n = code.length; n >= 2; n--) out.push(code.slice(0, n));
  return out;
}

export function parseStringArray(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function toCategory(r: CategoriesTable): Category {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as CategoryKind,
    level: r.level as CategoryLevel,
    parentCode: r.parent_code,
    name: r.name,
    legacyCodes: parseStringArray(r.legacy_codes),
    synonyms: parseStringArray(r.synonyms),
    isLocalExtension: r.is_local_extension === 1,
    active: r.active === 1,
    selfHandleAllowed: r.self_handle_allowed === 1,
    verifyRequired: r.verify_required === 1,
    duplicateRadiusM: r.duplicate_radius_m,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Kind order of the catalogue, then code order (plain code-unit order, the same on both databases). */
export function compareCategories(
  a: { kind: string; code: string },
  b: { kind: string; code: string },
): number {
  const k =
    CATEGORY_KINDS.indexOf(a.kind as CategoryKind) - CATEGORY_KINDS.indexOf(b.kind as CategoryKind);
  if (k !== 0) return k;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Nests sorted categories under their parents; a row whose parent is absent becomes a root. */
export function buildTree(items: readonly Category[]): CategoryNode[] {
  const sorted = [...items].sort(compareCategories);
  const byKey = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const c of sorted) byKey.set(`${c.kind}:${c.code}`, { ...c });
  for (const c of sorted) {
    const node = byKey.get(`${c.kind}:${c.code}`)!;
    const parent = c.parentCode ? byKey.get(`${c.kind}:${c.parentCode}`) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}
