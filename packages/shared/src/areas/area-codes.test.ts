import { describe, expect, it } from 'vitest';
import { codeProblem, detectGridScheme } from './area-codes';

describe('area codes', () => {
  it('accepts codes of the right length that extend their parent', () => {
    expect(codeProblem({ code: '410105', level: 'district' })).toBeNull();
    expect(codeProblem({ code: '410105001', level: 'street', parentCode: '410105' })).toBeNull();
    expect(
      codeProblem({ code: '410105001002', level: 'community', parentCode: '410105001' }),
    ).toBeNull();
    expect(
      codeProblem({ code: '41010500100203', level: 'grid', parentCode: '410105001002' }),
    ).toBeNull();
    expect(
      codeProblem({ code: '410105001002003', level: 'grid', parentCode: '410105001002' }),
    ).toBeNull();
    expect(
      codeProblem({ code: '4101050010020A3', level: 'grid', parentCode: '410105001002' }),
    ).toBeNull();
    expect(
      codeProblem({
        code: '4101050010020301',
        level: 'grid',
        gridType: 'micro',
        parentCode: '41010500100203',
      }),
    ).toBeNull();
  });

  it('refuses wrong lengths, letters where digits belong, and codes that do not extend the parent', () => {
    expect(codeProblem({ code: '41010', level: 'district' })).toMatch(/6 位/);
    expect(codeProblem({ code: '410100', level: 'district' })).toMatch(/00/);
    expect(codeProblem({ code: '41010A001', level: 'street' })).toMatch(/9 位/);
    expect(codeProblem({ code: '410106001', level: 'street', parentCode: '410105' })).toMatch(
      /上级/,
    );
    expect(codeProblem({ code: '4101050010020', level: 'grid' })).toMatch(/14 位/);
    expect(codeProblem({ code: '41010500100203', level: 'grid', gridScheme: 'gbt47678' })).toMatch(
      /GB\/T 47678/,
    );
    expect(
      codeProblem({
        code: '41010500100203X',
        level: 'grid',
        gridType: 'micro',
        parentCode: '41010500100203',
      }),
    ).toMatch(/微网格/);
  });

  it('detects grid schemes, letting the deployment default break the 15-digit tie', () => {
    expect(detectGridScheme('41010500100203')).toBe('cjt213');
    expect(detectGridScheme('410105001002003')).toBe('db11');
    expect(detectGridScheme('410105001002003', 'gbt47678')).toBe('gbt47678');
    expect(detectGridScheme('4101050010020A3')).toBe('gbt47678');
    expect(detectGridScheme('41010500100')).toBeNull();
  });
});
