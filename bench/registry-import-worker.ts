// One import of a large persons file in a process of its own, so its peak memory (maxRSS) is the import's alone;
// with `baseline` as third argument it only reads the file's rows with the import's own streaming reader and counts
// them (the bare baseline, its own process).
// Usage (from bench-registries.ts): node --import tsx bench/registry-import-worker.ts <config.json> <file.xlsx> [baseline]
import { readFileSync } from 'node:fs';
import { PERMISSIONS } from '@wangge/shared';
import { createServices } from '../apps/server/src/app';
import { systemActor } from '../apps/server/src/core/auth/actor';
import { scopeOf } from '../apps/server/src/core/auth/area-scope';
import { loadConfig, type DatabaseConfig } from '../apps/server/src/core/config';
import { openDatabase } from '../apps/server/src/core/db/database';
import { openSheet } from '../apps/server/src/modules/imports/sheet-reader';

const [configFile, xlsxFile, mode] = process.argv.slice(2);
const { database, dir, district } = JSON.parse(readFileSync(configFile!, 'utf8')) as {
  database: DatabaseConfig;
  dir: string;
  district: string;
};
const buf = readFileSync(xlsxFile!);
const mib = (n: number) => Math.round(n / 1024 / 1024);
const baseRss = process.memoryUsage().rss;

// Baseline: only reading the same file's rows with the reader the import uses (header row included, as before).
async function countRows(): Promise<number> {
  const sheet = await openSheet(buf);
  let n = 1;
  for await (const _row of sheet.rows) n++;
  await sheet.close();
  return n;
}
let t0 = performance.now();
if (mode === 'baseline') {
  const rows = await countRows();
  process.stdout.write(
    `${JSON.stringify({ rows: rows - 1, readOnlySeconds: Math.round(((performance.now() - t0) / 1000) * 10) / 10, readOnlyPeakRssMiB: mib(process.resourceUsage().maxRSS * 1024) })}\n`,
  );
  process.exit(0);
}

const db = openDatabase(database);
const config = loadConfig({ ...process.env, WANGGE_DATA_DIR: dir, DATABASE_URL: '' });
config.database = database;
const s = createServices({ config, database: db });
const actor = { ...systemActor(PERMISSIONS), scope: scopeOf([district]) };
t0 = performance.now();
const dry = await s.imports.run(actor, 'persons', buf, { mode: 'dry-run', ip: null });
const drySeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
const commit = await s.imports.run(actor, 'persons', buf, { mode: 'commit', ip: null });
const commitSeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
const again = await s.imports.run(actor, 'persons', buf, { mode: 'commit', ip: null });
const againSeconds = (performance.now() - t0) / 1000;
await db.close();
process.stdout.write(
  `${JSON.stringify({
    fileMiB: Math.round((buf.length / 1024 / 1024) * 10) / 10,
    dryRunSeconds: Math.round(drySeconds * 10) / 10,
    commitSeconds: Math.round(commitSeconds * 10) / 10,
    reimportSeconds: Math.round(againSeconds * 10) / 10,
    problems: dry.problemCount,
    firstProblems: dry.problems.slice(0, 3),
    created: commit.created,
    reimportUnchanged: again.unchanged,
    peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    startRssMiB: mib(baseRss),
  })}\n`,
);
