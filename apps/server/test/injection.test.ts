import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY, seedCity, userSession, type Session } from './factories';
import { createTestApp, type TestApp } from './test-app';
import { personBody, residentId } from '../src/modules/population/population.test-util';
import { unitBody } from '../src/modules/units/units.test-util';
import { expectRefusal } from './refusal';

/**
 * Text that reaches SQL: every free-text filter is bound as a parameter, so quotes and comments find nothing they do
 * not literally contain; LIKE wildcards and control characters are stripped before matching (a filter of only
 * wildcards is no filter: the caller's own scope, never more). Nothing errors. A regression guard for what the
 * outside review found holding.
 */
const QUOTES = [`' OR '1'='1`, `'; DROP TABLE persons; --`, `" OR ""="`, '1) OR (1=1', `王' --`];
const WILDCARDS = ['%', '_', '\\', '%%', '\u0000', '王%'];

let t: TestApp;
let worker: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  const admin = await userSession(t, { username: 'inj_root', roles: ['admin'] });
  expect(
    (await admin.post('/api/persons', personBody(residentId('19800101', 101), { name: '王五' })))
      .statusCode,
  ).toBe(201);
  expect((await admin.post('/api/units', unitBody(1, CITY.inA))).statusCode).toBe(201);
  worker = await userSession(t, {
    username: 'inj_worker',
    roles: ['grid_leader'],
    areaCodes: [CITY.gridA],
  });
});
afterAll(async () => t?.close());

describe('hostile text in filters', () => {
  // [search, what the caller sees without the filter]
  const searches: [string, string][] = [
    ['/api/persons?name=', '/api/persons'],
    ['/api/units?q=', '/api/units'],
    ['/api/places?q=', '/api/places'],
    ['/api/addresses?q=', '/api/addresses'],
    ['/api/houses?q=', '/api/houses'],
    // Every area code of the test city starts with 4101.
    ['/api/areas/search?q=', '/api/areas/search?q=4101'],
    ['/api/users?q=', '/api/users'],
  ];
  it('answers every search with 200 or 400 and finds nothing the text does not literally match', async () => {
    const wrong: string[] = [];
    for (const [url, baseline] of searches) {
      const all = ((await worker.get(baseline)).json() as { items: unknown[] }).items.length;
      for (const text of [...QUOTES, ...WILDCARDS]) {
        const res = await worker.get(url + encodeURIComponent(text));
        const found =
          res.statusCode === 200 ? (res.json() as { items: unknown[] }).items.length : 0;
        if (![200, 400].includes(res.statusCode))
          wrong.push(`${url}${text} → ${res.statusCode} ${res.body.slice(0, 100)}`);
        else if (QUOTES.includes(text) && found) wrong.push(`${url}${text} found ${found}`);
        else if (found > all) wrong.push(`${url}${text} found more than the unfiltered list`);
      }
    }
    expect(wrong).toEqual([]);
    // The tables are still there and still answer.
    expect((await worker.get('/api/persons')).json().items.length).toBe(1);
  });

  it('refuses control characters in a JSON body with the field, on both databases, and writes nothing', async () => {
    const res = await worker.post('/api/resident-files', {
      kind: 'work_log',
      gridCode: CITY.gridA,
      raised: '路灯\u0000不亮',
    });
    expectRefusal(res, { status: 400, code: 'validation_failed', field: 'raised' });
    expect((await worker.get('/api/resident-files')).json().items).toEqual([]);
  });
});
