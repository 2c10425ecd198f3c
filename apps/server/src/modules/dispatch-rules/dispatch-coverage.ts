import type { DispatchGap } from '@wangge/shared';

/** What the coverage report needs of an active primary rule whose department exists. */
export interface CoverageRule {
  classCode: string;
  areaCode: string;
  conditionId: string | null;
}
export interface CoverageClass {
  code: string;
  name: string;
  kind: DispatchGap['kind'];
}
export interface CoverageStreet {
  code: string;
  name: string;
}

export interface CoverageResult {
  /** Every gap, ordered by street then class. */
  gaps: DispatchGap[];
  uncovered: number;
  partial: number;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * 小类 × 街道 pairs that no primary rule fully covers (docs/case-workflow.md §4, last line). A rule covers a pair when its
 * class code is a prefix of the class (the class itself or a 大类 wildcard), its area code is a prefix of the street
 * code (the street or an area above it) and it names no 立案条件. Rules that reach only part of the pair (a
 * community or grid inside the street, a 子类/细类 below the class, or one 立案条件) make it `partial`: some of its
 * cases are dispatched by the matrix, the rest fall back to 属地兜底.
 *
 * Rules are indexed by class code once, so the cost is classes × streets × (rules of one class), not × all rules.
 */
export function dispatchCoverage(
  classes: readonly CoverageClass[],
  streets: readonly CoverageStreet[],
  rules: readonly CoverageRule[],
): CoverageResult {
  // exact: rules by their own class code; below: rules by every proper prefix of their class code.
  const exact = new Map<string, CoverageRule[]>();
  const below = new Map<string, CoverageRule[]>();
  for (const r of rules) {
    push(exact, r.classCode, r);
    for (let n = 2; n < r.classCode.length; n++) push(below, r.classCode.slice(0, n), r);
  }
  const sortedStreets = [...streets].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  const sortedClasses = [...classes].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  const perClass = sortedClasses.map((c) => {
    const covering: CoverageRule[] = [];
    for (let n = 2; n <= c.code.length; n++)
      covering.push(...(exact.get(c.code.slice(0, n)) ?? []));
    return { c, covering, narrower: below.get(c.code) ?? [] };
  });
  const gaps: DispatchGap[] = [];
  let uncovered = 0;
  let partial = 0;
  for (const s of sortedStreets) {
    for (const { c, covering, narrower } of perClass) {
      const above = (r: CoverageRule) => s.code.startsWith(r.areaCode);
      const inside = (r: CoverageRule) =>
        r.areaCode.length > s.code.length && r.areaCode.startsWith(s.code);
      if (covering.some((r) => r.conditionId === null && above(r))) continue;
      const partialAreas = new Set(covering.filter(inside).map((r) => r.areaCode));
      const partialClasses = new Set(
        narrower.filter((r) => above(r) || inside(r)).map((r) => r.classCode),
      );
      const conditionOnly = covering.some((r) => r.conditionId !== null && above(r));
      const isPartial = partialAreas.size > 0 || partialClasses.size > 0 || conditionOnly;
      if (isPartial) partial++;
      else uncovered++;
      gaps.push({
        classCode: c.code,
        className: c.name,
        kind: c.kind,
        streetCode: s.code,
        streetName: s.name,
        coverage: isPartial ? 'partial' : 'none',
        partialAreaCodes: [...partialAreas].sort(),
        partialClassCodes: [...partialClasses].sort(),
        conditionOnly,
      });
    }
  }
  return { gaps, uncovered, partial };
}
