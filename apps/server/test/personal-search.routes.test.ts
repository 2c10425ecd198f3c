import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from './test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from './factories';
import { PERSONAL_SEARCH_LIMIT } from '../src/modules/audit';
import {
  createHouse,
  personBody,
  residentId,
} from '../src/modules/population/population.test-util';
import { testClock, unitBody } from '../src/modules/units/units.test-util';
import { expectRefusal } from './refusal';

// Issue 9, finding 2: a search by a full personal value is an unmasking. Every filter on an encrypted value
// (landlord phone, unit phones, ID number) needs personal.unmask and a reason, is audited without the value,
// is limited per user, and travels in a POST body, never in a URL.

const clock = testClock();
let t: TestApp;
let worker: Session; // grid_administrator: registry.read + registry.manage, no personal.unmask
let leader: Session; // community_leader: personal.unmask
let houseId: string;
let unitId: string;
let personId: string;
const LANDLORD = '13812345678';
const UNIT_PHONE = '13712345678';
const ID = residentId('19751231', 456);

/** One filter on an encrypted value: the body of a search for `value`, and the record it should find. */
interface Filter {
  name: string;
  url: string;
  field: string;
  body(value: string, reason?: string): Record<string, unknown>;
  value: () => string;
  found(res: LightMyRequestResponse): boolean;
}
const listed = (id: () => string) => (res: LightMyRequestResponse) =>
  res.statusCode === 200 &&
  (res.json() as { items: { id: string }[] }).items.some((i) => i.id === id());
const FILTERS: Filter[] = [
  {
    name: 'houses by landlord phone',
    url: '/api/houses/search',
    field: 'landlordPhone',
    body: (v, reason) => ({ landlordPhone: v, reason }),
    value: () => LANDLORD,
    found: listed(() => houseId),
  },
  {
    name: 'units by phone',
    url: '/api/units/search',
    field: 'phone',
    body: (v, reason) => ({ phone: v, reason }),
    value: () => UNIT_PHONE,
    found: listed(() => unitId),
  },
  {
    name: 'persons by ID number',
    url: '/api/persons/lookup',
    field: 'idNumber',
    body: (v, reason) => ({ idNumber: v, reason }),
    value: () => ID,
    found: (res) => res.statusCode === 200 && (res.json() as { id: string }).id === personId,
  },
];

const searches = async (actorName?: string) =>
  (await t.services.audit.list({ action: 'personal_data_searched', limit: 200 })).filter(
    (e) => !actorName || e.actorName === actorName,
  ) as {
    actorName: string;
    detail: Record<string, unknown>;
  }[];

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedCity(t);
  const admin = await userSession(t, { username: 'root', roles: ['admin'] });
  worker = await userSession(t, {
    username: 'worker',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityW],
  });
  leader = await userSession(t, {
    username: 'leader',
    roles: ['community_leader'],
    areaCodes: [CITY.communityW],
  });
  houseId = await createHouse(admin, CITY.inA, '101室');
  expect(
    (
      await admin.patch(`/api/houses/${houseId}`, {
        version: 1,
        use: 'rented',
        landlordName: '张房东',
        landlordPhone: LANDLORD,
        rental: { purpose: 'residential' },
      })
    ).statusCode,
  ).toBe(200);
  const unit = await admin.post(
    '/api/units',
    unitBody(1, CITY.inA, { legalRepPhone: UNIT_PHONE, contactPhone: null }),
  );
  expect(unit.statusCode).toBe(201);
  unitId = unit.json().id;
  const person = await worker.post('/api/persons', personBody(ID, { name: '赵六一' }));
  expect(person.statusCode).toBe(201);
  personId = person.json().id;
});
afterAll(async () => t.close());

describe('searching by a full ID number or phone (issue 9 finding 2)', () => {
  it.each(FILTERS)(
    '$name: 403 without personal.unmask, 400 without a reason, results and an audit entry without the value',
    async (f) => {
      for (const reason of ['核对身份信息', undefined]) {
        const denied = await worker.post(f.url, f.body(f.value(), reason));
        expectRefusal(denied, { status: 403, code: 'forbidden', field: f.field });
      }
      for (const reason of [undefined, '', ' 查']) {
        const noReason = await leader.post(f.url, f.body(f.value(), reason));
        expectRefusal(noReason, { status: 400, code: 'validation_failed', field: 'reason' });
      }
      expect(await searches()).toHaveLength(0);

      const res = await leader.post(f.url, f.body(f.value(), '核对身份信息'));
      expect(f.found(res)).toBe(true);
      const [entry] = await searches('leader');
      expect(entry!.detail).toMatchObject({
        field: f.field,
        purpose: 'search',
        reason: '核对身份信息',
        results: 1,
      });
      const miss = await leader.post(
        f.url,
        f.body(
          f.field === 'idNumber' ? residentId('19751231', 457) : '13800000000',
          '核对身份信息',
        ),
      );
      expect(f.found(miss)).toBe(false);
      expect((await searches('leader'))[0]!.detail).toMatchObject({ field: f.field, results: 0 });

      // The value is in no audit row, in any spelling; at most its keyed hash, which the record's table holds anyway.
      const raw = JSON.stringify(await t.services.db.selectFrom('audit_log').selectAll().execute());
      for (const v of [
        f.value(),
        f.value().toLowerCase(),
        f.value().slice(-8),
        f.value().slice(0, 11),
      ])
        expect(raw).not.toContain(v);
      await t.services.db
        .deleteFrom('audit_log')
        .where('action', '=', 'personal_data_searched')
        .execute();
    },
  );

  it('no longer takes full values in URLs: the old GET filters are refused, not silently ignored', async () => {
    for (const url of [
      `/api/houses?landlordPhone=${LANDLORD}`,
      `/api/houses/export?landlordPhone=${LANDLORD}`,
      `/api/units?phone=${UNIT_PHONE}`,
      `/api/units/export?phone=${UNIT_PHONE}`,
    ]) {
      const res = await leader.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    // GET /api/persons/lookup is gone: the path is now read as a person id, which does not exist.
    const old = await leader.get(`/api/persons/lookup?idNumber=${ID}`);
    expectRefusal(old, { status: 404, code: 'not_found' });
    expect(old.body).not.toContain(personId);
  });

  it('gives the attacker of the finding nothing: 0 of N guesses answer differently for the true value', async () => {
    // The finding's attacker: a role without personal.unmask, walking the hidden digits of a masked phone / ID.
    const phones = (real: string) =>
      Array.from({ length: 100 }, (_, i) => real.slice(0, 9) + String(i).padStart(2, '0'));
    const ids = Array.from({ length: 100 }, (_, i) => residentId('19751231', 400 + i));
    expect(phones(LANDLORD)).toContain(LANDLORD);
    expect(ids).toContain(ID);
    const attacks: {
      name: string;
      candidates: string[];
      real: string;
      send(v: string): Promise<LightMyRequestResponse>;
    }[] = [
      {
        name: 'GET /api/houses?landlordPhone',
        candidates: phones(LANDLORD),
        real: LANDLORD,
        send: (v) => worker.get(`/api/houses?landlordPhone=${v}`),
      },
      {
        name: 'POST /api/houses/search',
        candidates: phones(LANDLORD),
        real: LANDLORD,
        send: (v) => worker.post('/api/houses/search', { landlordPhone: v, reason: '核对' }),
      },
      {
        name: 'GET /api/units?phone',
        candidates: phones(UNIT_PHONE),
        real: UNIT_PHONE,
        send: (v) => worker.get(`/api/units?phone=${v}`),
      },
      {
        name: 'POST /api/units/search',
        candidates: phones(UNIT_PHONE),
        real: UNIT_PHONE,
        send: (v) => worker.post('/api/units/search', { phone: v, reason: '核对' }),
      },
      {
        name: 'GET /api/persons/lookup',
        candidates: ids,
        real: ID,
        send: (v) => worker.get(`/api/persons/lookup?idNumber=${v}`),
      },
      {
        name: 'POST /api/persons/lookup',
        candidates: ids,
        real: ID,
        send: (v) => worker.post('/api/persons/lookup', { idNumber: v, reason: '核对' }),
      },
    ];
    let attempts = 0;
    for (const a of attacks) {
      const answers = new Map<string, string>();
      for (const c of a.candidates) {
        const res = await a.send(c);
        attempts += 1;
        expect(res.statusCode, a.name).toBeGreaterThanOrEqual(400);
        answers.set(c, `${res.statusCode} ${res.body}`);
      }
      // Information = a guess whose answer differs from the answer to a wrong guess.
      const wrong = answers.get(a.candidates.find((c) => c !== a.real)!)!;
      const informative = a.candidates.filter((c) => answers.get(c) !== wrong);
      expect(informative, a.name).toEqual([]);
    }
    expect(attempts).toBe(600);
  });

  it(`limits each user to ${PERSONAL_SEARCH_LIMIT.max} searches per ${PERSONAL_SEARCH_LIMIT.windowMs / 60_000} minutes, counted in the database`, async () => {
    const busy = await userSession(t, {
      username: 'busy',
      roles: ['community_leader'],
      areaCodes: [CITY.communityW],
    });
    const other = await userSession(t, {
      username: 'other',
      roles: ['community_leader'],
      areaCodes: [CITY.communityW],
    });
    const search = (s: Session, i: number) => {
      const f = FILTERS[i % FILTERS.length]!;
      return s.post(f.url, f.body(f.value(), '走访核对'));
    };
    for (let i = 0; i < PERSONAL_SEARCH_LIMIT.max; i++)
      expect((await search(busy, i)).statusCode).toBe(200);
    for (let i = 0; i < FILTERS.length; i++) {
      const limited = await search(busy, i);
      expectRefusal(limited, { status: 429, code: 'rate_limited' });
      expect(limited.json().error).toMatchObject({
        code: 'rate_limited',
        details: { max: 20, windowMinutes: 10 },
      });
    }
    expect((await search(other, 0)).statusCode).toBe(200);
    expect(await searches('busy')).toHaveLength(PERSONAL_SEARCH_LIMIT.max);
    clock.set(
      new Date(clock.now().getTime() + PERSONAL_SEARCH_LIMIT.windowMs + 1000).toISOString(),
    );
    expect((await search(busy, 0)).statusCode).toBe(200);
  });

  it('holds the limit against a parallel burst from one user', async () => {
    const burst = await userSession(t, {
      username: 'burst',
      roles: ['community_leader'],
      areaCodes: [CITY.communityW],
    });
    const all = await Promise.all(
      Array.from({ length: 30 }, () =>
        burst.post('/api/units/search', { phone: UNIT_PHONE, reason: '并发核对' }),
      ),
    );
    const codes = all.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(PERSONAL_SEARCH_LIMIT.max);
    expect(codes.filter((c) => c === 429)).toHaveLength(30 - PERSONAL_SEARCH_LIMIT.max);
    expect(await searches('burst')).toHaveLength(PERSONAL_SEARCH_LIMIT.max);
  });

  it('registration duplicate checks: no personal.unmask needed, but hits are audited and count toward the limit', async () => {
    const clerk = await userSession(t, {
      username: 'clerk',
      roles: ['grid_administrator'],
      areaCodes: [CITY.communityW],
    });
    expect(
      (await clerk.post('/api/persons', personBody(residentId('19900101', 11)))).statusCode,
    ).toBe(201);
    expect(await searches('clerk')).toHaveLength(0); // a new number confirms nothing: only the registration is audited
    const dup = await clerk.post('/api/persons', personBody(ID));
    expect(errorCode(dup)).toBe('duplicate');
    const [entry] = await searches('clerk');
    expect(entry!.detail).toMatchObject({
      module: 'population',
      field: 'idNumber',
      purpose: 'duplicate_check',
      results: 1,
    });
    expect(JSON.stringify(entry)).not.toContain(ID);
    for (let i = 1; i < PERSONAL_SEARCH_LIMIT.max; i++)
      expect(errorCode(await clerk.post('/api/persons', personBody(ID)))).toBe('duplicate');
    // Over the limit every registration waits, a new number too: refusing only hits would answer the question.
    const fresh = await clerk.post('/api/persons', personBody(residentId('19900101', 13)));
    expectRefusal(fresh, { status: 429, code: 'rate_limited' });
    expect(errorCode(await clerk.post('/api/persons', personBody(ID)))).toBe('rate_limited');
    const created = await t.services.db
      .selectFrom('persons')
      .select('id')
      .where('id_hash', '=', t.services.cipher.lookupHash(residentId('19900101', 13)))
      .execute();
    expect(created).toHaveLength(0);
  });
});
