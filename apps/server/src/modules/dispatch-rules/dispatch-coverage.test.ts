import { describe, expect, it } from 'vitest';
import { dispatchCoverage, type CoverageRule } from './dispatch-coverage';

const classes = [
  { code: '06010', name: '暴露垃圾', kind: 'matter' as const },
  { code: '06042', name: '井盖', kind: 'matter' as const },
  { code: 'Z01002', name: '矛盾纠纷', kind: 'governance' as const },
];
const streets = [
  { code: '410101002', name: '东街道' },
  { code: '410101001', name: '西街道' },
];
const rule = (
  classCode: string,
  areaCode: string,
  conditionId: string | null = null,
): CoverageRule => ({ classCode, areaCode, conditionId });
const pairs = (rules: CoverageRule[]) =>
  dispatchCoverage(classes, streets, rules).gaps.map(
    (g) => `${g.streetCode.slice(-1)}:${g.classCode}:${g.coverage}`,
  );

describe('dispatchCoverage (未配置主责部门)', () => {
  it('lists every pair, by street then class, when there are no rules', () => {
    const r = dispatchCoverage(classes, streets, []);
    expect(pairs([])).toEqual([
      '1:06010:none',
      '1:06042:none',
      '1:Z01002:none',
      '2:06010:none',
      '2:06042:none',
      '2:Z01002:none',
    ]);
    expect([r.uncovered, r.partial]).toEqual([6, 0]);
  });

  it('counts a rule at the street or above, for the class or a 大类 wildcard, as covering', () => {
    expect(pairs([rule('06', '410101'), rule('Z01002', '410101001')])).toEqual(['2:Z01002:none']);
  });

  it('marks community/grid rules, subclass rules and condition-only rules as partial', () => {
    const r = dispatchCoverage(classes, streets, [
      rule('06010', '41010100100101'),
      rule('0604201', '410101002'),
      rule('Z01', '410101', 'lineage-1'),
    ]);
    const byKey = new Map(r.gaps.map((g) => [`${g.streetCode}:${g.classCode}`, g]));
    expect(byKey.get('410101001:06010')).toMatchObject({
      coverage: 'partial',
      partialAreaCodes: ['41010100100101'],
      partialClassCodes: [],
      conditionOnly: false,
    });
    expect(byKey.get('410101002:06010')).toMatchObject({ coverage: 'none' });
    expect(byKey.get('410101002:06042')).toMatchObject({
      coverage: 'partial',
      partialClassCodes: ['0604201'],
    });
    expect(byKey.get('410101001:06042')).toMatchObject({ coverage: 'none' });
    expect(byKey.get('410101001:Z01002')).toMatchObject({
      coverage: 'partial',
      conditionOnly: true,
    });
    expect([r.uncovered, r.partial]).toEqual([2, 4]);
  });

  it('ignores rules for other classes and other streets', () => {
    expect(
      pairs([rule('06011', '410101'), rule('06010', '410101003'), rule('07', '410101')]),
    ).toHaveLength(6);
  });
});
