import { describe, expect, it } from 'vitest';
import { countPdfPages } from './pdf-printer';
import {
  formatChange,
  formatFigure,
  previousMonth,
  rate,
  sameMonthLastYear,
} from './report-figures';

describe('report figures as printed', () => {
  it('has no rate without a denominator: "—", never 0% or 100%', () => {
    expect(rate(0, 0)).toBeNull();
    expect(formatFigure('rate', rate(0, 0))).toBe('—');
    expect(formatFigure('rate', rate(0, 4))).toBe('0.0%');
    expect(formatFigure('rate', rate(4, 4))).toBe('100.0%');
    expect(formatFigure('rate', rate(2, 3))).toBe('66.7%');
    expect(formatFigure('count', 0)).toBe('0');
  });

  it('prints 同比/环比 as a difference (counts) or percentage points (rates), "—" when either side is unknown', () => {
    expect(formatChange('count', 4, 1)).toBe('↑ 3（300.0%）');
    expect(formatChange('count', 1, 4)).toBe('↓ 3（75.0%）');
    expect(formatChange('count', 3, 0)).toBe('↑ 3');
    expect(formatChange('count', 0, 0)).toBe('→ 0');
    expect(formatChange('rate', 0.5, 0.25)).toBe('↑ 25.0 个百分点');
    expect(formatChange('rate', null, 0.25)).toBe('—');
    expect(formatChange('rate', 0.5, null)).toBe('—');
  });

  it('steps months back across years', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(sameMonthLastYear('2026-11')).toBe('2025-11');
  });

  it('counts page objects, not the page tree', () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R] /Count 2>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type/Page /Parent 1 0 R>>\n',
      'latin1',
    );
    expect(countPdfPages(pdf)).toBe(2);
  });
});
