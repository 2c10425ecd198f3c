import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SCOPE, FULL_SCOPE, scopeOf, type AreaScope } from '../../core/auth/area-scope';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity } from '../../../test/factories';
import { caseVisible } from './cases.policy';
import { createCasesRepo } from './cases.repo';
import type { CasesTable } from './cases.tables';

/*
 * Reads enforce the area rule in SQL (levelCodesInScope) and transitions in code (cases.policy): the two must
 * agree, or a case could be listed to someone who cannot open it, or the other way round. One case in
 * 西社区第1网格, read through every kind of scope, on the real database.
 */

let t: TestApp;
let row: CasesTable;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  const s = t.services;
  const reported = await s.cases.report(s.system, {
    lng: CITY.inA[0],
    lat: CITY.inA[1],
    crs: 'wgs84',
    address: '文化路 1 号',
    description: '路面破损',
  });
  row = (await createCasesRepo(s.db).findById(FULL_SCOPE, reported.case.id))!;
});
afterAll(async () => t?.close());

const SCOPES: [string, AreaScope][] = [
  ['all areas', FULL_SCOPE],
  ['the district', scopeOf([CITY.district])],
  ['its street', scopeOf([CITY.streetW])],
  ['the other street', scopeOf([CITY.streetE])],
  ['its community', scopeOf([CITY.communityW])],
  ['the other community', scopeOf([CITY.communityE])],
  ['its grid', scopeOf([CITY.gridA])],
  ['the neighbouring grid', scopeOf([CITY.gridB])],
  ['the other street and its grid', scopeOf([CITY.streetE, CITY.gridA])],
  ['no areas', EMPTY_SCOPE],
];

describe('the repo scope and caseVisible agree', () => {
  it.each(SCOPES)('%s', async (_label, scope) => {
    expect(row.grid_code).toBe(CITY.gridA);
    const found = await createCasesRepo(t.services.db).findById(scope, row.id);
    expect(found !== undefined).toBe(caseVisible({ scope }, row));
  });

  it('covers both answers', () => {
    const answers = new Set(SCOPES.map(([, scope]) => caseVisible({ scope }, row)));
    expect([...answers].sort()).toEqual([false, true]);
  });
});
