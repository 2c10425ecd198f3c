import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNT_BANDS } from '@wangge/shared';
import {
  bandsText,
  endedMonths,
  placeOfField,
  weightSum,
  weightsComplete,
} from './assessment-format';

describe('weightSum / weightsComplete', () => {
  it('adds the weights and rounds floating-point noise away', () => {
    expect(weightSum([{ weight: 40 }, { weight: 30 }, { weight: 30 }])).toBe(100);
    expect(weightSum([{ weight: 0.1 }, { weight: 0.2 }])).toBe(0.3);
    expect(weightsComplete([{ weight: 33.33 }, { weight: 33.33 }, { weight: 33.34 }])).toBe(true);
  });
  it('counts a blank weight as 0 and is not complete off 100', () => {
    expect(weightSum([{ weight: null }, { weight: 60 }, { weight: undefined }])).toBe(60);
    expect(weightsComplete([{ weight: 60 }, { weight: 30 }])).toBe(false);
    expect(weightsComplete([{ weight: 60 }, { weight: 50 }])).toBe(false);
    expect(weightsComplete([])).toBe(false);
  });
});

describe('endedMonths', () => {
  it('starts with last month and never holds the running one', () => {
    expect(endedMonths(new Date('2026-12-07T10:00:00Z'), 3)).toEqual([
      '2026-11',
      '2026-10',
      '2026-09',
    ]);
  });
  it('crosses the year', () => {
    expect(endedMonths(new Date('2027-02-01T00:00:00Z'), 3)).toEqual([
      '2027-01',
      '2026-12',
      '2026-11',
    ]);
  });
  it('follows Shanghai time: 16:30 UTC on the 30th of November is already December there', () => {
    expect(endedMonths(new Date('2026-11-30T16:30:00Z'), 1)).toEqual(['2026-11']);
    expect(endedMonths(new Date('2026-11-30T15:30:00Z'), 1)).toEqual(['2026-10']);
  });
  it('gives 24 by default', () => {
    expect(endedMonths(new Date('2026-12-07T10:00:00Z'))).toHaveLength(24);
  });
});

describe('bandsText', () => {
  it('writes count bands in a line, nothing for rates', () => {
    expect(bandsText({ type: 'countBands', bands: DEFAULT_COUNT_BANDS })).toBe(
      '>2000→100 · >1200→90 · >500→75 · >300→60 · ≤300: ×0.2',
    );
    expect(bandsText({ type: 'rate' })).toBeNull();
  });
});

describe('placeOfField', () => {
  it('finds the target, the component and the grade band a refusal names', () => {
    expect(placeOfField('targets.area')).toEqual({ kind: 'target', target: 'area', index: null });
    expect(placeOfField('targets.inspector.2.weight')).toEqual({
      kind: 'target',
      target: 'inspector',
      index: 2,
    });
    expect(placeOfField('grades.1.min')).toEqual({ kind: 'grade', index: 1 });
    expect(placeOfField('code')).toEqual({ kind: 'scheme' });
    expect(placeOfField(undefined)).toEqual({ kind: 'scheme' });
  });
});
