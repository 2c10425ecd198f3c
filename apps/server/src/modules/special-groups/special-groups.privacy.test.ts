import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DB_KIND, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { insertPerson, movableClock, staffSession, visitBody } from './special-groups.test-util';
import { expectRefusal } from '../../../test/refusal';

const time = movableClock();
let t: TestApp;
let admin: Session, leader: Session, worker: Session & { id: string }, informant: Session;
let personId: string, membershipId: string;

beforeAll(async () => {
  t = await createTestApp({ clock: time.clock });
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  leader = await staffSession(t, {
    username: 'leaderA',
    roles: ['grid_leader'],
    areaCodes: [CITY.gridA],
    gridRole: 'gridLeader',
  });
  worker = await staffSession(t, {
    username: 'workerA',
    roles: ['grid_administrator'],
    areaCodes: [CITY.gridA],
    gridRole: 'gridAdministrator',
  });
  informant = await staffSession(t, {
    username: 'infoA',
    roles: ['resident_informant'],
    areaCodes: [CITY.gridA],
    gridRole: 'residentInformant',
  });
  personId = await insertPerson(t, '赵六', CITY.gridA);
  const res = await leader.post('/api/special-memberships', {
    personId,
    groupCode: 'severe_mental_disorder',
    attentionLevel: 'medium',
    startedAt: '2026-11-20',
    fields: { diagnosis: '精神分裂症', riskGrade: '3', treatment: '规律服药' },
    guardianName: '赵大',
    guardianPhone: '13812345678',
  });
  expect(res.statusCode).toBe(201);
  membershipId = res.json().id;
});
afterAll(async () => t.close());

const SECRETS = ['severe_mental_disorder', '精神分裂症', '规律服药', '13812345678', '赵大', '幻听'];

describe('special-group data at rest', () => {
  it('keeps the group, its fields and the helper out of the raw row: only a keyed hash and ciphertext', async () => {
    const raw = await t.services.db
      .selectFrom('special_memberships')
      .selectAll()
      .where('id', '=', membershipId)
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(raw);
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(raw.details_enc).toMatch(/^v2:[0-9a-f]{8}:/);
    expect(raw.group_hash).toBe(t.services.cipher.lookupHash('severe_mental_disorder'));
    const audit = JSON.stringify(await t.services.db.selectFrom('audit_log').selectAll().execute());
    for (const s of SECRETS) expect(audit).not.toContain(s);
    expect(t.services.encryptedColumns).toEqual(
      expect.arrayContaining([
        { table: 'special_memberships', key: 'id', columns: ['details_enc'] },
        { table: 'visits', key: 'id', columns: ['findings_enc'] },
      ]),
    );
  });

  it('encrypts visit findings, and the database file never shows the group next to a person', async () => {
    const [task] = (await worker.get('/api/visits/tasks?mine=1')).json().items;
    const done = await worker.post(
      `/api/visits/tasks/${task.id}/complete`,
      visitBody({ findings: '自述偶有幻听，按时服药' }),
    );
    expect(done.statusCode, done.body).toBe(201);
    const visit = await t.services.db.selectFrom('visits').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(visit)).not.toContain('幻听');
    if (TEST_DB_KIND !== 'sqlite') return;
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.services.db);
    const config = t.config.database;
    if (config.kind !== 'sqlite') return;
    const bytes = readFileSync(config.file);
    // The dictionary (its row and key index) names the group: definitions are not secret. No person is near it.
    const text = bytes.toString('latin1');
    expect(text).toContain(personId);
    const hits = [...text.matchAll(/severe_mental_disorder/g)].map((m) => m.index);
    expect(hits.length).toBeGreaterThan(0);
    for (const i of hits) {
      const near = text.slice(Math.max(0, i - 1024), i + 1024);
      expect(near).not.toContain(personId);
      expect(near).not.toContain(membershipId);
    }
    // Values a person's file alone holds (select options such as 规律服药 are in the dictionary too).
    for (const s of ['精神分裂症', '13812345678', '赵大', '幻听'])
      expect(bytes.includes(Buffer.from(s, 'utf8')), s).toBe(false);
  });
});

describe('who sees what', () => {
  it('shows a grid administrator and an informant the visit due, never the group', async () => {
    for (const s of [worker, informant]) {
      const tasks = (await s.get('/api/visits/tasks?status=open')).json();
      expect(tasks.items).toHaveLength(1);
      const body = JSON.stringify(tasks);
      for (const secret of ['severe_mental_disorder', '严重精神障碍', 'mental', '精神分裂症'])
        expect(body).not.toContain(secret);
      expect(tasks.items[0]).toMatchObject({
        personId,
        personName: '赵*',
        gridCode: CITY.gridA,
        status: 'open',
      });
      expectRefusal(await s.get('/api/special-memberships'), { status: 403, code: 'forbidden' });
      expectRefusal(await s.get(`/api/special-memberships/${membershipId}`), {
        status: 403,
        code: 'forbidden',
      });
      expectRefusal(await s.get(`/api/persons/${personId}/special-memberships`), {
        status: 403,
        code: 'forbidden',
      });
      const visits = (await s.get(`/api/persons/${personId}/visits`)).json();
      expect(visits.visits[0]).toMatchObject({
        restricted: true,
        findings: null,
        groupCode: null,
        groupName: null,
        method: 'home',
      });
      expect(JSON.stringify(visits)).not.toContain('幻听');
    }
  });

  it('shows holders of special.read the group and the findings', async () => {
    const visits = (await leader.get(`/api/persons/${personId}/visits`)).json();
    expect(visits.visits[0]).toMatchObject({
      restricted: false,
      findings: '自述偶有幻听，按时服药',
      groupCode: 'severe_mental_disorder',
      groupName: '严重精神障碍患者',
    });
    expect(visits.tasks).toHaveLength(1);
    const viaAdmin = (await admin.get(`/api/special-memberships/${membershipId}`)).json();
    expect(viaAdmin).toMatchObject({
      groupCode: 'severe_mental_disorder',
      fields: { riskGrade: '3' },
      guardianPhone: '138****5678',
    });
  });

  it('refuses a worker without special.manage changing memberships', async () => {
    expectRefusal(
      await worker.post('/api/special-memberships', {
        personId,
        groupCode: 'drug_user',
        startedAt: '2026-11-01',
      }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await informant.post(`/api/visits/tasks/x/complete`, visitBody()), {
      status: 403,
      code: 'forbidden',
    });
  });
});
