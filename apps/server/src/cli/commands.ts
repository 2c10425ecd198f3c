import { existsSync, readFileSync, rmSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { AREA_LEVELS, GRID_SCHEMES, type AreaLevel, type GridScheme } from '@wangge/shared';
import { createApp, createServices } from '../app';
import { loadConfig, ROOT_DIR, WEB_DIST_DIR, type AppConfig } from '../core/config';
import { rotateKeyFile } from '../core/crypto';
import { createJobRunner } from '../core/jobs';
import { rekeyColumns } from '../core/db/rekey';
import { demoClock, seedDemo } from '../modules/demo';
import { describeDb, ensureFirstAdmin, openMigrated } from './bootstrap';

export interface CommandOptions {
  db?: string;
  port?: number;
  host?: string;
  [key: string]: unknown;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
/** Large outputs to a pipe must be flushed before the process exits. */
const outFlushed = (text: string) =>
  new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
const err = (line: string) => process.stderr.write(`${line}\n`);

function configFor(opts: CommandOptions): AppConfig {
  const config = loadConfig(process.env, opts.db ? { dbFile: opts.db } : {});
  if (opts.port !== undefined) config.port = opts.port;
  if (opts.host !== undefined) config.host = opts.host;
  return config;
}

export async function migrateCommand(opts: CommandOptions): Promise<void> {
  const config = configFor(opts);
  const { database, schemaVersion } = await openMigrated(config);
  out(`${describeDb(config)}: schema ${schemaVersion}`);
  await database.close();
}

/** How `demo --serve` differs from production: quieter log, and the accounts hint under the address. */
interface ServeMode {
  logLevel?: string;
  banner?: string[];
}

export async function serveCommand(opts: CommandOptions, mode: ServeMode = {}): Promise<void> {
  const config = configFor(opts);
  const { database, schemaVersion } = await openMigrated(config);
  const { app, services } = await createApp({
    config,
    database,
    schemaVersion,
    serveWeb: true,
    logger: { level: mode.logLevel ?? config.logLevel },
  });
  await ensureFirstAdmin(services, config, out);
  services.areas.locator.startPolling();
  // Automatic 督办 on overdue steps, then 督办升级 of unanswered ones (docs/supervision.md). Deadlines and 督办
  // times are stored and each change checks the case's version, so every process may sweep safely.
  const sweep = setInterval(() => {
    services.cases
      .sweep()
      .catch((err: unknown) => app.log.error({ err }, 'overdue sweep failed'))
      .then(() => services.supervision.escalate())
      .catch((err: unknown) => app.log.error({ err }, 'supervision escalation failed'));
  }, 60_000);
  sweep.unref();
  // Scheduled work (core/jobs, docs/jobs.md): each due run claimed in the database, so it runs once across every
  // process sharing it, and months missed while no process ran are caught up at start.
  const jobs = createJobRunner({
    db: services.db,
    clock: services.clock,
    jobs: [services.reports.monthlyJob()],
    onError: (err) => app.log.error({ err }, 'scheduled job failed'),
  });
  jobs.start();
  // 12345 webhooks (modules/hotline): every process sends; each row is claimed by one of them.
  services.startHotlineSender((err) => app.log.error({ err }, '12345 webhook delivery failed'));
  if (!existsSync(join(WEB_DIST_DIR, 'index.html')))
    err('web app not built: run `npm run build` to serve the UI (the API works without it)');
  await app.listen({ port: config.port, host: config.host });
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  out('');
  out(`网格 Wangge: http://${host}:${config.port}  (${describeDb(config)})`);
  for (const line of mode.banner ?? []) out(line);
  out('');
  const stop = async () => {
    jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

export async function demoCommand(opts: CommandOptions): Promise<void> {
  const dbFile = opts.db ?? join(ROOT_DIR, 'data/demo.db');
  if (opts.reset)
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined }, { dbFile });
  const { database, schemaVersion } = await openMigrated(config);
  // The demo's history is written with the clock set to each event's time (modules/demo/demo-history.ts).
  const clock = demoClock();
  const services = createServices({ config, database, clock });
  await services.users.syncBuiltinRoles();
  await services.calendar.reload();
  if ((await services.users.userCount()) === 0) {
    const t0 = Date.now();
    const r = await seedDemo(services, Number(opts.seed ?? 42), { clock });
    out(
      `演示城市已生成 / demo city created: ${r.grids} grids, ${r.staff} staff posts, ${r.cases} sample cases, ${r.historyCases} backdated cases, ${r.accounts.length} demo accounts (${Date.now() - t0} ms)`,
    );
  }
  // The 12345 messages the demo's hotline cases call for are queued before the database closes (modules/hotline).
  await services.hotline.settled();
  await database.close();
  out(`schema ${schemaVersion}; database ${dbFile}`);
  if (!opts.serve) return;
  ensureWebBuilt();
  // The demo writes no line per request unless asked (LOG_LEVEL=info): the address above must stay on screen.
  const quiet = !process.env.LOG_LEVEL;
  await serveCommand(
    { ...opts, db: dbFile },
    {
      ...(quiet ? { logLevel: 'warn' } : {}),
      banner: [
        '  演示账号 / demo accounts: admin, intake (受理员), shift (值班长), dispatcher (派遣员), dept_sz (部门),',
        '    g001_informant (民情信息员), jd_leader (街道领导) … — the login page lists them all',
        '  密码 / password: Wangge@2026',
        quiet
          ? '  请求日志 / request log: off (LOG_LEVEL=info writes one line per request)'
          : `  日志级别 / log level: ${process.env.LOG_LEVEL}`,
        '  Ctrl+C 停止 / stops the server',
      ],
    },
  );
}

/** `npm run demo` must work on a fresh clone: build the web app once if it is missing. */
function ensureWebBuilt(): void {
  if (existsSync(join(WEB_DIST_DIR, 'index.html'))) return;
  out('building the web app (first run only)…');
  execSync('npm run build -w apps/web', { cwd: ROOT_DIR, stdio: 'inherit' });
}

export async function importAreasCommand(
  file: string | undefined,
  opts: CommandOptions,
): Promise<number> {
  if (!file) {
    err(
      'usage: wangge import-areas FILE [--crs wgs84|gcj02|bd09] [--level LEVEL] [--code-field F] [--name-field F] [--dry-run]',
    );
    return 2;
  }
  const crs = String(opts.crs ?? 'wgs84');
  if (!['wgs84', 'gcj02', 'bd09'].includes(crs)) {
    err(`unknown --crs ${crs}: use wgs84, gcj02 or bd09`);
    return 2;
  }
  const level = opts.level as string | undefined;
  if (level && !(AREA_LEVELS as readonly string[]).includes(level)) {
    err(`unknown --level ${level}: use ${AREA_LEVELS.join(', ')}`);
    return 2;
  }
  const gridScheme = opts['grid-scheme'] as string | undefined;
  if (gridScheme && !(GRID_SCHEMES as readonly string[]).includes(gridScheme)) {
    err(`unknown --grid-scheme ${gridScheme}: use ${GRID_SCHEMES.join(', ')}`);
    return 2;
  }
  let geojson: unknown;
  try {
    geojson = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (e) {
    err(`cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const config = configFor(opts);
  const { database } = await openMigrated(config);
  try {
    const s = createServices({ config, database });
    const report = await s.areas.import(
      s.system,
      {
        geojson,
        crs: crs as 'wgs84',
        level: level as AreaLevel | undefined,
        codeField: opts['code-field'] as string | undefined,
        nameField: opts['name-field'] as string | undefined,
        parentCode: opts['parent-code'] as string | undefined,
        gridScheme: gridScheme as GridScheme | undefined,
        dryRun: Boolean(opts['dry-run']),
      },
      null,
    );
    for (const e of report.errors) err(`error   #${e.index ?? '-'} ${e.code ?? ''} ${e.reason}`);
    for (const w of report.warnings) err(`warning #${w.index ?? '-'} ${w.code ?? ''} ${w.reason}`);
    out(
      JSON.stringify({
        ok: report.ok,
        committed: report.committed,
        ...report.counts,
        errors: report.errors.length,
        warnings: report.warnings.length,
      }),
    );
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

export async function exportAreasCommand(opts: CommandOptions): Promise<number> {
  const level = opts.level as string | undefined;
  if (level && !(AREA_LEVELS as readonly string[]).includes(level)) {
    err(`unknown --level ${level}: use ${AREA_LEVELS.join(', ')}`);
    return 2;
  }
  const config = configFor(opts);
  const { database } = await openMigrated(config);
  try {
    const s = createServices({ config, database });
    await outFlushed(`${JSON.stringify(await s.areas.geojson(s.system, { level }))}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

/** Rewrites every case's indicator facts from its log (modules/indicators). */
export async function rebuildIndicatorsCommand(opts: CommandOptions): Promise<number> {
  const config = configFor(opts);
  const { database } = await openMigrated(config);
  try {
    const s = createServices({ config, database });
    const cases = await s.indicators.rebuild();
    out(JSON.stringify({ cases }));
    return 0;
  } finally {
    await database.close();
  }
}

/**
 * Rewrites every encrypted column under the current data key. With WANGGE_DATA_KEY set, the operator puts the new key
 * there and the old one in WANGGE_DATA_KEY_PREVIOUS first; with the key file, `--new-key` makes a new data.key and
 * keeps the old one readable in data.key.previous. Resumable: values already under the current key are skipped.
 */
export async function rotateDataKeyCommand(opts: CommandOptions): Promise<number> {
  const config = configFor(opts);
  if (opts['new-key']) {
    if (config.dataKey) {
      err(
        '--new-key works on the key file only; with WANGGE_DATA_KEY set, set the new key there and the old one in WANGGE_DATA_KEY_PREVIOUS',
      );
      return 2;
    }
    rotateKeyFile(config.dataDir);
  }
  const { database } = await openMigrated(config);
  try {
    const s = createServices({ config, database });
    const report = await rekeyColumns(database.db, s.cipher, s.encryptedColumns);
    await s.audit.record({
      action: 'data_key_rotated',
      actor: null,
      detail: { keyId: s.cipher.currentKeyId, tables: report },
    });
    out(JSON.stringify({ keyId: s.cipher.currentKeyId, tables: report }));
    return 0;
  } finally {
    await database.close();
  }
}
