import { afterEach, describe, expect, it } from 'vitest';
import { defaultWorkCalendar } from './default-calendar';
import { CN_HOLIDAYS_2026 } from './holidays-2026';
import { shanghaiDate } from './shanghai-time';
import { DEFAULT_WORK_WINDOWS, WorkCalendar } from './work-calendar';

const at = (iso: string) => new Date(iso);
const cal = defaultWorkCalendar();

describe('WorkCalendar.isWorkingDay', () => {
  it('closes Saturdays and Sundays and opens Monday to Friday by default', () => {
    expect(cal.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2026-03-09')).toBe(true); // Monday
  });

  it('applies 春节 2026: 02-15..02-23 closed, Saturdays 02-14 and 02-28 open', () => {
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-03-01')).toBe(false); // an ordinary Sunday
  });

  it('applies 国庆 and 中秋 2026, including the Sunday make-up day 09-20', () => {
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-09-25')).toBe(false);
    for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('treats unlisted years by weekday only (holidays are never computed)', () => {
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // a Friday; 2027 has not been entered
    expect(cal.isWorkingDay('2025-10-01')).toBe(true);
    expect(cal.isWorkingDay('2027-01-02')).toBe(false);
  });

  it('reads an instant on its Shanghai date, not its UTC date', () => {
    expect(shanghaiDate(at('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(shanghaiDate(at('2026-02-13T15:59:59.999Z'))).toBe('2026-02-13');
    // 2026-02-13T17:00Z is Saturday 2026-02-14 01:00 in Shanghai: a make-up workday.
    expect(cal.isWorkingDay(at('2026-02-13T17:00:00Z'))).toBe(true);
    // 2026-02-14T16:30Z is Sunday 02-15 00:30 in Shanghai: 春节.
    expect(cal.isWorkingDay(at('2026-02-14T16:30:00Z'))).toBe(false);
    expect(cal.isWorkingDay(at('2026-03-06T23:59:59+08:00'))).toBe(true);
    expect(cal.isWorkingDay(at('2026-03-07T00:00:00+08:00'))).toBe(false);
  });

  it('lets an explicit entry override the weekday default in both directions', () => {
    const c = new WorkCalendar({
      days: [
        { date: '2026-03-09', kind: 'weekend', name: '单位停工' },
        { date: '2026-03-07', kind: 'workday' },
        { date: '2026-03-10', kind: 'workday' },
        { date: '2026-03-08', kind: 'weekend' },
      ],
    });
    expect(c.isWorkingDay('2026-03-09')).toBe(false);
    expect(c.isWorkingDay('2026-03-07')).toBe(true);
    expect(c.isWorkingDay('2026-03-10')).toBe(true);
    expect(c.isWorkingDay('2026-03-08')).toBe(false);
  });
});

describe('WorkCalendar.hasYear and the December alert', () => {
  it('knows which years have entries', () => {
    expect(cal.hasYear(2026)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);
    expect(cal.hasYear(2025)).toBe(false);
  });

  it('alerts only in December (Shanghai time) when next year is missing', () => {
    expect(cal.needsNextYearAlert(at('2026-11-30T23:59:00+08:00'))).toBe(false);
    expect(cal.needsNextYearAlert(at('2026-12-01T00:00:00+08:00'))).toBe(true);
    // 2026-11-30T16:00Z is already December 1st in Shanghai.
    expect(cal.needsNextYearAlert(at('2026-11-30T16:00:00Z'))).toBe(true);
    expect(cal.needsNextYearAlert(at('2025-12-15T09:00:00+08:00'))).toBe(false); // 2026 is there
    const with2027 = new WorkCalendar({
      days: [...CN_HOLIDAYS_2026, { date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(with2027.needsNextYearAlert(at('2026-12-15T09:00:00+08:00'))).toBe(false);
  });
});

describe('WorkCalendar input checks', () => {
  it('defaults to 08:30–12:00 and 14:00–17:30 (7 working hours)', () => {
    expect(cal.windows).toEqual(DEFAULT_WORK_WINDOWS);
    expect(cal.dayWorkMs).toBe(7 * 3_600_000);
  });

  it('sorts windows and accepts 24:00 as an end', () => {
    const c = new WorkCalendar({
      days: [],
      windows: [
        { start: '13:00', end: '24:00' },
        { start: '00:00', end: '09:00' },
      ],
    });
    expect(c.windows.map((w) => w.start)).toEqual(['00:00', '13:00']);
    expect(c.dayWorkMs).toBe(20 * 3_600_000);
  });

  it('rejects bad windows, dates, kinds and duplicates', () => {
    expect(() => new WorkCalendar({ days: [], windows: [] })).toThrow(RangeError);
    expect(
      () => new WorkCalendar({ days: [], windows: [{ start: '12:00', end: '12:00' }] }),
    ).toThrow(/empty/);
    expect(
      () => new WorkCalendar({ days: [], windows: [{ start: '8:30', end: '12:00' }] }),
    ).toThrow(/HH:MM/);
    expect(
      () => new WorkCalendar({ days: [], windows: [{ start: '08:00', end: '24:30' }] }),
    ).toThrow(/HH:MM/);
    const overlap = [
      { start: '08:00', end: '12:00' },
      { start: '11:00', end: '13:00' },
    ];
    expect(() => new WorkCalendar({ days: [], windows: overlap })).toThrow(/overlaps/);
    expect(() => new WorkCalendar({ days: [{ date: '2026-02-30', kind: 'holiday' }] })).toThrow(
      /YYYY-MM-DD/,
    );
    expect(() => new WorkCalendar({ days: [{ date: '2026/02/03', kind: 'holiday' }] })).toThrow(
      /YYYY-MM-DD/,
    );
    const dup = [
      { date: '2026-05-01', kind: 'holiday' as const },
      { date: '2026-05-01', kind: 'workday' as const },
    ];
    expect(() => new WorkCalendar({ days: dup })).toThrow(/twice/);
    // Rows will come from a database table, so the kind is checked at run time too.
    const bad = JSON.parse('[{"date":"2026-05-01","kind":"festival"}]');
    expect(() => new WorkCalendar({ days: bad })).toThrow(/unknown day kind/);
    expect(() => cal.isWorkingDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('WorkCalendar positions (working-time counter)', () => {
  const pos = (iso: string) => cal.position(Date.parse(iso));
  const H = 3_600_000;

  it('advances only inside windows of working days', () => {
    expect(pos('2026-03-09T10:00:00+08:00') - pos('2026-03-09T08:30:00+08:00')).toBe(1.5 * H);
    expect(pos('2026-03-09T13:59:00+08:00') - pos('2026-03-09T12:00:00+08:00')).toBe(0);
    expect(pos('2026-03-09T23:00:00+08:00') - pos('2026-03-09T00:00:00+08:00')).toBe(7 * H);
    expect(pos('2026-03-09T08:30:00+08:00') - pos('2026-03-06T17:30:00+08:00')).toBe(0); // the weekend
    expect(pos('2026-02-24T08:30:00+08:00') - pos('2026-02-14T17:30:00+08:00')).toBe(0); // 春节
  });

  it('maps a position back to its latest instant: a window end becomes the next opening', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(cal.instantAt(pos('2026-03-09T10:00:00+08:00')))).toBe(
      at('2026-03-09T10:00:00+08:00').toISOString(),
    );
    expect(iso(cal.instantAt(pos('2026-03-09T12:00:00+08:00')))).toBe(
      at('2026-03-09T14:00:00+08:00').toISOString(),
    );
    expect(iso(cal.instantAt(pos('2026-03-06T19:00:00+08:00')))).toBe(
      at('2026-03-09T08:30:00+08:00').toISOString(),
    );
    expect(iso(cal.instantAt(pos('2026-02-13T17:30:00+08:00')))).toBe(
      at('2026-02-14T08:30:00+08:00').toISOString(),
    );
    expect(iso(cal.instantAt(pos('2026-02-14T17:30:00+08:00')))).toBe(
      at('2026-02-24T08:30:00+08:00').toISOString(),
    );
  });

  it('works far from 1970 in both directions', () => {
    for (const iso of [
      '1969-12-31T10:00:00+08:00',
      '1900-03-01T15:00:00+08:00',
      '2199-06-03T09:00:00+08:00',
    ]) {
      expect(cal.instantAt(pos(iso))).toBe(Date.parse(iso));
    }
  });
});

describe('independence from the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same answers under TZ=America/New_York and TZ=Asia/Kolkata', () => {
    const probe = () => [
      cal.isWorkingDay(at('2026-02-13T17:00:00Z')),
      cal.position(Date.parse('2026-03-09T10:00:00+08:00')),
    ];
    const expected = probe();
    for (const tz of ['America/New_York', 'Asia/Kolkata', 'UTC']) {
      process.env.TZ = tz;
      expect(probe()).toEqual(expected);
    }
  });
});
