import type { DispatchRole } from '@wangge/shared';

/** What the resolution needs of a rule. */
export interface RuleCandidate {
  id: string;
  classCode: string;
  areaCode: string;
  conditionId: string | null;
  departmentId: string;
  role: DispatchRole;
  priority: number;
  createdAt: string;
}

export interface RuleChoice {
  /** The rules of the chosen rule set, in the order their departments should be offered. */
  ordered: RuleCandidate[];
}

// Specificity of a rule set: a longer area code is a smaller area; a rule naming the case's 立案条件 picks out part
// of one class's cases, so it is narrower than any rule for a class alone; a longer class code is a narrower class.
// Area comes first (docs/case-workflow.md §4: most specific area × most specific class), so a grid rule for a 大类
// beats a street rule for the 小类.
function rank(r: RuleCandidate): [number, number, number] {
  return [r.areaCode.length, r.conditionId === null ? 0 : 1, r.classCode.length];
}

function compareRank(a: RuleCandidate, b: RuleCandidate): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return rb[i]! - ra[i]!;
  return 0;
}

function compareWithinSet(a: RuleCandidate, b: RuleCandidate): number {
  if (a.role !== b.role) return a.role === 'primary' ? -1 : 1;
  if (a.priority !== b.priority) return a.priority - b.priority;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

/**
 * Picks the most specific set of rules that still names a usable department, and orders it: primaries before
 * backups, each by priority. Inactive rules never reach here; a rule whose department is gone is skipped, so a
 * backup stands in when every primary of the set is unusable. Null when no set has a usable rule (属地兜底).
 * All candidates must already match the case (class and area prefixes, condition null or equal).
 */
export function chooseRules(
  candidates: readonly RuleCandidate[],
  usableDepartment: (id: string) => boolean,
): RuleChoice | null {
  const usable = candidates.filter((r) => usableDepartment(r.departmentId));
  if (usable.length === 0) return null;
  const best = [...usable].sort(compareRank)[0]!;
  const set = usable.filter((r) => compareRank(r, best) === 0).sort(compareWithinSet);
  // One department may appear under several roles; offer it once, at its best place.
  const seen = new Set<string>();
  const ordered = set.filter((r) => !seen.has(r.departmentId) && seen.add(r.departmentId));
  return { ordered };
}
