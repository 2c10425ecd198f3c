import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DB_KIND, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import { personBody, residentId } from './population.test-util';
import { sheetRows } from '../imports/imports.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let worker: Session;
let leader: Session;
let personId: string;
const ID = residentId('19751231', 456);
const PHONE = '13987654321';

async function auditEntries(action: string) {
  return (await t.services.audit.list({ action, limit: 50 })) as {
    actorName: string | null;
    targetId: string | null;
    detail: Record<string, unknown>;
  }[];
}

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  worker = await userSession(t, {
    username: 'worker',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityW],
  });
  leader = await userSession(t, {
    username: 'leader',
    displayName: '社区书记',
    roles: ['community_leader'],
    areaCodes: [CITY.communityW],
  });
  const res = await worker.post('/api/persons', personBody(ID, { name: '赵六一', phone: PHONE }));
  expect(res.statusCode).toBe(201);
  personId = res.json().id;
});
afterAll(async () => t.close());

describe('实有人口: personal data', () => {
  it('keeps ID numbers and phones encrypted at rest, with keyed hashes and masks beside them', async () => {
    const row = await t.services.db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(row.id_number_enc).toMatch(/^v2:/);
    expect(row.phone_enc).toMatch(/^v2:/);
    expect(JSON.stringify(row)).not.toContain(ID);
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(row.id_masked).toBe('410101************');
    expect(row.birth_date).toBeNull();
    expect(row.birth_year).toBe(1975);
    expect(t.services.cipher.decrypt(row.birth_date_enc!)).toBe('1975-12-31');
    expect(row.id_hash).toBe(t.services.cipher.lookupHash(ID));
    expect(t.services.cipher.decrypt(row.id_number_enc)).toBe(ID);
    if (TEST_DB_KIND === 'sqlite' && t.config.database.kind === 'sqlite') {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.services.db);
      const bytes = readFileSync(t.config.database.file);
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.includes(Buffer.from(ID))).toBe(false);
      expect(bytes.includes(Buffer.from(PHONE))).toBe(false);
      expect(bytes.includes(Buffer.from('1975-12-31'))).toBe(false);
      // The name is S2, stored plain: the scan does find it, so the check above is a real one.
      expect(bytes.includes(Buffer.from('赵六一'))).toBe(true);
    }
  });

  it('unmasks only with personal.unmask and a reason, auditing who, which record, which fields and why', async () => {
    const denied = await worker.post(`/api/persons/${personId}/unmask`, {
      reason: '入户核实',
      fields: ['idNumber'],
    });
    expectRefusal(denied, { status: 403, code: 'forbidden' });
    const noReason = await leader.post(`/api/persons/${personId}/unmask`, { fields: ['idNumber'] });
    expectRefusal(noReason, { status: 400, code: 'validation_failed', field: 'reason' });
    const shortReason = await leader.post(`/api/persons/${personId}/unmask`, {
      reason: ' 查',
      fields: ['idNumber'],
    });
    expect(shortReason.json().error).toMatchObject({ code: 'validation_failed', field: 'reason' });
    expect(await auditEntries('personal_data_viewed')).toHaveLength(0);
    const res = await leader.post(`/api/persons/${personId}/unmask`, {
      reason: '办理低保核对身份',
      fields: ['idNumber', 'phone'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: ID, phone: PHONE });
    const [entry] = await auditEntries('personal_data_viewed');
    expect(entry).toMatchObject({
      actorName: 'leader',
      targetId: personId,
      detail: { fields: ['idNumber', 'phone'], reason: '办理低保核对身份' },
    });
    expect(
      (
        await leader.post(`/api/persons/${personId}/unmask`, {
          reason: '核对电话',
          fields: ['phone'],
        })
      ).json(),
    ).toEqual({ phone: PHONE });
  });

  it('never sends the plain values in detail or list answers', async () => {
    for (const url of [`/api/persons/${personId}`, '/api/persons']) {
      for (const who of [leader, worker]) {
        const text = (await who.get(url)).body;
        expect(text).not.toContain(ID);
        expect(text).not.toContain(PHONE);
        // The full birth date is part of the number: the year is shown, the date only by unmasking.
        expect(text).not.toContain('1975-12-31');
        expect(text).not.toContain('19751231');
      }
    }
    expect((await leader.get(`/api/persons/${personId}`)).json().name).toBe('赵六一');
  });

  it('looks up by ID number through the hash, within scope only, as a personal search (personal.unmask + reason)', async () => {
    const lookup = (s: Session, idNumber: string) =>
      s.post('/api/persons/lookup', { idNumber, reason: '核对身份' });
    expect(errorCode(await lookup(worker, ID))).toBe('forbidden');
    const res = await lookup(leader, ID.toLowerCase());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: personId, name: '赵六一' });
    expect(res.body).not.toContain(ID);
    expectRefusal(await lookup(leader, residentId('19751231', 457)), {
      status: 404,
      code: 'not_found',
    });
    expect((await lookup(leader, '123')).json().error).toMatchObject({
      code: 'validation_failed',
      field: 'idNumber',
    });
    const east = await userSession(t, {
      username: 'east',
      roles: ['community_leader'],
      areaCodes: [CITY.communityE],
    });
    expectRefusal(await lookup(east, ID), { status: 404, code: 'not_found' });
  });

  it('exports masked unless a holder of registry.export states a reason, and audits every export with it', async () => {
    const masked = await worker.get(`/api/persons/export?areaCode=${CITY.communityW}`);
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['content-type']).toContain('spreadsheetml');
    expect(masked.headers['content-disposition']).toMatch(
      /attachment; filename="persons-.*\.xlsx"/,
    );
    const mrows = await sheetRows(masked.rawPayload);
    expect(mrows[0]![0]).toMatch(/实有人口导出 · worker（worker）.*已脱敏/);
    expect(mrows[1]).toEqual(expect.arrayContaining(['姓名', '证件号码', '联系电话']));
    expect(mrows).toHaveLength(3);
    expect(mrows[2]).toEqual(
      expect.arrayContaining([
        '赵*一',
        '410101************',
        '1975-**-**',
        '139****4321',
        '女',
        '户籍人口',
      ]),
    );
    expect(JSON.stringify(mrows)).not.toContain('1975-12-31');
    // registry.export alone no longer unmasks: without a reason the leader's sheet is masked too.
    const plain = await sheetRows(
      (await leader.get('/api/persons/export?populationType=registered')).rawPayload,
    );
    expect(JSON.stringify(plain)).not.toContain(ID);
    expect(JSON.stringify(plain)).not.toContain(PHONE);
    expect((await leader.get('/api/persons/export?reason=%E6%9F%A5')).json().error).toMatchObject({
      code: 'validation_failed',
      field: 'querystring.reason',
    });
    expect(
      (await worker.get(`/api/persons/export?reason=${encodeURIComponent('低保年审核对')}`)).json()
        .error,
    ).toMatchObject({ code: 'forbidden', field: 'reason' });
    const full = await leader.get(
      `/api/persons/export?populationType=registered&reason=${encodeURIComponent('低保年审核对')}`,
    );
    const frows = await sheetRows(full.rawPayload);
    expect(frows[2]).toEqual(expect.arrayContaining(['赵六一', ID, PHONE, '1975-12-31']));
    const entries = await auditEntries('registry_exported');
    expect(entries).toHaveLength(3);
    expect(entries.find((e) => e.actorName === 'worker')).toMatchObject({
      detail: { rows: 1, unmasked: false, filter: { areaCode: CITY.communityW } },
    });
    const fullEntry = entries.find((e) => e.actorName === 'leader' && e.detail.unmasked === true);
    expect(fullEntry).toMatchObject({
      detail: { rows: 1, reason: '低保年审核对', filter: { populationType: 'registered' } },
    });
    expect(fullEntry!.detail.filter).not.toHaveProperty('reason');
  });
});
