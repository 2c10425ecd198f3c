import { sql } from 'kysely';
import { createApp } from '../apps/server/src/app';
import { loadConfig, type DatabaseConfig } from '../apps/server/src/core/config';
import { openDatabase } from '../apps/server/src/core/db/database';
import type { CasesTable } from '../apps/server/src/modules/cases/cases.tables';
import { prepareDemo } from './bench-cases';
import { percentile } from './bench-util';
import { round } from './http-load';

// Public classes the synthetic reports are filed under (the demo's dictionary has them all).
const CODES = ['06010', '06011', '06012', '06013', '06014'];
const STATES = ['pending_acceptance', 'handling', 'handling', 'pending_check', 'closed', 'closed'];

/**
 * Open311 GET requests.json over `total` synthetic cases (docs/open311.md): a page of 50 with the spec's filters
 * (service_code, status, a date window, the page extension) and by id list, sequentially over HTTP, beside
 * GET /api/health on the same server (the bare baseline: routing, guard and serialisation without a query).
 */
export async function benchOpen311(
  database: DatabaseConfig,
  dir: string,
  total: number,
  requests = 300,
) {
  await prepareDemo(database, dir);
  const db = openDatabase(database);
  try {
    const config = loadConfig({
      ...process.env,
      WANGGE_DATA_DIR: dir,
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
    });
    config.database = database;
    const grids = (
      await db.db.selectFrom('areas').select('code').where('level', '=', 'grid').execute()
    ).map((g) => g.code);
    const t0 = performance.now();
    const now = Date.now();
    await fill(db.db, grids, total, now);
    await sql.raw('ANALYZE').execute(db.db);
    const fillSeconds = (performance.now() - t0) / 1000;

    const built = await createApp({ config, database: db, schemaVersion: 'bench' });
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (built.app.server.address() as { port: number }).port;
    const day = 86_400_000;
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    // Report times span total × 30 s back from now; windows are picked inside that span.
    const spanMs = total * 30_000;
    const paths = {
      defaultWindow: (i: number) => `/open311/v2/requests.json?page_size=50&page=${1 + (i % 5)}`,
      filtered: (i: number) =>
        `/open311/v2/requests.json?service_code=${CODES[i % CODES.length]},${CODES[(i + 1) % CODES.length]}&status=open&page_size=50&page=${1 + (i % 3)}`,
      dateWindow: (i: number) => {
        const end = now - ((i * 7919) % Math.max(1, spanMs - 30 * day));
        return `/open311/v2/requests.json?start_date=${iso(end - 30 * day)}&end_date=${iso(end)}&status=closed&page_size=50`;
      },
      byIds: (i: number) =>
        `/open311/v2/requests.json?service_request_id=${Array.from({ length: 50 }, (_, k) => caseNo((i * 50 + k) % total)).join(',')}`,
      bareHealth: () => '/api/health',
    };
    const run = async (path: (i: number) => string) => {
      const ms: number[] = [];
      let items = 0;
      for (let i = 0; i < requests + 10; i++) {
        const t = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}${path(i)}`);
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${path(i)}: ${res.status} ${body.slice(0, 200)}`);
        if (i >= 10) ms.push(performance.now() - t);
        if (body.startsWith('[')) items += (JSON.parse(body) as unknown[]).length;
      }
      ms.sort((a, b) => a - b);
      return {
        requests,
        meanItems: round(items / (requests + 10), 1),
        p50Ms: round(percentile(ms, 0.5), 2),
        p99Ms: round(percentile(ms, 0.99), 2),
      };
    };
    try {
      const out: Record<string, unknown> = {
        database: database.kind,
        cases: total,
        fillSeconds: round(fillSeconds, 1),
      };
      for (const [name, path] of Object.entries(paths)) out[name] = await run(path);
      return { ...out, target: { p99Ms: 50 } };
    } finally {
      await built.app.close();
    }
  } finally {
    await db.close();
  }
}

const caseNo = (i: number) => `OJ${i.toString().padStart(12, '0')}`;

/** Bulk rows straight into the cases table (the benchmark's fixture, not a product path). */
async function fill(
  kdb: ReturnType<typeof openDatabase>['db'],
  grids: string[],
  total: number,
  now: number,
) {
  // 37 columns: 500 rows stay under SQLite's 32,766 bound parameters.
  const batch = 500;
  for (let start = 0; start < total; start += batch) {
    const rows: CasesTable[] = [];
    for (let i = start; i < Math.min(total, start + batch); i++) {
      const grid = grids[i % grids.length]!;
      const state = STATES[i % STATES.length]!;
      const open = state !== 'closed';
      const created = new Date(now - (total - i) * 30_000).toISOString();
      rows.push({
        id: `o311-${i.toString().padStart(8, '0')}`,
        case_no: caseNo(i),
        state,
        is_open: open ? 1 : 0,
        version: 1,
        source: i % 4 === 0 ? 'open311' : 'public',
        kind: 'matter',
        class_code: CODES[(i * 7) % CODES.length]!,
        condition_id: null,
        component_id: null,
        admin_code: grid.slice(0, 6),
        street_code: grid.slice(0, 9),
        community_code: grid.slice(0, 12),
        grid_code: grid,
        grid_version: 1,
        lng: 113.7,
        lat: 34.78,
        address: '基准测试路 1 号',
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
        due_at: '9999-12-31T00:00:00.000Z',
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
