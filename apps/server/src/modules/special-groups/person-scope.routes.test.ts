import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { insertPerson } from './special-groups.test-util';
import { expectRefusal } from '../../../test/refusal';

let t: TestApp;
let leaderA: Session;
let inA: string;
let inC: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  leaderA = await userSession(t, {
    username: 'leader_a',
    roles: ['grid_leader'],
    areaCodes: [CITY.gridA],
  });
  inA = await insertPerson(t, '甲在网格', CITY.gridA);
  inC = await insertPerson(t, '丙在东边', CITY.gridC);
});
afterAll(async () => t.close());

describe("a person named in the URL is resolved through the caller's scope", () => {
  for (const path of ['visits', 'special-memberships']) {
    it(`GET /api/persons/:id/${path}: 404 outside scope, the same as an unknown id; 200 inside`, async () => {
      const outside = await leaderA.get(`/api/persons/${inC}/${path}`);
      expectRefusal(outside, { status: 404, code: 'not_found', field: 'personId' });
      const unknown = await leaderA.get(`/api/persons/no-such-person/${path}`);
      expectRefusal(unknown, { status: 404, code: 'not_found', field: 'personId' });
      expect(unknown.json().error.message).toBe(outside.json().error.message);
      expect((await leaderA.get(`/api/persons/${inA}/${path}`)).statusCode).toBe(200);
    });
  }
});
