import { describe, expect, it } from 'vitest';
import type { IndicatorId } from './indicator-catalogue';
import {
  DEFAULT_COUNT_BANDS,
  DEFAULT_GRADE_BANDS,
  DEFAULT_SCHEME,
  HOTLINE_SCHEME,
  type SchemeComponent,
} from './indicator-schemes';
import {
  compositeValue,
  countBandScore,
  formatRate,
  gradeOf,
  mean,
  ratio,
  round,
} from './indicator-score';

describe('rates (docs/indicators.md §1)', () => {
  it.each<[number, number, number | null, string]>([
    [0, 0, null, '—'],
    [0, 4, 0, '0.00%'],
    [4, 4, 1, '100.00%'],
    [7, 8, 0.875, '87.50%'],
    [1, 3, 1 / 3, '33.33%'],
    [2, 3, 2 / 3, '66.67%'],
  ])('%i / %i → %s (%s)', (n, d, value, shown) => {
    expect(ratio(n, d)).toBe(value);
    expect(formatRate(ratio(n, d))).toBe(shown);
  });

  it('refuses negative or fractional counts, and a numerator above its denominator', () => {
    expect(() => ratio(5, 4)).toThrow(RangeError);
    expect(() => ratio(5, 0)).toThrow(RangeError);
    expect(() => ratio(-1, 3)).toThrow(RangeError);
    expect(() => ratio(1.5, 3)).toThrow(RangeError);
    expect(() => ratio(1, Number.NaN)).toThrow(RangeError);
  });

  it('averages nothing to null, and rounds half away from zero', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 4])).toBeCloseTo(7 / 3);
    expect(round(1.005)).toBe(1.01);
    expect(round(89.995)).toBe(90);
    expect(round(-2.345)).toBe(-2.35);
    expect(formatRate(0.00005)).toBe('0.01%');
  });
});

describe('count bands (受理数分值, 派遣数分值)', () => {
  it.each<[number, number]>([
    [0, 0],
    [150, 30],
    [300, 60],
    [301, 60],
    [500, 60],
    [501, 75],
    [1200, 75],
    [1201, 90],
    [2000, 90],
    [2001, 100],
    [99999, 100],
  ])('%i → %d', (count, score) => {
    expect(countBandScore(count, DEFAULT_COUNT_BANDS)).toBe(score);
  });

  it('caps the per-count score at 100', () => {
    expect(countBandScore(1000, { bands: [], belowPerCount: 1 })).toBe(100);
  });
});

describe('grades', () => {
  it.each<[number | null, string | null]>([
    [100, 'A'],
    [90, 'A'],
    [89.99, 'B'],
    [75, 'B'],
    [74.99, 'C'],
    [60, 'C'],
    [59.99, 'D'],
    [40, 'D'],
    [39.99, 'E'],
    [0, 'E'],
    [null, null],
  ])('%s → %s', (value, grade) => {
    expect(gradeOf(value, DEFAULT_GRADE_BANDS)).toBe(grade);
  });
});

describe('综合指标值 (docs/indicators.md §7)', () => {
  const inspector = DEFAULT_SCHEME.targets.inspector as readonly SchemeComponent[];
  const intake = DEFAULT_SCHEME.targets.intake_operator as readonly SchemeComponent[];
  const department = DEFAULT_SCHEME.targets.department as readonly SchemeComponent[];
  type Values = Partial<Record<IndicatorId, number | null>>;

  it.each<[string, readonly SchemeComponent[], Values, number | null, string | null]>([
    [
      // 0.9×40 + (100 − 10)×20 + 0.8×20 + 1×20 = 36 + 18 + 16 + 20 = 90
      'inspector, all components',
      inspector,
      { validReportRate: 0.9, missedReportRate: 0.1, verifyOnTimeRate: 0.8, checkOnTimeRate: 1 },
      90,
      'A',
    ],
    [
      // 核查 has no tasks ("—"): (90×40 + 90×20 + 80×20) / 80 = 7000 / 80 = 87.5
      'inspector, one component missing, the rest rescaled',
      inspector,
      { validReportRate: 0.9, missedReportRate: 0.1, verifyOnTimeRate: 0.8, checkOnTimeRate: null },
      87.5,
      'B',
    ],
    ['inspector, only one component', inspector, { validReportRate: 0.5 }, 50, 'D'],
    ['inspector, nothing to score', inspector, {}, null, null],
    [
      // 受理数 650 → 75; 75×25 + 100×40 + 60×35 = 1875 + 4000 + 2100 = 7975 → 79.75
      '受理员 with count bands',
      intake,
      { intakeCount: 650, verifySendOnTimeRate: 1, checkSendOnTimeRate: 0.6 },
      79.75,
      'B',
    ],
    [
      // 返工率 20% → 80; (50×40 + 70×30 + 80×30) / 100 = (2000 + 2100 + 2400) / 100 = 65
      'department, 返工率 inverted',
      department,
      { handleOnTimeRate: 0.5, closeRate: 0.7, reworkRate: 0.2 },
      65,
      'C',
    ],
    [
      // (1/3 × 100 × 40 + 100 × 30) / 70 = (1333.33… + 3000) / 70 = 61.904… → 61.9
      'department, 返工率 missing, value rounded to two decimals',
      department,
      { handleOnTimeRate: 1 / 3, closeRate: 1, reworkRate: null },
      61.9,
      'C',
    ],
  ])('%s', (_name, components, values, value, grade) => {
    const r = compositeValue(components, values, DEFAULT_GRADE_BANDS);
    expect(r.value).toBe(value);
    expect(r.grade).toBe(grade);
    const effective = r.parts.reduce((s, p) => s + p.effectiveWeight, 0);
    expect(effective).toBeCloseTo(value === null ? 0 : 100, 9);
  });

  it('grades the rounded value: 89.996 shows as 90 and is an A', () => {
    const components: SchemeComponent[] = [
      { indicator: 'closeRate', weight: 100, conversion: { type: 'rate' } },
    ];
    const r = compositeValue(components, { closeRate: 0.89996 }, DEFAULT_GRADE_BANDS);
    expect(r).toMatchObject({ value: 90, grade: 'A' });
  });

  it('keeps each part with its weight, rescaled weight and score', () => {
    const r = compositeValue(
      HOTLINE_SCHEME.targets.area as readonly SchemeComponent[],
      { responseRate: 1, resolveRate: null, requestSatisfactionRate: 0.8 },
      DEFAULT_GRADE_BANDS,
    );
    // (100×10 + 80×45) / 55 = 4600 / 55 = 83.636… → 83.64
    expect(r.value).toBe(83.64);
    expect(
      r.parts.map((p) => [p.indicator, p.weight, round(p.effectiveWeight, 4), p.score]),
    ).toEqual([
      ['responseRate', 10, 18.1818, 100],
      ['resolveRate', 45, 0, null],
      ['requestSatisfactionRate', 45, 81.8182, 80],
    ]);
  });
});
