import { describe, expect, it } from 'vitest';
import { defaultKind, isoDate, monthCells, parseImport, weekdayIndex } from './calendar-format';

describe('month grid', () => {
  it.each([
    // year, month, blanks before the 1st (Monday first), days
    [2026, 2, 6, 28], // 1 Feb 2026 is a Sunday
    [2024, 2, 3, 29], // leap year, starts on a Thursday
    [2026, 6, 0, 30], // 1 June 2026 is a Monday
    [2026, 12, 1, 31],
  ])('%i-%i: %i blanks, %i days', (year, month, lead, days) => {
    const cells = monthCells(year, month);
    expect(cells.slice(0, lead).every((c) => c === null)).toBe(true);
    expect(cells[lead]).toBe(1);
    expect(cells.length - lead).toBe(days);
    expect(cells.at(-1)).toBe(days);
  });

  it('knows weekdays and the Monday–Friday default', () => {
    expect(weekdayIndex(2026, 3, 2)).toBe(0); // Monday
    expect(weekdayIndex(2026, 3, 8)).toBe(6); // Sunday
    expect(defaultKind(2026, 3, 6)).toBe('workday');
    expect(defaultKind(2026, 3, 7)).toBe('weekend');
    expect(isoDate(2026, 3, 7)).toBe('2026-03-07');
  });
});

describe('parseImport', () => {
  it('reads lines of date, kind, name with a header, Chinese words and loose dates', () => {
    const text =
      '日期,类型,名称\n2026/1/1,休,元旦\n\n2026-02-15\t班\t春节调休\n2026.10.1，节假日，国庆节, 第一天\n';
    expect(parseImport(text)).toEqual({
      ok: true,
      year: null,
      rows: [
        { date: '2026-01-01', kind: 'holiday', name: '元旦' },
        { date: '2026-02-15', kind: 'makeup_workday', name: '春节调休' },
        { date: '2026-10-01', kind: 'holiday', name: '国庆节,第一天' },
      ],
    });
  });

  it.each([
    ['2026-01-01,holiday,元旦\n2026-13-01,放假,x', 2],
    ['2026-01-01,holiday,元旦\n日期,类型', 2],
    ['20260101,holiday', 1],
  ])('names the first line it cannot read: %j → line %i', (text, line) => {
    expect(parseImport(text)).toMatchObject({ ok: false, line });
  });

  it("reads the API's JSON, with or without the year", () => {
    expect(
      parseImport('{"year":2026,"rows":[{"date":"2026-05-01","kind":"调休","name":"劳动节"}]}'),
    ).toEqual({
      ok: true,
      year: 2026,
      rows: [{ date: '2026-05-01', kind: 'makeup_workday', name: '劳动节' }],
    });
    expect(parseImport('[{"date":"2026-05-01","kind":"holiday"}]')).toEqual({
      ok: true,
      year: null,
      rows: [{ date: '2026-05-01', kind: 'holiday', name: '' }],
    });
    expect(parseImport('{"year":2026}')).toEqual({ ok: false, line: 1, text: 'rows' });
    expect(parseImport('{broken')).toMatchObject({ ok: false, line: 1 });
  });
});
