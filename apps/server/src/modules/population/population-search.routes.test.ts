import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { personBody, residentId } from './population.test-util';

// Finding persons (issue 11 #4): by any part of the name for registry readers, and by a full phone through the
// personal-search gate (personal.unmask, a reason, an audit entry without the value), inside the caller's scope.

let t: TestApp;
let admin: Session, leaderW: Session, gridWorker: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  const add = async (seq: number, more: Record<string, unknown>) =>
    expect(
      (await admin.post('/api/persons', personBody(residentId('19800101', seq), more))).statusCode,
    ).toBe(201);
  await add(11, { name: '张伟明', phone: '13911112222' });
  await add(13, { name: '李明华', phone: '13911112222' });
  await add(15, { name: '王东', phone: '0371-6123456', areaCode: CITY.gridC });
  leaderW = await userSession(t, {
    username: 'leadW',
    roles: ['street_leader'],
    areaCodes: [CITY.streetW],
  });
  gridWorker = await userSession(t, {
    username: 'gridW',
    roles: ['grid_administrator'],
    areaCodes: [CITY.streetW],
  });
});
afterAll(async () => t.close());

const names = async (s: Session, name: string) => {
  const res = await s.get(`/api/persons?name=${encodeURIComponent(name)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { name: string }[]).map((p) => p.name).sort();
};

describe('person search by name', () => {
  it('matches any part of the name, masked in the list, within scope', async () => {
    expect(await names(admin, '明')).toEqual(['张*明', '李*华']);
    expect(await names(admin, '伟明')).toEqual(['张*明']);
    expect(await names(admin, '明华')).toEqual(['李*华']);
    expect(await names(leaderW, '东')).toEqual([]);
    expect(await names(admin, '东')).toEqual(['王*']);
    // LIKE wildcards are dropped from the text, not obeyed.
    expect(await names(admin, '%')).toHaveLength(3);
    expect(await names(admin, '_明')).toEqual(['张*明', '李*华']);
  });
});

describe('person search by a full phone', () => {
  const byPhone = (s: Session, body: Record<string, unknown>) =>
    s.post('/api/persons/by-phone', body);

  it('finds everyone in scope with the number (a family shares one), audited without the value', async () => {
    const res = await byPhone(leaderW, { phone: '139 1111 2222', reason: '走访核实联系人' });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['张*明', '李*华']);
    expect(res.body).not.toContain('13911112222');
    // A landline with or without its hyphen; outside the scope, nothing.
    expect((await byPhone(admin, { phone: '03716123456', reason: '核实' })).json().total).toBe(1);
    expect((await byPhone(leaderW, { phone: '0371-6123456', reason: '核实' })).json().total).toBe(
      0,
    );
    const audit = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'personal_data_searched')
      .execute();
    expect(audit.length).toBe(3);
    expect(JSON.stringify(audit)).not.toMatch(/13911112222|6123456/);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      module: 'population',
      field: 'phone',
      reason: '走访核实联系人',
    });
  });

  it('refuses without personal.unmask, without a reason, or a value that is no phone', async () => {
    expectRefusal(await byPhone(gridWorker, { phone: '13911112222', reason: '核实信息' }), {
      code: 'forbidden',
      field: 'phone',
    });
    expectRefusal(await byPhone(leaderW, { phone: '13911112222' }), {
      code: 'validation_failed',
      field: 'reason',
    });
    expectRefusal(await byPhone(leaderW, { phone: 'abc', reason: '核实信息' }), {
      code: 'validation_failed',
      field: 'phone',
    });
  });
});
