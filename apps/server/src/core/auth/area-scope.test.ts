import { describe, expect, it } from 'vitest';
import { inScope, scopeOf } from './area-scope';

describe('area scope', () => {
  it('keeps only the roots of overlapping subtrees', () => {
    expect(scopeOf(['41010500100101', '410105001', '410106']).prefixes).toEqual([
      '410106',
      '410105001',
    ]);
  });

  it('is a code-prefix test', () => {
    const s = scopeOf(['410105001']);
    expect(inScope(s, '41010500100203')).toBe(true);
    expect(inScope(s, '410105002001')).toBe(false);
    expect(inScope(s, '410105')).toBe(false);
    expect(inScope(scopeOf([], true), '999999')).toBe(true);
    expect(inScope(scopeOf([]), '410105')).toBe(false);
  });
});
