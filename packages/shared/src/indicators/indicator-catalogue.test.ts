import { describe, expect, it } from 'vitest';
import {
  INDICATOR_IDS,
  INDICATORS,
  appliesTo,
  indicatorsFor,
  type IndicatorId,
} from './indicator-catalogue';
import { checkScheme } from './indicator-scheme-check';
import {
  BUILTIN_SCHEMES,
  DEFAULT_SCHEME,
  type AssessmentScheme,
  type SchemeComponent,
} from './indicator-schemes';

describe('indicator catalogue (docs/indicators.md §4)', () => {
  it('has one definition per id, each with labels, a unit, a direction and objects', () => {
    expect(Object.keys(INDICATORS).sort()).toEqual([...INDICATOR_IDS].sort());
    for (const id of INDICATOR_IDS) {
      const def = INDICATORS[id];
      expect(def.zh, id).not.toBe('');
      expect(def.en, id).not.toBe('');
      expect(def.objects.length, id).toBeGreaterThan(0);
      // Positions are named exactly when the indicator is a position figure.
      expect(def.positions.length > 0, id).toBe(def.objects.includes('position'));
    }
    expect(new Set(INDICATOR_IDS.map((id) => INDICATORS[id].zh)).size).toBe(INDICATOR_IDS.length);
  });

  it.each<[IndicatorId, string, string, string]>([
    ['validReportRate', '有效上报率', 'rate', 'higher'],
    ['missedReportRate', '漏报率', 'rate', 'lower'],
    ['intakeCount', '受理数', 'count', 'neutral'],
    ['avgHandleTime', '平均处置时长', 'hours', 'lower'],
    ['reworkRate', '返工率', 'rate', 'lower'],
    ['closeInTimeRate', '按期结案率', 'rate', 'higher'],
    ['publicReportRate', '监督举报率', 'rate', 'lower'],
  ])('%s is %s, a %s, %s is better', (id, zh, unit, direction) => {
    expect(INDICATORS[id]).toMatchObject({ zh, unit, direction });
  });

  it('says which objects and positions an indicator applies to', () => {
    expect(appliesTo('registeredCount', 'area')).toBe(true);
    expect(appliesTo('registeredCount', 'department')).toBe(true);
    expect(appliesTo('registeredCount', 'position', 'shift_leader')).toBe(true);
    expect(appliesTo('registeredCount', 'position', 'dispatcher')).toBe(false);
    expect(appliesTo('handleDue', 'area')).toBe(false);
    expect(indicatorsFor('position', 'dispatcher')).toEqual([
      'dispatchDue',
      'dispatchCount',
      'dispatchOnTimeRate',
      'dispatchAccuracyRate',
    ]);
    expect(indicatorsFor('area')).toContain('closeInTimeRate');
  });

  it('builds every figure, the patrol ones included', () => {
    expect(INDICATOR_IDS.filter((id) => !INDICATORS[id].built)).toEqual([]);
  });
});

describe('assessment schemes (docs/indicators.md §7)', () => {
  it.each(BUILTIN_SCHEMES.map((s) => [s.code, s] as const))('built-in %s is valid', (_c, s) => {
    expect(checkScheme(s)).toEqual([]);
  });

  const withTarget = (
    components: SchemeComponent[],
    target: keyof AssessmentScheme['targets'] = 'department',
  ): AssessmentScheme => ({ ...DEFAULT_SCHEME, targets: { [target]: components } });
  const rate = (indicator: IndicatorId, weight: number): SchemeComponent => ({
    indicator,
    weight,
    conversion: { type: 'rate' },
  });

  it.each<[string, AssessmentScheme, string]>([
    [
      'weights under 100',
      withTarget([rate('handleOnTimeRate', 40), rate('closeRate', 30)]),
      'targets.department',
    ],
    [
      'weights over 100',
      withTarget([rate('handleOnTimeRate', 80), rate('closeRate', 30)]),
      'targets.department',
    ],
    [
      'a zero weight',
      withTarget([rate('handleOnTimeRate', 100), rate('closeRate', 0)]),
      'targets.department.1.weight',
    ],
    [
      'a negative weight',
      withTarget([rate('handleOnTimeRate', 110), rate('closeRate', -10)]),
      'targets.department.1.weight',
    ],
    [
      'an unknown indicator',
      withTarget([rate('bogus' as IndicatorId, 100)]),
      'targets.department.0.indicator',
    ],
    [
      'an indicator twice',
      withTarget([rate('closeRate', 50), rate('closeRate', 50)]),
      'targets.department.1.indicator',
    ],
    [
      'an indicator of another object',
      withTarget([rate('validReportRate', 100)]),
      'targets.department.0.indicator',
    ],
    [
      'a position indicator of another position',
      withTarget([rate('dispatchOnTimeRate', 100)], 'inspector'),
      'targets.inspector.0.indicator',
    ],
    [
      'a rate conversion of a count',
      withTarget([rate('closedCount', 100)]),
      'targets.department.0.conversion',
    ],
    ['no components', withTarget([]), 'targets.department'],
    ['no targets', { ...DEFAULT_SCHEME, targets: {} }, 'targets'],
    [
      'count bands out of order',
      withTarget(
        [
          {
            indicator: 'intakeCount',
            weight: 100,
            conversion: {
              type: 'countBands',
              bands: {
                bands: [
                  { above: 10, score: 50 },
                  { above: 20, score: 90 },
                ],
                belowPerCount: 1,
              },
            },
          },
        ],
        'intake_operator',
      ),
      'targets.intake_operator.0.conversion.bands.bands.1.above',
    ],
    [
      'grade bands out of order',
      {
        ...DEFAULT_SCHEME,
        grades: [
          { grade: 'A', min: 60 },
          { grade: 'B', min: 75 },
          { grade: 'E', min: 0 },
        ],
      },
      'grades.1.min',
    ],
    [
      'grade bands not reaching 0',
      {
        ...DEFAULT_SCHEME,
        grades: [
          { grade: 'A', min: 90 },
          { grade: 'B', min: 40 },
        ],
      },
      'grades.1.min',
    ],
    [
      'a grade twice',
      {
        ...DEFAULT_SCHEME,
        grades: [
          { grade: 'A', min: 90 },
          { grade: 'A', min: 0 },
        ],
      },
      'grades.1.grade',
    ],
  ])('refuses %s', (_name, scheme, field) => {
    const issues = checkScheme(scheme);
    expect(issues.map((i) => i.field)).toContain(field);
    expect(issues.every((i) => i.message !== '')).toBe(true);
  });

  it('accepts decimal weights that sum to 100', () => {
    const scheme = withTarget([
      rate('handleOnTimeRate', 33.33),
      rate('closeRate', 33.33),
      rate('closeInTimeRate', 33.34),
    ]);
    expect(checkScheme(scheme)).toEqual([]);
  });
});
