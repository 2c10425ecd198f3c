import { describe, expect, it } from 'vitest';
import {
  childGroupBy,
  customKey,
  customRange,
  formatFigure,
  periodKeys,
  periodTypeOf,
  toCsv,
  trendOf,
} from './dashboard-format';

describe('dashboard formats', () => {
  it('shows a missing rate as —, never 0 %', () => {
    expect(formatFigure('closeInTimeRate', null)).toBe('—');
    expect(formatFigure('closeInTimeRate', 0)).toBe('0.0%');
    expect(formatFigure('closeInTimeRate', 0.875)).toBe('87.5%');
    expect(formatFigure('reportCount', 12)).toBe('12');
    expect(formatFigure('avgHandleTime', 3.25)).toBe('3.3');
  });

  it('colours a change by the indicator’s direction', () => {
    expect(trendOf('closeInTimeRate', 0.9, 0.8)).toEqual({
      direction: 'up',
      tone: 'good',
      text: '10.0pt',
    });
    expect(trendOf('closeInTimeRate', 0.7, 0.8).tone).toBe('bad');
    // Lower is better: a fall is good, a rise bad.
    expect(trendOf('reopenRate', 0.1, 0.2)).toMatchObject({ direction: 'down', tone: 'good' });
    expect(trendOf('reopenRate', 0.3, 0.2)).toMatchObject({ direction: 'up', tone: 'bad' });
    // A volume is neither.
    expect(trendOf('reportCount', 15, 10)).toEqual({
      direction: 'up',
      tone: 'neutral',
      text: '50.0%',
    });
    expect(trendOf('closedCount', 5, 5)).toMatchObject({ direction: 'flat', tone: 'neutral' });
  });

  it('has no arrow without both values', () => {
    expect(trendOf('satisfactionRate', null, 0.5).direction).toBe('none');
    expect(trendOf('satisfactionRate', 0.5, undefined).direction).toBe('none');
    expect(trendOf('reportCount', 3, 0)).toMatchObject({ direction: 'up', text: '+3' });
  });

  it('ranks the level below the area', () => {
    expect(childGroupBy('district')).toBe('street');
    expect(childGroupBy('street')).toBe('community');
    expect(childGroupBy('community')).toBe('grid');
    expect(childGroupBy('grid')).toBeNull();
  });

  it('offers period keys newest first', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(periodKeys('month', now).slice(0, 3)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(periodKeys('month', now)).toHaveLength(24);
    expect(periodKeys('quarter', now).slice(0, 2)).toEqual(['2026-Q4', '2026-Q3']);
    expect(periodKeys('year', now)).toEqual(['2026', '2025', '2024', '2023', '2022']);
    expect(periodTypeOf('2026-Q4')).toBe('quarter');
    expect(periodTypeOf('2026')).toBe('year');
    expect(periodTypeOf('2026-12')).toBe('month');
    expect(periodTypeOf('2026-12-01..2026-12-08')).toBe('custom');
  });

  it('builds a custom key with the last day included', () => {
    expect(customKey('2026-12-01', '2026-12-31')).toBe('2026-12-01..2027-01-01');
    expect(customKey('2026-12-05', '2026-12-01')).toBeNull();
    expect(customKey('', '2026-12-01')).toBeNull();
    expect(customRange('2026-12-01..2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('writes CSV that Excel reads', () => {
    expect(
      toCsv([
        ['名称', 'a,b'],
        ['=1+1', 2],
        [null, 'x"y'],
      ]),
    ).toBe('\uFEFF名称,"a,b"\r\n\'=1+1,2\r\n,"x""y"\r\n');
  });
});
