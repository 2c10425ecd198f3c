import { sql, type Kysely } from 'kysely';
import { IndicatorQuerySchema } from '@wangge/shared';
import { createApp, createServices } from '../apps/server/src/app';
import { loadConfig, type DatabaseConfig } from '../apps/server/src/core/config';
import { openDatabase, type DB } from '../apps/server/src/core/db/database';
import { DEMO_PASSWORD, DEMO_DISTRICT_CODE } from '../apps/server/src/modules/demo';
import { caseFacts, toIndicatorCase } from '../apps/server/src/modules/indicators/indicator-facts';
import type { Fact } from '../apps/server/src/modules/indicators/indicator-facts';
import { createIndicatorsRepo } from '../apps/server/src/modules/indicators/indicators.repo';
import type { CaseEventsTable, CasesTable } from '../apps/server/src/modules/cases/cases.tables';
import { prepareDemo } from './bench-cases';
import { openBulkWriter } from './bulk-insert';
import { percentile } from './bench-util';
import { round } from './http-load';
import { syntheticCase, type HistoryContext } from './indicator-history';

/** Tables the fill writes; their secondary indexes are dropped for the fill and built again after it. */
const FILLED = ['cases', 'case_events', 'indicator_facts'];
/** The data spans three years; the measured month sits in the middle of it. */
const FROM = Date.parse('2024-01-01T00:00:00+08:00');
const TO = Date.parse('2026-12-01T00:00:00+08:00');
const MONTH = '2025-06';
const naturalHours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;

/**
 * The indicator engine at scale (issue 12): `total` cases of ~10 events each over three years in the demo district
 * (6 streets, 30 communities, 300 grids), with their facts, then a street's and the district's full monthly indicator
 * set through the service, a community's figures with 环比/同比 through HTTP, and the cost the facts add to one
 * transition (`projectCase` of a 10-event case). Baselines from the same run: one indexed count over the street's
 * month, a trivial query round trip, and an authenticated trivial route of the same server.
 */
export async function benchIndicators(
  database: DatabaseConfig,
  dir: string,
  total: number,
  repeats = 20,
  requests = 200,
) {
  await prepareDemo(database, dir);
  const config = loadConfig({
    ...process.env,
    WANGGE_DATA_DIR: dir,
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
  });
  config.database = database;
  const db = openDatabase(database);
  try {
    const s = createServices({ config, database: db });
    const grids = (await s.areas.tree(s.system, { level: 'grid' })).map((g) => g.code);
    const user = async (username: string) =>
      (
        await db.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    const ctx: HistoryContext = {
      grids,
      departments: (await db.db.selectFrom('departments').select('id').execute()).map((d) => d.id),
      people: {
        inspector: await user('inspector'),
        intake: await user('intake'),
        shift: await user('shift'),
        dispatcher: await user('dispatcher'),
        handler: await user('dept_sz'),
      },
      from: FROM,
      to: TO,
    };
    const t0 = performance.now();
    // A kept database (BENCH_KEEP) already filled to this size is reused as it is.
    const filled = (await filledBefore(db.db, total)) ?? (await fill(db.db, database, ctx, total));
    const fillSeconds = (performance.now() - t0) / 1000;
    process.stderr.write(`indicators bench: ${total} cases filled in ${round(fillSeconds, 1)} s\n`);
    const street = grids[0]!.slice(0, 9);
    const community = grids[0]!.slice(0, 12);

    const figures = (areaCode: string) =>
      s.indicators.figures(
        s.system,
        IndicatorQuerySchema.parse({ object: 'area', areaCode, period: MONTH }),
      );
    const first = await figures(street);
    const streetMs = await timed(repeats, () => figures(street));
    const districtMs = await timed(repeats, () => figures(DEMO_DISTRICT_CODE));
    const p = first.period;
    const oneCountMs = await timed(repeats, () =>
      db.db
        .selectFrom('indicator_facts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('kind', '=', 'report')
        .where('street_code', '=', street)
        .where('at', '>=', p.start)
        .where('at', '<', p.end)
        .executeTakeFirst(),
    );
    const roundTripMs = await timed(repeats, () => sql`select 1`.execute(db.db));

    const http = await benchHttp(config, database, db, community, requests);
    const write = await benchProject(s, db.db, ctx, total, repeats * 10);
    return {
      database: database.kind,
      cases: total,
      events: filled.events,
      facts: filled.facts,
      setup: { fillSeconds: round(fillSeconds, 1), indexSeconds: round(filled.indexSeconds, 1) },
      month: MONTH,
      indicators: Object.keys(first.rows[0]?.figures ?? {}).length,
      streetMonth: { ...streetMs, reportCount: first.rows[0]?.figures.reportCount?.value },
      districtMonth: districtMs,
      baseline: { oneIndexedCount: oneCountMs, roundTrip: roundTripMs },
      http,
      projectCase: write,
      targets: { streetMonthMs: 300, districtMonthMs: 1000, httpCommunityP99Ms: 100 },
    };
  } finally {
    await db.close();
  }
}

async function timed(n: number, fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return {
    runs: n,
    medianMs: round(percentile(ms, 0.5), 2),
    p95Ms: round(percentile(ms, 0.95), 2),
    maxMs: round(ms[ms.length - 1]!, 2),
  };
}

async function filledBefore(db: Kysely<DB>, total: number) {
  const count = async (table: 'cases' | 'case_events' | 'indicator_facts') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  if ((await count('cases')) < total) return null;
  return {
    events: await count('case_events'),
    facts: await count('indicator_facts'),
    indexSeconds: 0,
  };
}

/** Cases, events and facts in big transactions of bulk inserts, without secondary indexes until the end. */
async function fill(db: Kysely<DB>, database: DatabaseConfig, ctx: HistoryContext, total: number) {
  const indexes = await dropIndexes(
    db,
    database.kind,
    database.kind === 'postgres' ? database.schema : undefined,
  );
  const writer = await openBulkWriter(database);
  let events = 0;
  let facts = 0;
  const CHUNK = 2000;
  for (let start = 0; start < total; start += CHUNK) {
    const rows: CasesTable[] = [];
    const evs: CaseEventsTable[] = [];
    const fs: Fact[] = [];
    for (let i = start; i < Math.min(total, start + CHUNK); i++) {
      const c = syntheticCase(i, total, ctx);
      rows.push(c.row);
      evs.push(...c.events);
      fs.push(...caseFacts(toIndicatorCase(c.row, c.events), c.row, naturalHours));
    }
    await writer.write([
      ['cases', rows],
      ['case_events', evs],
      ['indicator_facts', fs],
    ]);
    events += evs.length;
    facts += fs.length;
  }
  await writer.close();
  const t = performance.now();
  for (const ddl of indexes) await sql.raw(ddl).execute(db);
  // The bulk writer bypasses the repo, so the rollups are counted from the facts once (as the migration does).
  await db.transaction().execute((tx) => createIndicatorsRepo(db).rebuildRollups(tx));
  // PostgreSQL: VACUUM too, as autovacuum would have done by the time such a table is read. Without the visibility
  // map of a bulk-filled table, the planner will not read an index alone (the 挂账 partial index) and goes to the heap.
  await sql
    .raw(
      database.kind === 'postgres'
        ? `VACUUM (ANALYZE) ${[...FILLED, 'indicator_rollups'].join(', ')}`
        : 'ANALYZE',
    )
    .execute(db);
  return { events, facts, indexSeconds: (performance.now() - t) / 1000 };
}

/** Drops the filled tables' secondary indexes and returns the DDL that builds them again. */
async function dropIndexes(db: Kysely<DB>, kind: DatabaseConfig['kind'], schema = 'public') {
  if (kind === 'sqlite') {
    const rows = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master
      where type = 'index' and sql is not null and tbl_name in (${sql.join(FILLED)})`.execute(db);
    for (const r of rows.rows) await sql`drop index ${sql.id(r.name)}`.execute(db);
    return rows.rows.map((r) => r.sql);
  }
  const rows = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes
    where schemaname = ${schema} and tablename in (${sql.join(FILLED)})
      and indexname not in (select conname from pg_constraint)`.execute(db);
  for (const r of rows.rows) await sql`drop index ${sql.id(schema, r.indexname)}`.execute(db);
  return rows.rows.map((r) => r.indexdef);
}

/** GET /api/indicators for a community with 环比/同比, sequentially, beside an authenticated trivial route. */
async function benchHttp(
  config: ReturnType<typeof loadConfig>,
  database: DatabaseConfig,
  db: ReturnType<typeof openDatabase>,
  community: string,
  requests: number,
) {
  const built = await createApp({ config, database: db, schemaVersion: 'bench' });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (built.app.server.address() as { port: number }).port;
  try {
    // A leader's session cookie (leaders have no API tokens); GET requests need no CSRF token.
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'qu_leader', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login: ${login.status}`);
    const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]! };
    const run = async (path: string) => {
      const ms: number[] = [];
      for (let i = 0; i < requests + 10; i++) {
        const t = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        if (i >= 10) ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      return {
        requests,
        p50Ms: round(percentile(ms, 0.5), 2),
        p99Ms: round(percentile(ms, 0.99), 2),
      };
    };
    return {
      communityMonthCompare: await run(
        `/api/indicators?areaCode=${community}&period=${MONTH}&compare=1`,
      ),
      bareAuthMe: await run('/api/auth/me'),
      database: database.kind,
    };
  } finally {
    await built.app.close();
  }
}

/** The facts' write cost: `project` (facts of the whole log rewritten) of a 10-event case, in its own transaction. */
async function benchProject(
  s: ReturnType<typeof createServices>,
  db: Kysely<DB>,
  ctx: HistoryContext,
  total: number,
  n: number,
) {
  let c = syntheticCase(0, total, ctx);
  for (let i = 1; c.events.length < 10 || c.events.length > 11; i++)
    c = syntheticCase(i, total, ctx);
  const log = { row: c.row, events: c.events };
  const withProject = await timed(n, () =>
    db.transaction().execute((tx) => s.indicators.project(tx, log)),
  );
  const bare = await timed(n, () => db.transaction().execute((tx) => sql`select 1`.execute(tx)));
  return { events: c.events.length, project: withProject, bareTransaction: bare };
}
