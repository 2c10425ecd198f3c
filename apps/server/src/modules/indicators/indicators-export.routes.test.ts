import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, type IndicatorFigures, type IndicatorId } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, reportAt, walkToClose, type CaseCast } from '../cases/cases.test-util';
import { indicatorCell } from './indicators-export';

// One case walked to 结案 and two left open, in November (Monday 2026-11-30 in Shanghai); one is in the east street.
let now = new Date('2026-11-30T09:00:00+08:00');
const clock: Clock = { now: () => now };
const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
let t: TestApp;
let cast: CaseCast;

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  const { inspector, admin } = cast;
  const a = await reportAt(inspector, CITY.inA);
  await walkToClose(t, cast, a, later);
  await reportAt(inspector, CITY.inB);
  await reportAt(admin, CITY.inC);
});
afterAll(async () => t?.close());

async function sheetOf(s: Session, query: string) {
  const res = await s.get(`/api/indicators.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['content-disposition']).toContain('attachment');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
  const rows: unknown[][] = [];
  for (let i = 3; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1));
  return { title: String(ws.getCell('A1').value), header, rows };
}

/** The JSON figures as the sheet must show them, column by column. */
function expected(f: IndicatorFigures, header: string[]) {
  const byLabel = new Map(
    (Object.keys(INDICATORS) as IndicatorId[]).map((id) => [INDICATORS[id].zh, id]),
  );
  return f.rows.map((r) => [
    r.key ?? '',
    r.name ?? '',
    ...header.slice(2, -3).map((label) => {
      const id = byLabel.get(label)!;
      return indicatorCell(id, r.figures[id]?.value);
    }),
    r.score?.value === null || r.score?.value === undefined ? '—' : expect.any(Number),
    r.score?.grade ?? '—',
    r.rank ?? '—',
  ]);
}

describe('GET /api/indicators.xlsx', () => {
  it('holds the JSON figures: one row per group, a column per indicator, rates as %, null as —', async () => {
    const q = 'period=2026-11&groupBy=street';
    const f = (await cast.admin.get(`/api/indicators?${q}`)).json() as IndicatorFigures;
    const sheet = await sheetOf(cast.admin, q);
    expect(sheet.title).toContain('root');
    expect(sheet.header.slice(0, 2)).toEqual(['编码', '街道']);
    expect(sheet.header.slice(-3)).toEqual(['综合指标值', '等级', '排名']);
    expect(sheet.header).toContain('上报数');
    expect(sheet.rows).toEqual(expected(f, sheet.header));
    const reports = sheet.header.indexOf('上报数');
    const west = sheet.rows.find((r) => r[0] === CITY.streetW)!;
    expect(west[reports]).toBe(2);
    // A rate whose denominator is zero is "—", never 0 %; a rate with one is a percentage.
    expect(west[sheet.header.indexOf('按期结案率')]).toMatch(/^(—|\d+\.\d%)$/);
  });

  it('takes the same query: chosen ids only, a street leader only their street', async () => {
    const q = 'period=2026-11&ids=reportCount,closedCount,closeRate';
    const f = (await cast.leader.get(`/api/indicators?${q}`)).json() as IndicatorFigures;
    const sheet = await sheetOf(cast.leader, q);
    expect(sheet.header.slice(2, -3)).toEqual(['上报数', '结案数', INDICATORS.closeRate.zh]);
    expect(sheet.rows).toEqual(expected(f, sheet.header));
    expect(sheet.rows[0]![2]).toBe(2);
    const east = await cast.leader.get(
      `/api/indicators.xlsx?period=2026-11&areaCode=${CITY.streetE}`,
    );
    expect(east.statusCode).toBe(404);
  });

  it('refuses a bad period or id as the JSON route does, and needs a session', async () => {
    expectRefusal(await cast.admin.get('/api/indicators.xlsx?period=2026-11&ids=nope'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.ids.0',
    });
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators.xlsx?period=2026-11' });
    expect(res.statusCode).toBe(401);
  });
});
