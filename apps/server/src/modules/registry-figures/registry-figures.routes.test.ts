import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases } from '../cases/cases.test-util';
import { personBody, residentId } from '../population/population.test-util';
import {
  movableClock,
  prisonerBody,
  staffSession,
  visitBody,
} from '../special-groups/special-groups.test-util';
import { placeBody } from '../units/units.test-util';

// 统计 · 登记与走访 (issue 12): counts from the registers within the caller's scope, grid-worker activity, and the
// visit tasks behind each visit count. Today is Monday 2026-11-30 in Shanghai; the period asked is 2026-11.
const time = movableClock();
let t: TestApp;
let admin: Session, leaderW: Session, leaderE: Session;
let workerA: Session & { id: string }, gridLeaderA: Session & { id: string };
let workerC: Session & { id: string };
const persons = [
  { id: residentId('19800101', 111), phone: '13911112222', name: '欧阳明德', grid: CITY.gridA },
  { id: residentId('19850505', 222), phone: '13933334444', name: '司马光华', grid: CITY.gridA },
  { id: residentId('19900909', 333), phone: '13955556666', name: '诸葛慧敏', grid: CITY.gridC },
];
const personIds: string[] = [];
const M = '2026-11';

async function member(s: Session, personId: string, startedAt: string): Promise<string> {
  const res = await s.post(
    '/api/special-memberships',
    prisonerBody(personId, { attentionLevel: 'medium', startedAt }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp({ clock: time.clock });
  await castCases(t);
  admin = await userSession(t, { username: 'figadmin', roles: ['admin'] });
  leaderW = await userSession(t, {
    username: 'leaderW',
    roles: ['street_leader'],
    areaCodes: [CITY.streetW],
  });
  leaderE = await userSession(t, {
    username: 'leaderE',
    roles: ['street_leader'],
    areaCodes: [CITY.streetE],
  });
  workerA = await staffSession(t, {
    username: 'workerA',
    roles: ['grid_administrator'],
    areaCodes: [CITY.gridA],
    gridRole: 'gridAdministrator',
  });
  gridLeaderA = await staffSession(t, {
    username: 'gleaderA',
    roles: ['grid_leader'],
    areaCodes: [CITY.gridA],
    gridRole: 'gridLeader',
  });
  workerC = await staffSession(t, {
    username: 'workerC',
    roles: ['grid_leader'],
    areaCodes: [CITY.gridC],
    gridRole: 'gridLeader',
  });
  for (const p of persons) {
    const s = p.grid === CITY.gridA ? workerA : workerC;
    const body = personBody(p.id, { name: p.name, phone: p.phone, areaCode: p.grid });
    const res = await s.post('/api/persons', body);
    expect(res.statusCode, res.body).toBe(201);
    personIds.push(res.json().id as string);
  }
  // Medium attention: a visit every 30 days. Due 11-19 (open: overdue), 11-29 (visited today), 11-24 (east).
  await member(gridLeaderA, personIds[0]!, '2026-10-20');
  const m2 = await member(gridLeaderA, personIds[1]!, '2026-10-30');
  await member(workerC, personIds[2]!, '2026-10-25');
  const visited = await workerA.post('/api/visits', { ...visitBody(), membershipId: m2 });
  expect(visited.statusCode, visited.body).toBe(201);

  const place = await workerA.post('/api/places', placeBody('阳光网吧', CITY.inA));
  expect(place.statusCode, place.body).toBe(201);
  const inspected = await workerA.post('/api/inspections', {
    targetType: 'place',
    targetId: place.json().id,
    result: 'passed',
  });
  expect(inspected.statusCode, inspected.body).toBe(201);
  const log = await workerA.post('/api/resident-files', { kind: 'work_log', raised: '路灯不亮' });
  expect(log.statusCode, log.body).toBe(201);
  const reported = await workerA.post('/api/cases', {
    lng: CITY.inA[0],
    lat: CITY.inA[1],
    address: '文化路 12 号',
    description: '暴露垃圾',
    classCode: '06010',
  });
  expect(reported.statusCode, reported.body).toBe(201);
});
afterAll(async () => t.close());

type Report = {
  areaCode: string | null;
  totals: Record<string, Record<string, unknown> | null>;
  rows: { areaCode: string | null; figures: Record<string, Record<string, unknown> | null> }[];
};

describe('GET /api/figures/registries', () => {
  it('counts a street’s registers, special groups, visits and inspections for its leader', async () => {
    const res = await leaderW.get(`/api/figures/registries?period=${M}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Report;
    expect(r.areaCode).toBe(CITY.streetW);
    expect(r.totals.population).toMatchObject({
      total: 2,
      byType: { registered: 2, floating: 0 },
      byDataState: { entered: 2, claimed: 0, verified: 0 },
    });
    expect(r.totals.special).toMatchObject({ members: 2, byAttention: { medium: 2 } });
    expect(r.totals.special!.byGroup).toContainEqual({
      code: 'released_prisoner',
      name: '刑满释放人员',
      count: 2,
    });
    expect(r.totals.visits).toEqual({ due: 2, done: 1, overdue: 1, recorded: 1 });
    expect(r.totals.units).toMatchObject({ places: 1, placesByType: { internet_cafe: 1 } });
    expect(r.totals.inspections).toMatchObject({ done: 1, donePlaces: 1, doneUnits: 0 });
    expect(r.totals.residentFiles).toMatchObject({ total: 1, byKind: { work_log: 1 } });
  });

  it('groups by grid and community, and a row sums to the totals', async () => {
    const r = (
      await leaderW.get(`/api/figures/registries?period=${M}&groupBy=grid`)
    ).json() as Report;
    expect(r.rows.map((x) => x.areaCode)).toEqual([CITY.gridA, CITY.gridB]);
    expect(r.rows[0]!.figures.visits).toEqual({ due: 2, done: 1, overdue: 1, recorded: 1 });
    expect(r.rows[1]!.figures.population).toMatchObject({ total: 0 });
    const c = (await leaderW.get(`/api/figures/registries?period=${M}&groupBy=community`)).json();
    expect(c.rows.map((x: { areaCode: string }) => x.areaCode)).toEqual([CITY.communityW]);
    expect(c.rows[0].figures).toEqual(c.totals);
  });

  it('shows nothing of other streets, and refuses their areas, unknown areas and bad periods', async () => {
    const all = JSON.stringify((await leaderW.get(`/api/figures/registries?groupBy=grid`)).json());
    expect(all).not.toContain(CITY.streetE);
    const e = (await leaderE.get(`/api/figures/registries?period=${M}`)).json() as Report;
    expect(e.totals.population).toMatchObject({ total: 1 });
    expect(e.totals.visits).toEqual({ due: 1, done: 0, overdue: 1, recorded: 0 });
    for (const code of [CITY.streetE, CITY.gridC, '410101009'])
      expectRefusal(await leaderW.get(`/api/figures/registries?areaCode=${code}`), {
        status: 404,
        code: 'not_found',
        field: 'areaCode',
      });
    expectRefusal(await leaderW.get('/api/figures/registries?areaCode=abc'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.areaCode',
    });
    for (const period of ['2026-13', '2026-W60', 'soon', '2026-12-01..2026-11-01', '1999'])
      expectRefusal(await leaderW.get(`/api/figures/registries?period=${period}`), {
        status: 400,
        code: 'validation_failed',
        field: 'period',
      });
    expectRefusal(await leaderW.get('/api/figures/registries?groupBy=house'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.groupBy',
    });
  });

  it('answers an administrator for any area, and a narrower one for a grid', async () => {
    const r = (await admin.get(`/api/figures/registries?period=${M}&groupBy=street`)).json();
    expect(r.areaCode).toBeNull();
    expect(r.totals.population.total).toBe(3);
    expect(r.rows.map((x: { areaCode: string }) => x.areaCode)).toEqual([
      CITY.streetW,
      CITY.streetE,
    ]);
    const g = (
      await leaderW.get(`/api/figures/registries?period=${M}&areaCode=${CITY.gridB}`)
    ).json();
    expect(g.totals.population.total).toBe(0);
  });
});

describe('GET /api/figures/registries.xlsx', () => {
  it('exports the same counts, one row per area and a total row, with who exported it', async () => {
    const res = await leaderW.get(`/api/figures/registries.xlsx?period=${M}&groupBy=grid`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('leaderW');
    const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    const rows = [3, 4, 5].map((i) => (ws.getRow(i).values as unknown[]).slice(1));
    expect(rows.map((r) => r[0] ?? '')).toEqual([CITY.gridA, CITY.gridB, '']);
    const overdue = header.indexOf('走访·逾期未访');
    const people = header.indexOf('实有人口·合计');
    expect([rows[0]![overdue], rows[1]![overdue], rows[2]![overdue]]).toEqual([1, 0, 1]);
    expect(rows[2]![people]).toBe(2);
    const body = res.rawPayload.toString('latin1');
    for (const p of persons) expect(body).not.toContain(p.id);
  });
});

describe('drill-down: the visit tasks behind a count', () => {
  it('lists as many tasks as each figure counts, by area, by grid and by worker', async () => {
    const r = (await leaderW.get(`/api/figures/registries?period=${M}&groupBy=grid`)).json();
    for (const state of ['due', 'done', 'overdue'] as const) {
      const list = (await leaderW.get(`/api/figures/visits?period=${M}&state=${state}`)).json();
      expect(list.items).toHaveLength(r.totals.visits[state]);
      expect(list.total).toBe(r.totals.visits[state]);
      const grid = (
        await leaderW.get(`/api/figures/visits?period=${M}&state=${state}&areaCode=${CITY.gridA}`)
      ).json();
      expect(grid.items).toHaveLength(r.rows[0].figures.visits[state]);
    }
    const mine = (
      await leaderW.get(`/api/figures/visits?period=${M}&state=overdue&assigneeId=${workerA.id}`)
    ).json();
    expect(mine.items.map((x: { dueDate: string }) => x.dueDate)).toEqual(['2026-11-19']);
    expectRefusal(await leaderW.get(`/api/figures/visits?period=${M}&state=late`), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.state',
    });
    expectRefusal(await leaderW.get(`/api/figures/visits?state=due&areaCode=${CITY.gridC}`), {
      status: 404,
      code: 'not_found',
      field: 'areaCode',
    });
  });
});

describe('GET /api/figures/grid-workers', () => {
  it('counts each grid worker’s and each grid’s reports, visits, 民情日志 and inspections', async () => {
    const res = await leaderW.get(`/api/figures/grid-workers?period=${M}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    const a = r.workers.find((w: { userId: string }) => w.userId === workerA.id);
    expect(a).toMatchObject({
      posts: [{ gridCode: CITY.gridA, role: 'gridAdministrator' }],
      reports: 1,
      visitsDone: 1,
      visitsOverdue: 1,
      residentFiles: 1,
      inspections: 1,
    });
    expect(r.workers.find((w: { userId: string }) => w.userId === gridLeaderA.id)).toMatchObject({
      reports: 0,
      visitsDone: 0,
      visitsOverdue: 0,
    });
    expect(r.workers.map((w: { userId: string }) => w.userId)).not.toContain(workerC.id);
    // The assessment score is the indicator engine's 监督员 综合指标值 for the same person and period.
    const assessed = (
      await leaderW.get(
        `/api/indicators?object=position&position=inspector&userId=${workerA.id}&period=${M}`,
      )
    ).json().rows[0].score;
    expect(assessed).not.toBeNull();
    expect(a.score).toEqual({ value: assessed.value, grade: assessed.grade });
    expect(a.score.value).toEqual(expect.any(Number));
    expect(r.grids.find((g: { gridCode: string }) => g.gridCode === CITY.gridA)).toMatchObject({
      staff: 2,
      reports: 1,
      visitsDue: 2,
      visitsDone: 1,
      visitsOverdue: 1,
      residentFiles: 1,
      inspections: 1,
    });
    expect(JSON.stringify(r)).not.toContain(CITY.streetE);
    expectRefusal(await workerA.get(`/api/figures/grid-workers?period=${M}`), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await leaderW.get(`/api/figures/grid-workers?period=2026-02-30`), {
      status: 400,
      code: 'validation_failed',
      field: 'period',
    });
  });
});

describe('privacy', () => {
  it('answers no ID number, phone or resident name in any figure', async () => {
    const bodies = await Promise.all(
      [
        `/api/figures/registries?period=${M}`,
        `/api/figures/registries?period=${M}&groupBy=grid`,
        `/api/figures/grid-workers?period=${M}`,
      ].map(async (u) => (await admin.get(u)).body),
    );
    const drill = (await admin.get(`/api/figures/visits?period=${M}&state=due`)).body;
    for (const p of persons) {
      for (const body of [...bodies, drill]) {
        expect(body).not.toContain(p.id);
        expect(body).not.toContain(p.id.slice(6, 14));
        expect(body).not.toContain(p.phone);
        expect(body).not.toContain(p.name);
      }
      for (const body of bodies) expect(body).not.toContain(p.name.slice(0, 1));
    }
    // Staff names are shown on purpose; their phones never.
    expect(bodies.join()).not.toMatch(/1[3-9]\d{9}|\d{3}\*{4}\d{4}/);
  });
});
