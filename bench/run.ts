import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../apps/server/src/app';
import { loadConfig, ROOT_DIR } from '../apps/server/src/core/config';
import { openDatabase } from '../apps/server/src/core/db/database';
import { resetPostgresSchema, dropPostgresSchema } from '../apps/server/src/core/db/dialect';
import { migrateToLatest } from '../apps/server/src/core/db/migrate';
import { bareLocateBaseline, LocateIndex } from '../apps/server/src/modules/areas/geo/locate-index';
import { runLoad, round } from './http-load';
import { benchIntake, benchQueue } from './bench-cases';
import { benchCli } from './bench-cli';
import { benchFirstLoad } from './bench-first-load';
import { benchFieldApp } from './bench-field-app';
import { benchIndicators } from './bench-indicators';
import { benchOpen311 } from './bench-open311';
import { benchScreen } from './bench-screen';
import { benchRegistryImport, benchRegistryLookups } from './bench-registries';
import { apiToken, start } from './bench-util';
import { syntheticCity } from './synthetic-city';

/**
 * `npm run bench`: every figure beside a bare baseline measured in the same run, as JSON.
 * Targets are reported, never asserted: a slow machine should not fail a build.
 */
export async function runBenchmarks(opts: {
  only?: string | undefined;
  quick: boolean;
}): Promise<void> {
  const want = (name: string) => !opts.only || opts.only.split(',').includes(name);
  // BENCH_DB=postgres skips the SQLite half of the database benchmarks (a 1M-row SQLite fill takes a quarter hour).
  const sqlite = <T>(fn: () => Promise<T>) =>
    process.env.BENCH_DB && !process.env.BENCH_DB.split(',').includes('sqlite')
      ? Promise.resolve({ skipped: 'BENCH_DB' })
      : fn();
  // BENCH_KEEP=<dir>: keep the databases (SQLite files there, PostgreSQL schemas bench_<name>_keep) and reuse a filled
  // one on the next run, so a 1M-case benchmark can be repeated without its quarter-hour fill.
  const keep = process.env.BENCH_KEEP;
  if (keep) mkdirSync(keep, { recursive: true });
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'wangge-bench-'));
  const result: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    quick: opts.quick,
  };
  const city = syntheticCity(10_000);
  const dbFile = join(dir, 'bench.db');
  try {
    if (want('locate')) result.locate = benchLocate(city, opts.quick ? 200_000 : 1_000_000);
    if (want('import') || want('locate-http')) {
      result.importSqlite = await benchImport(city, { kind: 'sqlite', file: dbFile }, dir);
      const pgUrl =
        process.env.BENCH_PG_URL ??
        (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined);
      if (pgUrl && want('import')) {
        const schema = `bench_${Date.now().toString(36)}`;
        await resetPostgresSchema(pgUrl, schema);
        try {
          result.importPostgres = await benchImport(
            city,
            { kind: 'postgres', url: pgUrl, schema },
            dir,
          );
        } finally {
          await dropPostgresSchema(pgUrl, schema);
        }
      }
    }
    if (want('locate-http'))
      result.locateHttp = await benchLocateHttp(city, dbFile, dir, opts.quick ? 3 : 8);
    const pg =
      process.env.BENCH_PG_URL ??
      (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined);
    const withPg = async <T>(
      name: string,
      fn: (db: { kind: 'postgres'; url: string; schema: string }) => Promise<T>,
    ) => {
      if (!pg)
        return { skipped: 'set BENCH_PG_URL (or DATABASE_URL=postgres://…) to run on PostgreSQL' };
      if (keep) {
        await resetPostgresSchema(pg, `bench_${name}_keep`, { keep: true });
        return fn({ kind: 'postgres', url: pg, schema: `bench_${name}_keep` });
      }
      const schema = `bench_${name}_${Date.now().toString(36)}`;
      await resetPostgresSchema(pg, schema);
      try {
        return await fn({ kind: 'postgres', url: pg, schema });
      } finally {
        await dropPostgresSchema(pg, schema);
      }
    };
    if (want('intake')) {
      result.intakeSqlite = await sqlite(() =>
        benchIntake({ kind: 'sqlite', file: join(dir, 'intake.db') }, dir, opts.quick ? 3 : 8),
      );
      result.intakePostgres = await withPg('intake', (db) =>
        benchIntake(db, dir, opts.quick ? 3 : 8),
      );
    }
    if (want('queue')) {
      const total = opts.quick ? 100_000 : 1_000_000;
      result.queueSqlite = await sqlite(() =>
        benchQueue({ kind: 'sqlite', file: join(dir, 'queue.db') }, dir, total),
      );
      result.queuePostgres = await withPg('queue', (db) => benchQueue(db, dir, total));
    }
    if (want('registry')) {
      const persons = opts.quick ? 100_000 : 1_000_000;
      const houses = opts.quick ? 40_000 : 400_000;
      result.registrySqlite = await sqlite(() =>
        benchRegistryLookups(
          { kind: 'sqlite', file: join(dir, 'registry.db') },
          dir,
          persons,
          houses,
        ),
      );
      result.registryPostgres = await withPg('registry', (db) =>
        benchRegistryLookups(db, dir, persons, houses),
      );
    }
    if (want('registry-import')) {
      const rows = opts.quick ? 10_000 : 100_000;
      result.registryImportSqlite = await sqlite(() =>
        benchRegistryImport({ kind: 'sqlite', file: join(dir, 'registry-import.db') }, dir, rows),
      );
      result.registryImportPostgres = await withPg('rimport', (db) =>
        benchRegistryImport(db, dir, rows),
      );
    }
    // A street's and the district's monthly indicators over 1,000,000 cases (20,000 in --quick).
    if (want('indicators')) {
      const cases = opts.quick ? 20_000 : 1_000_000;
      result.indicatorsSqlite = await sqlite(() =>
        benchIndicators({ kind: 'sqlite', file: join(dir, 'indicators.db') }, dir, cases),
      );
      result.indicatorsPostgres = await withPg('ind', (db) => benchIndicators(db, dir, cases));
    }
    // Open311 GET requests.json, a page of 50 with filters, over 1,000,000 cases (20,000 in --quick).
    if (want('open311')) {
      const cases = opts.quick ? 20_000 : 1_000_000;
      result.open311Sqlite = await sqlite(() =>
        benchOpen311({ kind: 'sqlite', file: join(dir, 'open311.db') }, dir, cases),
      );
      result.open311Postgres = await withPg('o311', (db) => benchOpen311(db, dir, cases));
    }
    if (want('first-load')) result.firstLoad = await benchFirstLoad(dir, opts.quick ? 3 : 7);
    // The field app's shell on a throttled phone beside the staff login page (docs/field-app.md).
    if (want('field-app')) result.fieldApp = await benchFieldApp(dir, opts.quick ? 3 : 7);
    if (want('cli')) result.cli = benchCli(opts.quick ? 5 : 15);
    // The 大屏 for 10 minutes at 20 case events a second (30 s in --quick).
    if (want('screen')) result.screen = await benchScreen(dir, opts.quick ? 30 : 600);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

function randomPoints(n: number, extent: [number, number, number, number], seed = 1): Float64Array {
  const pts = new Float64Array(n * 2);
  let s = seed;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < n; i++) {
    pts[i * 2] = extent[0] + r() * (extent[2] - extent[0]);
    pts[i * 2 + 1] = extent[1] + r() * (extent[3] - extent[1]);
  }
  return pts;
}

function benchLocate(city: ReturnType<typeof syntheticCity>, n: number) {
  const bare = bareLocateBaseline(city.gridRings);
  const index = new LocateIndex(
    city.gridRings.map((ring, i) => ({
      id: String(i),
      geometry: { type: 'Polygon', coordinates: [ring] },
    })),
  );
  const pts = randomPoints(n, city.extent);
  let sink = 0;
  const time = (fn: (x: number, y: number) => unknown) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) if (fn(pts[i * 2]!, pts[i * 2 + 1]!) !== null) sink++;
    return n / ((performance.now() - t0) / 1000);
  };
  // Alternate the two so neither profits from a warmer machine; keep each one's best round.
  let bestBare = 0;
  let bestIndex = 0;
  for (let round = 0; round < 4; round++) {
    bestBare = Math.max(bestBare, time(bare));
    bestIndex = Math.max(
      bestIndex,
      time((x, y) => index.locate(x, y)),
    );
  }
  return {
    grids: city.gridRings.length,
    points: n,
    indexPointsPerSec: Math.round(bestIndex),
    barePointsPerSec: Math.round(bestBare),
    ratio: round(bestIndex / bestBare, 3),
    target: 0.7,
    checksum: sink,
  };
}

async function benchImport(
  city: ReturnType<typeof syntheticCity>,
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema: string },
  dir: string,
) {
  const config = loadConfig({ ...process.env, WANGGE_DATA_DIR: dir, DATABASE_URL: '' });
  config.database = database;
  const db = openDatabase(database);
  await migrateToLatest(db.db, db.schema);
  const s = createServices({ config, database: db });
  await s.users.syncBuiltinRoles();
  const t0 = performance.now();
  const report = await s.areas.import(
    s.system,
    { geojson: city.featureCollection, crs: 'wgs84', dryRun: false },
    null,
  );
  const seconds = (performance.now() - t0) / 1000;
  await db.close();
  if (!report.ok)
    throw new Error(`bench import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return {
    database: database.kind,
    features: report.counts.features,
    grids: city.gridRings.length,
    seconds: round(seconds, 2),
    warnings: report.warnings.length,
    target: 10,
  };
}

async function benchLocateHttp(
  city: ReturnType<typeof syntheticCity>,
  dbFile: string,
  dir: string,
  seconds: number,
) {
  const portA = 18000 + Math.floor(Math.random() * 1000);
  const portB = portA + 1;
  const env = {
    ...process.env,
    DATABASE_URL: '',
    WANGGE_DATA_DIR: dir,
    WANGGE_ADMIN_PASSWORD: 'Bench-password-1',
    LOG_LEVEL: 'warn',
  };
  const server = await start(
    process.execPath,
    [
      join(ROOT_DIR, 'apps/server/bin/wangge.mjs'),
      'serve',
      '--db',
      dbFile,
      '--port',
      String(portA),
    ],
    env,
    /Wangge: http/,
  );
  const bare = await start(
    process.execPath,
    [join(ROOT_DIR, 'bench/bare-server.mjs'), String(portB)],
    env,
    /listening/,
  );
  try {
    const token = await apiToken(portA, 'admin', 'Bench-password-1');
    const pts = randomPoints(10_000, city.extent, 3);
    const locatePaths = Array.from(
      { length: 10_000 },
      (_, i) => `/api/areas/locate?lng=${pts[i * 2]!.toFixed(6)}&lat=${pts[i * 2 + 1]!.toFixed(6)}`,
    );
    // Run the baseline between two halves of the real one to even out drift.
    const a1 = await runLoad({
      port: portA,
      paths: locatePaths,
      headers: { authorization: `Bearer ${token}` },
      connections: 2,
      seconds: seconds / 2,
    });
    const b = await runLoad({ port: portB, paths: ['/bare'], connections: 2, seconds });
    const a2 = await runLoad({
      port: portA,
      paths: locatePaths,
      headers: { authorization: `Bearer ${token}` },
      connections: 2,
      seconds: seconds / 2,
    });
    const rps = round((a1.requests + a2.requests) / (a1.seconds + a2.seconds));
    return {
      connections: 2,
      grids: city.gridRings.length,
      locate: {
        requestsPerSec: rps,
        p99Ms: Math.max(a1.p99Ms, a2.p99Ms),
        p50Ms: a1.p50Ms,
        errors: a1.errors + a2.errors,
      },
      bare: { requestsPerSec: b.requestsPerSec, p99Ms: b.p99Ms, p50Ms: b.p50Ms, errors: b.errors },
      ratio: round(rps / b.requestsPerSec, 3),
      target: 0.6,
    };
  } finally {
    server.kill('SIGTERM');
    bare.kill('SIGTERM');
  }
}
