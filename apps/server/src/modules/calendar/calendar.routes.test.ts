import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { userSession, type Session } from '../../../test/factories';
import { addLimit } from './deadline';
import { createCalendarService } from './calendar.service';
import { expectRefusal } from '../../../test/refusal';

// The clock stands in December 2026 so the "enter next year's holidays" alert is due until 2027 is imported.
const NOW = new Date('2026-12-10T02:00:00Z');
const DEFAULT_WINDOWS = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '17:30' },
];

let t: TestApp;
let admin: Session;
let staff: Session;
const put = (s: Session, url: string, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    payload: payload as object,
  });
const year = async (s: Session, y: number) => (await s.get(`/api/calendar?year=${y}`)).json();

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => NOW } });
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  staff = await userSession(t, { username: 'inspector', roles: ['inspector'] });
});
afterAll(async () => t.close());

describe('working calendar (工作日历)', () => {
  it('ships the 2026 notice: 春节 holidays and their 调休 Saturdays, with the default hours', async () => {
    const res = await staff.get('/api/calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days).toHaveLength(39);
    const spring = body.days.filter((d: { name: string }) => d.name === '春节');
    expect(
      spring
        .filter((d: { kind: string }) => d.kind === 'holiday')
        .map((d: { date: string }) => d.date),
    ).toEqual(['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`));
    expect(
      spring
        .filter((d: { kind: string }) => d.kind === 'makeup_workday')
        .map((d: { date: string }) => d.date),
    ).toEqual(['2026-02-14', '2026-02-28']);
    expect(body.windows).toEqual(DEFAULT_WINDOWS);
    expect(t.services.calendar.current().isWorkingDay('2026-02-14')).toBe(true);
  });

  it('raises the December alert while next year is missing (and defaults to the current year)', async () => {
    const body = (await staff.get('/api/calendar')).json();
    expect(body).toMatchObject({ year: 2026, hasNextYear: false });
    expect(body.alert).toContain('2027');
    expect(t.services.calendar.needsNextYearAlert(new Date('2026-11-30T02:00:00Z'))).toBe(false);
  });

  it('moves case deadlines when a day is edited, and back when the edit is removed', async () => {
    // Friday 2026-03-06 09:00 Shanghai; one working day later is Monday 09:00 until that Monday is a holiday.
    const start = new Date('2026-03-06T01:00:00Z');
    const before = addLimit(t.services.calendar.current(), start, 1, 'work_day');
    expect(before.toISOString()).toBe('2026-03-09T01:00:00.000Z');
    const res = await put(admin, '/api/calendar/days/2026-03-09', {
      kind: 'holiday',
      name: '本地停工日',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: '2026-03-09', kind: 'holiday', name: '本地停工日' });
    expect(addLimit(t.services.calendar.current(), start, 1, 'work_day').toISOString()).toBe(
      '2026-03-10T01:00:00.000Z',
    );
    expect((await year(staff, 2026)).days).toHaveLength(40);

    expect((await admin.del('/api/calendar/days/2026-03-09')).statusCode).toBe(200);
    expect(addLimit(t.services.calendar.current(), start, 1, 'work_day')).toEqual(before);
    expectRefusal(await admin.del('/api/calendar/days/2026-03-09'), {
      status: 404,
      code: 'not_found',
    });
    expect(
      (await put(admin, '/api/calendar/days/2026-02-30', { kind: 'holiday' })).json().error.field,
    ).toBe('params.date');
    expect(
      (await put(admin, '/api/calendar/days/2026-03-09', { kind: 'day_off' })).json().error.field,
    ).toBe('kind');
  });

  it('validates working-hour windows and uses the new ones for deadlines', async () => {
    const bad: [unknown, string][] = [
      [[], 'windows'],
      [[{ start: '8:30', end: '12:00' }], 'windows.0.start'],
      [[{ start: '12:00', end: '08:30' }], 'windows.0.end'],
      [
        [
          { start: '14:00', end: '17:30' },
          { start: '08:30', end: '14:30' },
        ],
        'windows.0.start',
      ],
    ];
    for (const [windows, field] of bad) {
      const res = await put(admin, '/api/calendar/windows', { windows });
      expectRefusal(res, { status: 400, code: 'validation_failed', field });
    }
    expect((await year(staff, 2026)).windows).toEqual(DEFAULT_WINDOWS);

    const ok = await put(admin, '/api/calendar/windows', {
      windows: [
        { start: '13:00', end: '18:00' },
        { start: '09:00', end: '12:00' },
      ],
    });
    expect(ok.json().windows).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ]);
    expect(t.services.calendar.current().dayWorkMs).toBe(8 * 3_600_000);
    expect(
      (await put(admin, '/api/calendar/windows', { windows: DEFAULT_WINDOWS })).statusCode,
    ).toBe(200);
    expect(t.services.calendar.current().dayWorkMs).toBe(7 * 3_600_000);
  });

  it('imports a year all or nothing, reporting every bad row', async () => {
    const rows = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-12-31', kind: 'holiday', name: '元旦' },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ];
    const bad = await admin.post('/api/calendar/import', { year: 2027, rows });
    expectRefusal(bad, { status: 400, code: 'validation_failed', field: 'rows.1.date' });
    expect(bad.json().error.details.map((d: { index: number }) => d.index)).toEqual([1, 2]);
    const shape = await admin.post('/api/calendar/import', {
      year: 2027,
      rows: [rows[0], { date: '2027-02-30', kind: 'holiday' }, { date: '2027-03-01', kind: 'nap' }],
    });
    expectRefusal(shape, { status: 400, code: 'validation_failed', field: 'rows.1.date' });
    expect(shape.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      '/rows/1/date',
      '/rows/2/kind',
    ]);
    expect((await year(staff, 2027)).days).toEqual([]);

    const first = await admin.post('/api/calendar/import', {
      year: 2027,
      rows: [rows[0], { date: '2027-01-02', kind: 'holiday', name: '元旦' }],
    });
    expect(first.json()).toEqual({ year: 2027, replaced: 0, imported: 2 });
    const second = await admin.post('/api/calendar/import', {
      year: 2027,
      rows: [{ date: '2027-02-06', kind: 'holiday', name: '春节' }],
    });
    expect(second.json()).toEqual({ year: 2027, replaced: 2, imported: 1 });
    expect((await year(staff, 2027)).days).toEqual([
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
    ]);
    expect((await year(staff, 2026)).days).toHaveLength(39);
    expect(t.services.calendar.current().isWorkingDay('2027-01-01')).toBe(true);

    const after = (await staff.get('/api/calendar')).json();
    expect(after).toMatchObject({ hasNextYear: true, alert: null });
  });

  it('lets only calendar managers write', async () => {
    expectRefusal(
      await put(staff, '/api/calendar/days/2026-03-09', { kind: 'holiday', name: 'x' }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await staff.del('/api/calendar/days/2026-01-01'), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await put(staff, '/api/calendar/windows', { windows: DEFAULT_WINDOWS }), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(
      await staff.post('/api/calendar/import', {
        year: 2028,
        rows: [{ date: '2028-01-01', kind: 'holiday' }],
      }),
      { status: 403, code: 'forbidden' },
    );
    expect((await year(staff, 2026)).days).toHaveLength(39);
  });

  it("refreshes a stale cache, so another process's edits arrive", async () => {
    let ms = 0;
    const other = createCalendarService({
      db: t.services.db,
      clock: t.services.clock,
      settings: t.services.settings,
      audit: t.services.audit,
      ticks: () => ms,
    });
    await other.reload();
    expect(other.current().isWorkingDay('2026-03-11')).toBe(true);
    await put(admin, '/api/calendar/days/2026-03-11', { kind: 'holiday', name: '停电' });
    expect(other.current().isWorkingDay('2026-03-11')).toBe(true);
    ms = 61_000;
    await vi.waitFor(() => expect(other.current().isWorkingDay('2026-03-11')).toBe(false));
    await admin.del('/api/calendar/days/2026-03-11');
  });
});

describe('calendar audit', () => {
  type Entry = {
    actorName: string;
    targetType: string;
    targetId: string;
    detail: { change: string; summary: string };
  };
  const entries = async (): Promise<Entry[]> =>
    (await admin.get('/api/audit?action=calendar_changed')).json().items;

  it('audits day edits, window changes and year imports with the actor and a summary', async () => {
    const before = (await entries()).length;
    expect(
      (await put(admin, '/api/calendar/days/2026-06-01', { kind: 'holiday', name: '临时停工' }))
        .statusCode,
    ).toBe(200);
    expect((await admin.del('/api/calendar/days/2026-06-01')).statusCode).toBe(200);
    expect(
      (
        await put(admin, '/api/calendar/windows', {
          windows: [
            { start: '09:00', end: '12:00' },
            { start: '13:30', end: '17:30' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await admin.post('/api/calendar/import', {
          year: 2029,
          rows: [{ date: '2029-01-01', kind: 'holiday', name: '元旦' }],
        })
      ).statusCode,
    ).toBe(200);
    const all = await entries();
    const added = all.slice(0, all.length - before).reverse();
    expect(added.map((e) => [e.actorName, e.targetType, e.targetId, e.detail.change])).toEqual([
      ['root', 'work_calendar', '2026-06-01', 'day_set'],
      ['root', 'work_calendar', '2026-06-01', 'day_deleted'],
      ['root', 'work_calendar', 'windows', 'windows_set'],
      ['root', 'work_calendar', '2029', 'year_imported'],
    ]);
    expect(added[0]!.detail.summary).toBe('2026-06-01 设为节假日「临时停工」');
    expect(added[2]!.detail.summary).toContain('09:00–12:00');
    expect(added[3]!.detail.summary).toContain('2029 年');
    // Refused writes leave no entry.
    await admin.del('/api/calendar/days/2026-06-02');
    await admin.post('/api/calendar/import', {
      year: 2029,
      rows: [{ date: '2030-01-01', kind: 'holiday' }],
    });
    expect(await entries()).toHaveLength(all.length);
    await put(admin, '/api/calendar/windows', { windows: DEFAULT_WINDOWS });
  });
});
