import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import {
  CITY,
  createUser,
  login,
  seedCity,
  userSession,
  type Session,
} from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { newId } from '../../core/ids';

let t: TestApp;
let admin: Session;
let westAuditor: Session;
const ids = { workerW: '', workerE: '', gridC: '' };

/** An entry written straight into the log at a chosen time (date filters need entries on known days). */
async function entry(o: {
  at: string;
  action: string;
  actor?: { id: string; name: string };
  area?: string | null;
  target?: [string, string];
  detail?: Record<string, unknown>;
}) {
  await t.services.db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: o.at,
      actor_id: o.actor?.id ?? null,
      actor_name: o.actor?.name ?? null,
      action: o.action,
      target_type: o.target?.[0] ?? null,
      target_id: o.target?.[1] ?? null,
      ip: '10.0.0.1',
      area_code: o.area ?? null,
      detail: JSON.stringify(o.detail ?? {}),
    })
    .execute();
}

type Item = {
  action: string;
  actorName: string | null;
  targetName: string | null;
  targetOutOfScope: boolean;
  areaCode: string | null;
  detail: Record<string, unknown>;
};
const list = async (s: Session, q = '') => {
  const res = await s.get(`/api/audit?limit=500${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
};

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  await t.services.users.createRole(
    t.services.system,
    {
      code: 'street_auditor',
      name: '街道审计员',
      nameEn: 'Street auditor',
      permissions: ['audit.read'],
    },
    null,
  );
  westAuditor = await userSession(t, {
    username: 'auditw',
    roles: ['street_auditor'],
    areaCodes: [CITY.streetW],
  });
  ids.workerW = (
    await createUser(t, {
      username: 'ww',
      displayName: '王西',
      roles: ['grid_leader'],
      areaCodes: [CITY.gridA],
    })
  ).id;
  ids.workerE = (
    await createUser(t, {
      username: 'we',
      displayName: '李东',
      roles: ['grid_leader'],
      areaCodes: [CITY.gridC],
    })
  ).id;
  const tree = (await admin.get('/api/areas/tree')).json().items as { id: string; code: string }[];
  ids.gridC = tree.find((a) => a.code === CITY.gridC)!.id;
  const w = { id: ids.workerW, name: 'ww' };
  const e = { id: ids.workerE, name: 'we' };
  // 2026-03-01 and 2026-03-02 in Beijing; 2026-03-01T20:00Z is already 03-02 in Beijing.
  await entry({ at: '2026-03-01T02:00:00.000Z', action: 'login', actor: w, area: CITY.gridA });
  await entry({
    at: '2026-03-01T03:00:00.000Z',
    action: 'login_failed',
    area: null,
    detail: { reason: 'bad_password' },
  });
  await entry({
    at: '2026-03-01T04:00:00.000Z',
    action: 'personal_data_viewed',
    actor: w,
    area: CITY.gridA,
    target: ['user', ids.workerE],
    detail: { field: 'phone', reason: '核实联系方式' },
  });
  await entry({
    at: '2026-03-01T20:00:00.000Z',
    action: 'staff_assigned',
    actor: e,
    area: CITY.gridC,
    target: ['area', ids.gridC],
  });
  await entry({
    at: '2026-03-02T05:00:00.000Z',
    action: 'registry_changed',
    actor: w,
    area: CITY.gridB,
    target: ['user', ids.workerW],
    detail: { change: 'updated', fields: ['name'] },
  });
  await entry({ at: '2026-03-03T05:00:00.000Z', action: 'category_changed', area: null });
});
afterAll(async () => t.close());

describe('audit log: filters', () => {
  it('hides sign-ins behind the toggle, unless asked for by action', async () => {
    const all = await list(admin, '&from=2026-03-01&to=2026-03-03');
    expect(all.total).toBe(6);
    const hidden = await list(admin, '&from=2026-03-01&to=2026-03-03&hideLogins=true');
    expect(hidden.items.map((i) => i.action)).not.toContain('login');
    expect(hidden.items.map((i) => i.action)).not.toContain('login_failed');
    expect(hidden.total).toBe(4);
    const asked = await list(admin, '&action=login,login_failed&hideLogins=true&to=2026-03-03');
    expect(asked.items.map((i) => i.action).sort()).toEqual(['login', 'login_failed']);
  });

  it('filters by actor, actions, target, area and Beijing days, and pages with a total', async () => {
    const byActor = await list(admin, `&actorId=${ids.workerW}&to=2026-03-03`);
    expect(byActor.items.map((i) => i.action).sort()).toEqual([
      'login',
      'personal_data_viewed',
      'registry_changed',
    ]);
    const byTarget = await list(admin, `&targetType=user&targetId=${ids.workerE}`);
    expect(byTarget.items.map((i) => i.action)).toEqual(['personal_data_viewed']);
    const day2 = await list(admin, '&from=2026-03-02&to=2026-03-02');
    expect(day2.items.map((i) => i.action)).toEqual(['registry_changed', 'staff_assigned']);
    const area = await list(admin, `&areaCode=${CITY.streetE}&to=2026-03-03`);
    expect(area.items.map((i) => i.action)).toEqual(['staff_assigned']);
    const p1 = (await admin.get('/api/audit?from=2026-03-01&to=2026-03-03&limit=4&page=1')).json();
    const p2 = (await admin.get('/api/audit?from=2026-03-01&to=2026-03-03&limit=4&page=2')).json();
    expect([p1.items.length, p2.items.length, p1.total, p2.total]).toEqual([4, 2, 6, 6]);
    expect(p1.items[0].action).toBe('category_changed');
  });

  it('refuses bad filters with the field', async () => {
    expectRefusal(await admin.get('/api/audit?from=2026-03-03&to=2026-03-01'), {
      code: 'validation_failed',
      field: 'to',
    });
    expectRefusal(await admin.get('/api/audit?from=2026-02-30'), {
      code: 'validation_failed',
      field: 'querystring.from',
    });
    expectRefusal(await admin.get('/api/audit?action=Login;drop'), {
      code: 'validation_failed',
      field: 'querystring.action',
    });
    expectRefusal(await admin.get('/api/audit?areaCode=abc'), {
      code: 'validation_failed',
      field: 'querystring.areaCode',
    });
    const worker = await login(t, 'ww');
    expectRefusal(await worker.get('/api/audit'), { code: 'forbidden' });
  });
});

describe('audit log: scope and names', () => {
  it('shows a street auditor the entries of the street only', async () => {
    const seen = await list(westAuditor, '&to=2026-03-03');
    expect(seen.items.map((i) => i.action).sort()).toEqual([
      'login',
      'personal_data_viewed',
      'registry_changed',
    ]);
    expect(seen.items.every((i) => i.areaCode?.startsWith(CITY.streetW))).toBe(true);
    // The district contains the street: the filter is the street's entries; another street is refused.
    expect((await list(westAuditor, `&areaCode=${CITY.district}&to=2026-03-03`)).total).toBe(3);
    expectRefusal(await westAuditor.get(`/api/audit?areaCode=${CITY.streetE}`), {
      code: 'forbidden',
      field: 'areaCode',
    });
    const actors = (await westAuditor.get('/api/audit/actors')).json().items as { id: string }[];
    expect(actors.map((a) => a.id)).toEqual([ids.workerW]);
  });

  it('names targets within the viewer scope and marks the others out of scope', async () => {
    const forAdmin = await list(admin, '&to=2026-03-03');
    const viewed = forAdmin.items.find((i) => i.action === 'personal_data_viewed')!;
    expect(viewed).toMatchObject({ targetName: '李东（we）', targetOutOfScope: false });
    expect(forAdmin.items.find((i) => i.action === 'staff_assigned')!.targetName).toBe(
      `东社区第1网格（${CITY.gridC}）`,
    );
    const forWest = await list(westAuditor, '&to=2026-03-03');
    expect(forWest.items.find((i) => i.action === 'personal_data_viewed')).toMatchObject({
      targetName: null,
      targetOutOfScope: true,
    });
    expect(forWest.items.find((i) => i.action === 'registry_changed')!.targetName).toBe(
      '王西（ww）',
    );
    // Untouched contract: the reason stays in the detail.
    expect(viewed.detail).toEqual({ field: 'phone', reason: '核实联系方式' });
  });

  it('files a scoped actor’s own entries under their area', async () => {
    const s = await login(t, 'we');
    await s.post('/api/auth/logout');
    const mine = await list(admin, `&actorId=${ids.workerE}&action=logout`);
    expect(mine.items[0]!.areaCode).toBe(CITY.gridC);
  });
});

describe('audit log: export', () => {
  it('exports the filtered entries as a watermarked xlsx with a reason, and audits the export', async () => {
    expectRefusal(await westAuditor.get('/api/audit/export?to=2026-03-03'), {
      code: 'validation_failed',
      field: 'reason',
    });
    expectRefusal(await westAuditor.get('/api/audit/export?reason=%20a%20'), {
      code: 'validation_failed',
      field: 'reason',
    });
    const reason = encodeURIComponent('季度审计抽查');
    const res = await westAuditor.get(
      `/api/audit/export?to=2026-03-03&hideLogins=true&reason=${reason}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('auditw');
    const rows = ws.getSheetValues().slice(3) as unknown[][];
    const texts = rows.map((r) => r.slice(1).join('|'));
    expect(texts).toHaveLength(2);
    expect(texts.join('\n')).toContain('查看完整个人信息');
    expect(texts.join('\n')).toContain('核实联系方式');
    expect(texts.join('\n')).toContain('用户（范围外）');
    expect(texts.join('\n')).not.toContain('李东');
    const exported = (await list(admin, '&action=audit_exported')).items;
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ actorName: 'auditw', areaCode: CITY.streetW });
    expect(exported[0]!.detail).toMatchObject({ reason: '季度审计抽查', rows: 2 });
  });
});
