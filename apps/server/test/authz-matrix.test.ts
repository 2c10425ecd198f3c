import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY, createUser, login, type Session } from './factories';
import { createTestApp, type TestApp } from './test-app';
import { buildMatrixWorld, fillUrl, type MatrixWorld, type RecordKind } from './authz-fixtures';
import { MATRIX } from './authz-matrix.table';

/**
 * Every API route × every built-in role × a record inside and outside the caller's area, checked through HTTP
 * against the one table in authz-matrix.table.ts. A new route without a row, or a route whose permission differs
 * from its row, fails here.
 */
let t: TestApp;
let world: MatrixWorld;
const apiRoutes = () => t.routes.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD');
/** Routes with a row (the first test names those without). */
const rowed = () => apiRoutes().filter((r) => MATRIX[key(r)]);
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** Where an administrator reads each kind of record, to prove a refused write changed nothing. */
const READ_URL: Partial<Record<RecordKind, string>> = {
  user: '/api/users/:id',
  area: '/api/areas/:id',
  staffAssignment: '/api/areas/:id',
  department: '/api/departments/:id',
  case: '/api/cases/:id',
  component: '/api/components/:id',
  address: '/api/addresses/:id',
  house: '/api/houses/:id',
  person: '/api/persons/:id',
  unit: '/api/units/:id',
  employee: '/api/units/:id',
  place: '/api/places/:id',
  membership: '/api/special-memberships/:id',
  visitTask: '/api/visits/tasks/:id',
  residentFile: '/api/resident-files/:id',
};

function send(s: Session, method: string, url: string, body?: unknown) {
  const headers = { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) };
  return t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(method === 'GET' || method === 'DELETE' ? {} : { payload: (body ?? {}) as object }),
  });
}

beforeAll(async () => {
  // A fixed clock keeps deadlines and lights still, so a record read twice reads the same.
  t = await createTestApp({ clock: { now: () => new Date('2026-11-30T01:00:00Z') } });
  world = await buildMatrixWorld(t);
}, 120_000);
afterAll(async () => t?.close());

describe('authorization matrix', () => {
  it('has exactly one row per API route, and each route demands the permission and scope of its row', () => {
    const routes = apiRoutes();
    const missing = routes.filter((r) => !MATRIX[key(r)]).map(key);
    expect(missing, 'routes without a row in authz-matrix.table.ts').toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !routes.some((r) => key(r) === k));
    expect(stale, 'rows for routes that no longer exist').toEqual([]);
    for (const r of routes) {
      const row = MATRIX[key(r)]!;
      const declared = r.auth?.public
        ? { perm: 'public', scope: 'public' }
        : { perm: r.auth?.permission, scope: r.auth?.scope };
      expect(declared, key(r)).toEqual({ perm: row.perm, scope: row.scope });
    }
  });

  it('refuses each built-in role the routes it lacks the permission for (403) and lets it past the guard otherwise', async () => {
    const roles = (await world.admin.get('/api/roles')).json().items as {
      code: string;
      builtin?: boolean;
      permissions: string[];
    }[];
    const builtin = roles.filter((r) => r.code !== 'matrix_all');
    expect(builtin.length).toBeGreaterThanOrEqual(14);
    const wrong: string[] = [];
    let calls = 0;
    for (const role of builtin) {
      const username = `matrix_role_${role.code}`;
      await createUser(t, { username, roles: [role.code], areaCodes: [CITY.district] });
      const s = await login(t, username);
      const has = new Set(role.permissions);
      // Logging out ends the session the other calls use: it goes last.
      const routes = rowed().sort(
        (a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'),
      );
      for (const r of routes) {
        const row = MATRIX[key(r)]!;
        if (row.perm === 'public' || r.url === '/api/live/cases') continue;
        // Unknown ids: a call that passes the guard ends in 400 or 404, never touching a real record.
        const res = await send(s, r.method, fillUrl(r.url));
        calls++;
        const allowed = row.perm === 'authenticated' || has.has(row.perm);
        const refused = res.statusCode === 403 && res.json().error.code === 'forbidden';
        if (allowed === refused || res.statusCode === 401 || res.statusCode >= 500)
          wrong.push(
            `${role.code} ${key(r)} → ${res.statusCode} ${res.statusCode >= 500 ? res.body.slice(0, 200) : ''} (${allowed ? 'allowed' : 'refused'} expected)`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(1_500);
  }, 240_000);

  it('reads records inside the caller’s area and answers 404 for the same kind outside it', async () => {
    const wrong: string[] = [];
    for (const r of rowed().filter((x) => x.method === 'GET' && MATRIX[key(x)]!.record)) {
      const { own, other } = world.records[MATRIX[key(r)]!.record!];
      const mine = await send(world.scoped, 'GET', fillUrl(r.url, own));
      const theirs = await send(world.scoped, 'GET', fillUrl(r.url, other));
      if (mine.statusCode !== 200)
        wrong.push(`${key(r)} own → ${mine.statusCode} ${mine.body.slice(0, 120)}`);
      if (theirs.statusCode !== 404) wrong.push(`${key(r)} other → ${theirs.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses writes on records outside the caller’s area (403 or 404) and changes nothing', async () => {
    const wrong: string[] = [];
    const writes = rowed().filter((x) => x.method !== 'GET' && MATRIX[key(x)]!.record);
    expect(writes.length).toBeGreaterThan(25);
    for (const r of writes) {
      const row = MATRIX[key(r)]!;
      const { own, other } = world.records[row.record!];
      const readUrl = READ_URL[row.record!];
      const before = readUrl ? (await world.admin.get(fillUrl(readUrl, other))).body : null;
      const res = await send(world.scoped, r.method, fillUrl(r.url, other), row.body?.(own, other));
      if (res.statusCode !== 403 && res.statusCode !== 404)
        wrong.push(`${key(r)} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      if (readUrl && (await world.admin.get(fillUrl(readUrl, other))).body !== before)
        wrong.push(`${key(r)} changed the record`);
    }
    expect(wrong).toEqual([]);
  });
});
