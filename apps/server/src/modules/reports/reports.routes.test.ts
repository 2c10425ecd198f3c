import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { createJobRunner } from '../../core/jobs';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, login, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, photo, step, type CaseCast } from '../cases/cases.test-util';
import { countPdfPages } from './pdf-printer';

// November 2026 in Shanghai; the reports are generated on 2 December.
let now = new Date('2026-10-20T10:00:00+08:00');
const clock: Clock = { now: () => now };
let t: TestApp;
let cast: CaseCast;
let district: Session, westLeader: Session, eastLeader: Session;

const report = async (s: Session, at: [number, number]) => {
  const res = await s.post('/api/cases', {
    lng: at[0],
    lat: at[1],
    address: '文化路 12 号',
    description: '暴露垃圾',
    classCode: '06010',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

/** One case through the whole loop on the same day, so it closes on time. */
async function closeCase(id: string) {
  const { intake, shift, dispatcher, handler, inspector } = cast;
  await step(cast, intake, id, 'accept');
  await step(cast, shift, id, 'register', { classCode: '06010', conditionId: cast.conditionId });
  await step(cast, dispatcher, id, 'dispatch', { departmentId: cast.deptId });
  await step(cast, handler, id, 'acknowledge');
  await step(cast, handler, id, 'submit_feedback', {
    result: '已清运',
    photos: [await photo(t, handler)],
  });
  await step(cast, dispatcher, id, 'accept_feedback');
  await step(cast, intake, id, 'send_check', { assigneeId: cast.inspectorId });
  await step(cast, inspector, id, 'check_pass', { photos: [await photo(t, inspector)] });
  await step(cast, shift, id, 'close', { closeReason: 'fixed' });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  cast = await castCases(t);
  // October: one west case (the 环比 base).
  await report(cast.inspector, CITY.inA);
  // November: four west cases (one closed on time, one registered and left open, one registered and voided), one
  // east case.
  now = new Date('2026-11-10T10:00:00+08:00');
  // Sessions expire over three weeks: everyone signs in again.
  cast.inspector = await login(t, 'insp');
  cast.intake = await login(t, 'intake');
  cast.shift = await login(t, 'shift');
  cast.dispatcher = await login(t, 'disp');
  cast.handler = await login(t, 'hw1');
  cast.admin = await login(t, 'root');
  const closed = await report(cast.inspector, CITY.inA);
  const open = await report(cast.inspector, CITY.inA);
  const voided = await report(cast.inspector, CITY.inA);
  await report(cast.inspector, CITY.inB);
  await report(cast.admin, CITY.inC);
  await closeCase(closed);
  await step(cast, cast.intake, open, 'accept');
  await step(cast, cast.shift, open, 'register', {
    classCode: '06010',
    conditionId: cast.conditionId,
  });
  // Registered, then voided: it has no close, yet it is neither due nor overdue.
  await step(cast, cast.intake, voided, 'accept');
  await step(cast, cast.shift, voided, 'register', {
    classCode: '06010',
    conditionId: cast.conditionId,
  });
  await step(cast, cast.dispatcher, voided, 'request_void', { reason: '重复上报' });
  await step(cast, cast.shift, voided, 'approve_request', { requestType: 'void' });
  now = new Date('2026-12-02T09:00:00+08:00');
  district = await userSession(t, {
    username: 'qu',
    roles: ['district_leader'],
    areaCodes: [CITY.district],
  });
  westLeader = await userSession(t, {
    username: 'xi',
    roles: ['street_leader'],
    areaCodes: [CITY.streetW],
  });
  eastLeader = await userSession(t, {
    username: 'dong',
    roles: ['street_leader'],
    areaCodes: [CITY.streetE],
  });
}, 120_000);
afterAll(async () => t?.close());

const generate = (s: Session, areaCode: string, period = '2026-11') =>
  s.post('/api/reports/monthly', { areaCode, period });
const list = async (s: Session, q = '') => {
  const res = await s.get(`/api/reports${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Report[];
};
const headline = (r: Report, key: string) => r.headline.find((h) => h.key === key)!;
/** A headline figure as printed in the HTML (`data-value` on its row). */
const htmlFigure = (html: string, key: string) =>
  new RegExp(`data-key="${key}" data-value="([^"]*)"`).exec(html)?.[1];

describe('月度报告 (POST /api/reports/monthly, GET /api/reports, files)', () => {
  let west: Report;

  it('generates a street’s report with its figures, an HTML page and an A4 PDF', async () => {
    const res = await generate(westLeader, CITY.streetW);
    expect(res.statusCode, res.body).toBe(201);
    west = res.json();
    expect(west).toMatchObject({
      areaCode: CITY.streetW,
      areaName: '西街道',
      period: '2026-11',
      trigger: 'manual',
    });
    expect(headline(west, 'reported')).toMatchObject({ value: 4, display: '4' });
    expect(headline(west, 'registered').value).toBe(3);
    expect(headline(west, 'closed').value).toBe(1);
    // From the indicator engine: two registered cases fell due in November (2 working hours); one was closed by
    // its deadline, the other is still open; the voided one is not due.
    expect(headline(west, 'onTimeRate')).toMatchObject({ value: 0.5, display: '50.0%' });
    expect(headline(west, 'closeRate')).toMatchObject({ value: 0.5, display: '50.0%' });
    expect(headline(west, 'handleOnTimeRate')).toMatchObject({ value: 1, display: '100.0%' });
    // At the month's end only the open case is overdue, not the voided one.
    expect(headline(west, 'overdue').value).toBe(1);
    // Nobody rated a case: no denominator, so "—".
    expect(headline(west, 'satisfactionRate')).toMatchObject({ value: null, display: '—' });

    const html = await westLeader.get(`/api/reports/${west.id}.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('西街道2026年11月网格化社会治理工作月度报告');
    // The HTML's headline figure is the API's.
    expect(htmlFigure(html.body, 'reported')).toBe(String(headline(west, 'reported').value));
    // 环比: one case in October.
    expect(html.body).toMatch(
      /上报案件<\/th><td class="figure">4<\/td>\s*<td>1<\/td><td>↑ 3（300.0%）<\/td>/,
    );
    // The department ranking from the engine: one task fed back on time, its case closed, nothing redone —
    // 综合指标值 100 (default scheme), grade A, rank 1.
    expect(html.body).toContain(
      '<tr><td>1</td><td>区环卫中心</td><td>1</td><td>100.0%</td><td>100.0%</td><td>0.0%</td><td>100.00</td><td>A</td></tr>',
    );
    expect(html.body).toMatch(/综合指标值：<strong>[\d.]+<\/strong>/);
    expect(html.body).toContain('暴露垃圾');

    const pdf = await westLeader.get(`/api/reports/${west.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = countPdfPages(pdf.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(west.pdf).toEqual({ bytes: pdf.rawPayload.length, pages });
  }, 60_000);

  it('shows "—" for a rate with nothing to divide, never 0% or 100%', async () => {
    const res = await generate(district, CITY.streetE);
    expect(res.statusCode, res.body).toBe(201);
    const east: Report = res.json();
    expect(headline(east, 'reported').value).toBe(1);
    expect(headline(east, 'onTimeRate')).toMatchObject({ value: null, display: '—' });
    expect(headline(east, 'closeRate')).toMatchObject({ value: null, display: '—' });
    const html = (await district.get(`/api/reports/${east.id}.html`)).body;
    expect(html).toMatch(/按期结案率<\/th><td class="figure">—<\/td>/);
  }, 60_000);

  it('lists and serves reports only within the caller’s area', async () => {
    expect((await list(westLeader)).map((r) => r.areaCode)).toEqual([CITY.streetW]);
    expect((await list(eastLeader)).map((r) => r.areaCode)).toEqual([CITY.streetE]);
    expect((await list(district)).map((r) => r.areaCode).sort()).toEqual([
      CITY.streetW,
      CITY.streetE,
    ]);
    expect((await list(district, `?areaCode=${CITY.streetW}`)).map((r) => r.id)).toEqual([west.id]);
    // Another street's reports: neither listed by filter nor downloadable (the same 404 as an unknown id).
    expectRefusal(await eastLeader.get(`/api/reports?areaCode=${CITY.streetW}`), {
      status: 404,
      code: 'not_found',
      field: 'areaCode',
    });
    for (const format of ['html', 'pdf'])
      expectRefusal(await eastLeader.get(`/api/reports/${west.id}.${format}`), {
        status: 404,
        code: 'not_found',
      });
    // A street leader does not read the district's report either.
    const d = (await generate(district, CITY.district)).json() as Report;
    expectRefusal(await westLeader.get(`/api/reports/${d.id}.html`), {
      status: 404,
      code: 'not_found',
    });
    expect((await district.get(`/api/reports/${d.id}.html`)).statusCode).toBe(200);
  }, 60_000);

  it('records each generation in the audit log under the report’s area', async () => {
    const entries = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'report_generated')
      .where('target_id', '=', west.id)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ area_code: CITY.streetW, target_type: 'report' });
    expect(JSON.parse(entries[0]!.detail!)).toEqual({
      areaCode: CITY.streetW,
      period: '2026-11',
      trigger: 'manual',
    });
  });

  it('refuses months not yet ended, bad months, and unknown, out-of-scope or grid areas, writing nothing', async () => {
    const before = (await list(district)).length;
    expectRefusal(await generate(district, CITY.district, '2026-12'), {
      status: 400,
      code: 'validation_failed',
      field: 'period',
    });
    expectRefusal(await generate(district, CITY.district, '2027-03'), {
      status: 400,
      code: 'validation_failed',
      field: 'period',
    });
    expectRefusal(await generate(district, CITY.district, '2026-13'), {
      status: 400,
      code: 'validation_failed',
      field: 'period',
    });
    expectRefusal(await generate(district, '410101009'), {
      status: 404,
      code: 'not_found',
      field: 'areaCode',
    });
    expectRefusal(await generate(westLeader, CITY.streetE), {
      status: 404,
      code: 'not_found',
      field: 'areaCode',
    });
    expectRefusal(await generate(westLeader, CITY.district), {
      status: 404,
      code: 'not_found',
      field: 'areaCode',
    });
    expectRefusal(await generate(district, CITY.gridA), {
      status: 400,
      code: 'validation_failed',
      field: 'areaCode',
    });
    expectRefusal(await generate(district, 'abc'), {
      status: 400,
      code: 'validation_failed',
      field: 'areaCode',
    });
    // Roles without the permission (a grid worker) are refused by the guard.
    const worker = await userSession(t, {
      username: 'wg',
      roles: ['grid_administrator'],
      areaCodes: [CITY.gridA],
    });
    expectRefusal(await generate(worker, CITY.gridA), { status: 403, code: 'forbidden' });
    expectRefusal(await worker.get('/api/reports'), { status: 403, code: 'forbidden' });
    expect((await list(district)).length).toBe(before);
  });

  it('keeps the HTML when no browser is installed and answers 503 for the PDF until one is', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await generate(district, CITY.communityW);
      expect(res.statusCode, res.body).toBe(201);
      const r: Report = res.json();
      expect(r.pdf).toBeNull();
      expect((await district.get(`/api/reports/${r.id}.html`)).statusCode).toBe(200);
      expectRefusal(await district.get(`/api/reports/${r.id}.pdf`), {
        status: 503,
        code: 'unavailable',
      });
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
      // With the browser back, the PDF is printed on first download and the list says so.
      const pdf = await district.get(`/api/reports/${r.id}.pdf`);
      expect(pdf.statusCode).toBe(200);
      const listed = (await list(district)).find((x) => x.id === r.id)!;
      expect(listed.pdf?.pages).toBe(countPdfPages(pdf.rawPayload));
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  }, 60_000);

  it('the monthly job makes last month’s reports of the district and each street, once', async () => {
    const job = t.services.reports.monthlyJob();
    const runner = createJobRunner({ db: t.services.db, clock, jobs: [job], owner: 'test' });
    expect(await runner.tick()).toEqual([
      { job: 'reports.monthly', key: '2026-11', result: 'done' },
    ]);
    expect(await runner.tick()).toEqual([]);
    const scheduled = (await list(district)).filter((r) => r.trigger === 'schedule');
    expect(scheduled.map((r) => r.areaCode).sort()).toEqual([
      CITY.district,
      CITY.streetW,
      CITY.streetE,
    ]);
    expect(scheduled.every((r) => r.period === '2026-11')).toBe(true);
    // A run repeated for the same month (a retry after a crash) makes no second copy.
    await job.run('2026-11');
    expect((await list(district)).filter((r) => r.trigger === 'schedule')).toHaveLength(3);
  }, 120_000);
});
