import { join } from 'node:path';
import { scopeOf } from '../apps/server/src/core/auth/area-scope';
import { createServices } from '../apps/server/src/app';
import { loadConfig, ROOT_DIR, type DatabaseConfig } from '../apps/server/src/core/config';
import { openDatabase } from '../apps/server/src/core/db/database';
import { migrateToLatest } from '../apps/server/src/core/db/migrate';
import { seedDemo, DEMO_PASSWORD } from '../apps/server/src/modules/demo';
import type { CasesTable } from '../apps/server/src/modules/cases/cases.tables';
// The queue bench times the scoped SQL itself, so it reads through the repo (the service no longer hands it out).
import { createCasesRepo } from '../apps/server/src/modules/cases/cases.repo';
import { apiToken, percentile, start } from './bench-util';
import { round, runLoad, type LoadResult } from './http-load';

const BIN = join(ROOT_DIR, 'apps/server/bin/wangge.mjs');

/** Builds the demo city in the database the benchmark runs against (any dialect). */
export async function prepareDemo(database: DatabaseConfig, dir: string): Promise<void> {
  const config = loadConfig({ ...process.env, WANGGE_DATA_DIR: dir, DATABASE_URL: '' });
  config.database = database;
  const db = openDatabase(database);
  await migrateToLatest(db.db, db.schema);
  const s = createServices({ config, database: db });
  await s.users.syncBuiltinRoles();
  if ((await s.users.userCount()) === 0) await seedDemo(s, 42);
  await db.close();
}

function serverEnv(database: DatabaseConfig, dir: string): NodeJS.ProcessEnv {
  const base = { ...process.env, WANGGE_DATA_DIR: dir, LOG_LEVEL: 'warn' };
  return database.kind === 'sqlite'
    ? { ...base, DATABASE_URL: `sqlite:${database.file}` }
    : {
        ...base,
        DATABASE_URL: database.url,
        ...(database.schema ? { WANGGE_PG_SCHEMA: database.schema } : {}),
      };
}

/**
 * Case intake over HTTP: a report with locate, deadline and event log, at saturation and at half that rate, beside
 * a bare Fastify route inserting one row into the same database. Both servers run at once and the saturation runs
 * alternate (real, bare, real, bare…): this machine's disk slows and speeds up by a factor of two from minute to
 * minute, so the ratio is the median of the rounds' ratios, each pair measured under the same conditions.
 */
export async function benchIntake(
  database: DatabaseConfig,
  dir: string,
  seconds: number,
  rounds = 3,
) {
  await prepareDemo(database, dir);
  const port = 19000 + Math.floor(Math.random() * 500);
  const env = serverEnv(database, dir);
  // Demo district extent (WGS84), shrunk so every point falls inside a grid.
  const box = [113.65, 34.755, 113.75, 34.805];
  let seed = 7;
  const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const bodies = Array.from({ length: 4000 }, (_, i) =>
    JSON.stringify({
      lng: box[0]! + r() * (box[2]! - box[0]!),
      lat: box[1]! + r() * (box[3]! - box[1]!),
      address: `基准测试地址 ${i}`,
      description: '路边堆放生活垃圾',
      classCode: '06010',
    }),
  );
  const paths = bodies.map(() => '/api/cases');
  const target = database.kind === 'sqlite' ? database.file : database.url;
  const server = await start(
    process.execPath,
    [BIN, 'serve', '--port', String(port)],
    env,
    /Wangge: http/,
  );
  const bare = await start(
    process.execPath,
    [join(ROOT_DIR, 'bench/bare-server.mjs'), String(port + 1), target],
    env,
    /listening/,
  );
  const real: LoadResult[] = [];
  const base: LoadResult[] = [];
  let paced;
  try {
    const token = await apiToken(port, 'admin', DEMO_PASSWORD);
    const headers = { authorization: `Bearer ${token}` };
    for (let round = 0; round < rounds; round++) {
      real.push(
        await runLoad({
          port,
          paths,
          bodies,
          method: 'POST',
          okStatus: [201],
          headers,
          connections: 4,
          seconds,
        }),
      );
      base.push(
        await runLoad({
          port: port + 1,
          paths: paths.map(() => '/bare-insert'),
          bodies,
          method: 'POST',
          okStatus: [201],
          connections: 4,
          seconds,
        }),
      );
    }
    const rate = median(real.map((x) => x.requestsPerSec));
    paced = await runLoad({
      port,
      paths,
      bodies,
      method: 'POST',
      okStatus: [201],
      headers,
      connections: 4,
      seconds,
      ratePerSec: Math.max(1, Math.floor(rate / 2)),
    });
  } finally {
    server.kill('SIGTERM');
    bare.kill('SIGTERM');
  }
  const casesPerSec = median(real.map((x) => x.requestsPerSec));
  return {
    database: database.kind,
    connections: 4,
    rounds: real.map((x, i) => ({
      casesPerSec: x.requestsPerSec,
      p99Ms: x.p99Ms,
      bareRequestsPerSec: base[i]!.requestsPerSec,
      ratio: round(x.requestsPerSec / base[i]!.requestsPerSec, 3),
    })),
    casesPerSec,
    p99Ms: median(real.map((x) => x.p99Ms)),
    errors: real.reduce((n, x) => n + x.errors, 0),
    atHalfRate: {
      ratePerSec: Math.floor(casesPerSec / 2),
      achieved: paced.requestsPerSec,
      p99Ms: paced.p99Ms,
      p50Ms: paced.p50Ms,
    },
    bareInsert: {
      requestsPerSec: median(base.map((x) => x.requestsPerSec)),
      p99Ms: median(base.map((x) => x.p99Ms)),
    },
    ratio: round(median(real.map((x, i) => x.requestsPerSec / base[i]!.requestsPerSec)), 3),
    targets: { ratio: 0.25, casesPerSecSqlite: 1000, p99AtHalfRateMs: 20 },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The scoped queue at scale: `total` cases spread over the demo city's streets, then the
 * 50 most urgent open cases of one street, timed over many queries.
 */
export async function benchQueue(
  database: DatabaseConfig,
  dir: string,
  total: number,
  queries = 300,
) {
  await prepareDemo(database, dir);
  const db = openDatabase(database);
  try {
    const config = loadConfig({ ...process.env, WANGGE_DATA_DIR: dir, DATABASE_URL: '' });
    config.database = database;
    const s = createServices({ config, database: db });
    const grids = (await s.areas.tree(s.system, { level: 'grid' })).map((g) => g.code);
    const t0 = performance.now();
    await fill(db.db, grids, total);
    const fillSeconds = (performance.now() - t0) / 1000;
    const streets = [...new Set(grids.map((g) => g.slice(0, 9)))];
    const times: number[] = [];
    for (let i = 0; i < queries + 20; i++) {
      const scope = scopeOf([streets[i % streets.length]!]);
      const q0 = performance.now();
      const rows = await createCasesRepo(db.db).list(scope, { open: true, limit: 50, offset: 0 });
      if (i >= 20) times.push(performance.now() - q0);
      if (rows.length === 0) throw new Error('queue bench: empty page');
    }
    times.sort((a, b) => a - b);
    return {
      database: database.kind,
      cases: total,
      fillSeconds: round(fillSeconds, 1),
      queries,
      p50Ms: round(percentile(times, 0.5), 2),
      p99Ms: round(percentile(times, 0.99), 2),
      target: { p99Ms: 50 },
    };
  } finally {
    await db.close();
  }
}

/** Bulk rows straight through the repo's table (the benchmark's fixture, not a product path). */
async function fill(kdb: ReturnType<typeof openDatabase>['db'], grids: string[], total: number) {
  const now = Date.now();
  // 37 columns: 500 rows stay under SQLite's 32,766 bound parameters.
  const batch = 500;
  const STATES = [
    'pending_acceptance',
    'pending_dispatch',
    'handling',
    'handling',
    'pending_check',
    'closed',
    'closed',
    'closed',
    'closed',
    'closed',
  ];
  for (let start = 0; start < total; start += batch) {
    const rows: CasesTable[] = [];
    for (let i = start; i < Math.min(total, start + batch); i++) {
      const grid = grids[i % grids.length]!;
      const state = STATES[i % STATES.length]!;
      const open = state !== 'closed';
      const created = new Date(now - (total - i) * 30_000).toISOString();
      rows.push({
        id: `bench-${i.toString().padStart(8, '0')}`,
        case_no: `BJ${i.toString().padStart(12, '0')}`,
        state,
        is_open: open ? 1 : 0,
        version: 1,
        source: 'patrol',
        kind: 'matter',
        class_code: '06010',
        condition_id: null,
        component_id: null,
        admin_code: grid.slice(0, 6),
        street_code: grid.slice(0, 9),
        community_code: grid.slice(0, 12),
        grid_code: grid,
        grid_version: 1,
        lng: 113.7,
        lat: 34.78,
        address: '基准',
        description: '基准测试案件',
        reporter_id: null,
        idempotency_key: null,
        handling_dept_id: null,
        master_case_id: null,
        close_reason: open ? null : 'fixed',
        supervision_level: null,
        urgent: 0,
        rework_count: 0,
        reopen_count: 0,
        step: open ? 'handle' : null,
        step_started_at: created,
        step_limit: null,
        due_at: open
          ? new Date(now + ((i * 7919) % 600_000) * 1000 - 86_400_000).toISOString()
          : '9999-12-31T00:00:00.000Z',
        deadline_at: null,
        registered_at: created,
        closed_at: open ? null : created,
        snapshot: '{"clocks":{},"pendingRequests":{},"photos":[]}',
        created_at: created,
        updated_at: created,
      });
    }
    await kdb.insertInto('cases').values(rows).execute();
  }
}
