/**
 * Pure arithmetic of rates, scores, the 综合指标值 and grades (docs/indicators.md §1, §7).
 */
import type { IndicatorId } from './indicator-catalogue';
import type {
  ComponentConversion,
  CountBands,
  Grade,
  GradeBand,
  SchemeComponent,
} from './indicator-schemes';

/** What "no value" looks like everywhere: never 0 % or 100 %. */
export const NO_VALUE = '—';

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a count, got ${n}`);
}

/**
 * numerator / denominator as a fraction, or null when the denominator is 0. A numerator above its denominator
 * is a bug in the caller (every rate's numerator is a subset of its denominator's cohort), so it throws.
 */
export function ratio(numerator: number, denominator: number): number | null {
  checkCount(numerator, 'numerator');
  checkCount(denominator, 'denominator');
  if (numerator > denominator)
    throw new RangeError(`numerator ${numerator} exceeds denominator ${denominator}`);
  return denominator === 0 ? null : numerator / denominator;
}

/** Mean of values, null for none (an average time with nothing to average is "—", not 0). */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Rounds half away from zero to `digits` decimals, without the binary surprises of toFixed (1.005 → 1.01). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.sign(value) * (Math.round(Number((Math.abs(value) * f).toPrecision(15))) / f);
}

/** A rate as a percentage with two decimals ("87.50%"), or "—". */
export function formatRate(rate: number | null, digits = 2): string {
  return rate === null ? NO_VALUE : `${round(rate * 100, digits).toFixed(digits)}%`;
}

/** A count scored by bands: the first band the count is above, else count × belowPerCount, at most 100. */
export function countBandScore(count: number, bands: CountBands): number {
  checkCount(count, 'count');
  for (const b of bands.bands) if (count > b.above) return b.score;
  return Math.min(100, count * bands.belowPerCount);
}

/** A component's 0–100 score, or null when the indicator has no value. */
export function componentScore(
  value: number | null,
  conversion: ComponentConversion,
): number | null {
  if (value === null) return null;
  switch (conversion.type) {
    case 'rate':
      return value * 100;
    case 'inverseRate':
      return 100 - value * 100;
    case 'countBands':
      return countBandScore(value, conversion.bands);
  }
}

export interface CompositePart {
  indicator: IndicatorId;
  /** The weight the scheme gives. */
  weight: number;
  /** The weight after rescaling over the components that have a value; 0 for a missing one. */
  effectiveWeight: number;
  score: number | null;
}

export interface CompositeResult {
  /** 0–100, two decimals; null when no component has a value. */
  value: number | null;
  grade: Grade | null;
  parts: CompositePart[];
}

/**
 * The 综合指标值: the weighted mean of the components that have a value, their weights rescaled to 100 %.
 * The grade is read from the rounded value, so the value shown and its grade agree.
 */
export function compositeValue(
  components: readonly SchemeComponent[],
  values: Partial<Record<IndicatorId, number | null>>,
  grades: readonly GradeBand[],
): CompositeResult {
  const scored = components.map((c) => ({
    c,
    score: componentScore(values[c.indicator] ?? null, c.conversion),
  }));
  const present = scored.reduce((s, x) => s + (x.score === null ? 0 : x.c.weight), 0);
  const parts: CompositePart[] = scored.map(({ c, score }) => ({
    indicator: c.indicator,
    weight: c.weight,
    effectiveWeight: score === null || present === 0 ? 0 : (c.weight / present) * 100,
    score,
  }));
  if (present === 0) return { value: null, grade: null, parts };
  const raw = scored.reduce((s, x) => s + (x.score === null ? 0 : x.score * x.c.weight), 0);
  const value = round(raw / present, 2);
  return { value, grade: gradeOf(value, grades), parts };
}

/** The grade of a 0–100 value: the first band (highest first) whose minimum it reaches. */
export function gradeOf(value: number | null, grades: readonly GradeBand[]): Grade | null {
  if (value === null) return null;
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  return sorted.find((g) => value >= g.min)?.grade ?? sorted.at(-1)?.grade ?? null;
}
