import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { PERMISSIONS, idCheckChar, maskIdNumber, normalizeNameSearch } from '@wangge/shared';
import { scopeOf } from '../apps/server/src/core/auth/area-scope';
import { systemActor, type Actor } from '../apps/server/src/core/auth/actor';
import { createServices } from '../apps/server/src/app';
import { loadConfig, ROOT_DIR, type DatabaseConfig } from '../apps/server/src/core/config';
import { openDatabase } from '../apps/server/src/core/db/database';
import type { FieldCipher } from '../apps/server/src/core/crypto';
import type { AddressesTable } from '../apps/server/src/modules/addresses/addresses.tables';
import type { HousesTable } from '../apps/server/src/modules/housing/housing.tables';
import type { PersonsTable } from '../apps/server/src/modules/population/population.tables';
import { prepareDemo } from './bench-cases';
import { percentile } from './bench-util';
import { round } from './http-load';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯健俊帆帅旭宁欣怡梓涵子轩雨晨思琪博文';

/** A valid 公民身份号码, distinct for every i below 1,080,000: the thousands pick region and birth date, the rest the sequence. */
export function benchIdNumber(i: number): string {
  const j = Math.floor(i / 1000);
  const region = `4101${String(10 + (j % 90)).padStart(2, '0')}`;
  const k = Math.floor(j / 90);
  const birth = `${1950 + k * 5}${String(1 + (k % 12)).padStart(2, '0')}${String(1 + k).padStart(2, '0')}`;
  const first17 = `${region}${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export function benchName(i: number): string {
  // Hashed, so every community gets every surname whatever the grid count.
  const s = SURNAMES[(Math.imul(i, 2654435761) >>> 0) % SURNAMES.length]!;
  const g1 = GIVEN[(i * 7) % GIVEN.length]!;
  const g2 = GIVEN[(i * 13 + 5) % GIVEN.length]!;
  return i % 3 === 0 ? `${s}${g1}` : `${s}${g1}${g2}`;
}

/** Bulk rows straight into the tables (the benchmark's fixture, not a product path): rooms, houses, persons. */
async function fill(
  s: ReturnType<typeof createServices>,
  grids: string[],
  persons: number,
  houses: number,
) {
  const now = new Date().toISOString();
  const cipher: FieldCipher = s.cipher;
  // The fixture's own setting: a bigger page cache keeps a million random index inserts off the disk (the server's
  // default cache serves its queries, which is what is measured).
  if (s.db.getExecutor().adapter.constructor.name.startsWith('Sqlite'))
    await sql`PRAGMA cache_size = -262144`.execute(s.db);
  const roots = new Map<string, string>();
  for (const grid of grids) {
    const id = `bench-root-${grid}`;
    roots.set(grid, id);
    await s.db
      .insertInto('addresses')
      .values({
        id,
        parent_id: null,
        parent_key: 'root',
        level: 'street_lane',
        name: `基准路${grid}`,
        name_key: `基准路${grid}`,
        sort_key: grid,
        full_name: `基准路${grid}`,
        search_text: `基准路${grid}`,
        former_names: '[]',
        lng: null,
        lat: null,
        admin_code: grid.slice(0, 6),
        street_code: grid.slice(0, 9),
        community_code: grid.slice(0, 12),
        grid_code: grid,
        place_code: grid,
        building_info: null,
        version: 1,
        created_at: now,
        updated_at: now,
      } as AddressesTable)
      .execute();
  }
  const batch = 400;
  for (let start = 0; start < houses; start += batch) {
    const addr: AddressesTable[] = [];
    const hs: HousesTable[] = [];
    for (let i = start; i < Math.min(houses, start + batch); i++) {
      const grid = grids[i % grids.length]!;
      const name = `${1 + (i % 30)}号楼${1 + ((i >> 5) % 6)}单元${String(i).padStart(7, '0')}室`;
      const full = `基准路${grid}${name}`;
      addr.push({
        id: `bench-a-${i}`,
        parent_id: roots.get(grid)!,
        parent_key: roots.get(grid)!,
        level: 'room',
        name,
        name_key: name,
        sort_key: name,
        full_name: full,
        search_text: full,
        former_names: '[]',
        lng: null,
        lat: null,
        admin_code: grid.slice(0, 6),
        street_code: grid.slice(0, 9),
        community_code: grid.slice(0, 12),
        grid_code: grid,
        place_code: grid,
        building_info: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      hs.push({
        id: `bench-h-${i}`,
        address_id: `bench-a-${i}`,
        full_address: full,
        search_text: full,
        use: i % 5 === 0 ? 'rented' : 'self_occupied',
        ownership: 'private',
        area_m2: 60 + (i % 80),
        certificate_no: null,
        landlord_name: null,
        landlord_phone_enc: null,
        landlord_phone_hash: null,
        landlord_phone_masked: null,
        rent_purpose: null,
        contract_start: null,
        contract_end: null,
        remarks: null,
        admin_code: grid.slice(0, 6),
        street_code: grid.slice(0, 9),
        community_code: grid.slice(0, 12),
        grid_code: grid,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    await s.db.insertInto('addresses').values(addr).execute();
    await s.db.insertInto('houses').values(hs).execute();
  }
  for (let start = 0; start < persons; start += batch) {
    const rows: PersonsTable[] = [];
    for (let i = start; i < Math.min(persons, start + batch); i++) {
      const h = i % houses;
      const grid = grids[h % grids.length]!;
      const id = benchIdNumber(i);
      const name = benchName(i);
      rows.push({
        id: `bench-p-${i}`,
        name,
        name_search: normalizeNameSearch(name),
        gender: Number(id[16]) % 2 ? 'male' : 'female',
        birth_date: null,
        birth_year: Number(id.slice(6, 10)),
        birth_date_enc: cipher.encrypt(
          `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        ),
        ethnicity: '汉族',
        id_type: 'resident_id',
        id_number_enc: cipher.encrypt(id),
        id_hash: cipher.lookupHash(id),
        id_masked: maskIdNumber(id),
        phone_enc: null,
        phone_hash: null,
        phone_masked: null,
        nationality: null,
        registered_place: null,
        population_type: i % 4 === 0 ? 'floating' : 'registered',
        household_status: 'together',
        house_id: `bench-h-${h}`,
        relation: 'self',
        status: 'active',
        data_state: 'entered',
        claimed_by: null,
        claimed_by_name: null,
        claimed_at: null,
        verified_by: null,
        verified_by_name: null,
        verified_at: null,
        details: '{}',
        permit_no_enc: null,
        admin_code: grid.slice(0, 6),
        street_code: grid.slice(0, 9),
        community_code: grid.slice(0, 12),
        grid_code: grid,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    await s.db.insertInto('persons').values(rows).execute();
  }
  if (s.db.getExecutor().adapter.constructor.name.startsWith('Sqlite'))
    await sql`PRAGMA cache_size = -65536`.execute(s.db);
}

async function timeIt(
  n: number,
  warm: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ p50Ms: number; p99Ms: number }> {
  const times: number[] = [];
  for (let i = 0; i < n + warm; i++) {
    const t0 = performance.now();
    await fn(i);
    if (i >= warm) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 0.5), 3), p99Ms: round(percentile(times, 0.99), 3) };
}

/**
 * 1,000,000 persons in 400,000 houses: lookup by ID number (keyed hash → unique index, then decrypt-free masked answer)
 * and a community's name search (prefix, page of 50), through the population service with a community-scoped actor,
 * beside the bare SQL of the same lookup on the same database.
 */
export async function benchRegistryLookups(
  database: DatabaseConfig,
  dir: string,
  persons: number,
  houses: number,
  queries = 1000,
) {
  await prepareDemo(database, dir);
  const db = openDatabase(database);
  try {
    const config = loadConfig({ ...process.env, WANGGE_DATA_DIR: dir, DATABASE_URL: '' });
    config.database = database;
    const s = createServices({ config, database: db });
    const grids = (await s.areas.tree(s.system, { level: 'grid' })).map((g) => g.code);
    const t0 = performance.now();
    await fill(s, grids, persons, houses);
    if (database.kind === 'postgres') await sql`ANALYZE`.execute(db.db);
    const fillSeconds = (performance.now() - t0) / 1000;
    const communities = [...new Set(grids.map((g) => g.slice(0, 12)))];
    const actorOf = (code: string): Actor => ({
      ...systemActor(PERMISSIONS),
      scope: scopeOf([code]),
    });
    const district = actorOf(grids[0]!.slice(0, 6));
    const pick = (i: number) => (i * 7919 + 13) % persons;

    const lookup = await timeIt(queries, 50, async (i) =>
      s.population.lookup(district, { idNumber: benchIdNumber(pick(i)), idType: 'resident_id' }),
    );
    const bareLookup = await timeIt(queries, 50, async (i) =>
      db.db
        .selectFrom('persons')
        .selectAll()
        .where('id_hash', '=', s.cipher.lookupHash(benchIdNumber(pick(i))))
        .executeTakeFirstOrThrow(),
    );
    const prefixes = [...SURNAMES.slice(0, 40)];
    const search = await timeIt(queries, 50, async (i) => {
      const c = communities[i % communities.length]!;
      const r = await s.population.list(actorOf(c), {
        name: prefixes[i % prefixes.length]!,
        limit: 50,
        offset: 0,
      });
      if (r.items.length === 0) throw new Error('name search bench: empty page');
    });
    const bareSearch = await timeIt(queries, 50, async (i) => {
      const c = communities[i % communities.length]!;
      await db.db
        .selectFrom('persons')
        .selectAll()
        .where('community_code', '=', c)
        .where('name_search', 'like', `${normalizeNameSearch(prefixes[i % prefixes.length]!)}%`)
        .orderBy('name_search')
        .limit(50)
        .execute();
    });
    return {
      database: database.kind,
      persons,
      houses,
      communities: communities.length,
      fillSeconds: round(fillSeconds, 1),
      queries,
      lookupByIdNumber: {
        ...lookup,
        bare: bareLookup,
        ratioP50: round(bareLookup.p50Ms / lookup.p50Ms, 2),
        target: { p99Ms: 5 },
      },
      communityNameSearch: {
        ...search,
        bare: bareSearch,
        ratioP50: round(bareSearch.p50Ms / search.p50Ms, 2),
        target: { p99Ms: 50 },
      },
    };
  } finally {
    await db.close();
  }
}

/** The 100,000-row persons xlsx of the import benchmark: valid rows spread over the demo city's grids. */
async function writePersonsXlsx(file: string, rows: number, grids: string[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('实有人口');
  ws.addRow([
    '姓名',
    '证件号码',
    '人口类型',
    '联系电话',
    '所在网格编码',
    '民族',
    '户籍地',
  ]).commit();
  for (let i = 0; i < rows; i++)
    ws.addRow([
      benchName(i),
      benchIdNumber(i),
      i % 4 === 0 ? '流动人口' : '户籍人口',
      i % 3 === 0 ? `139${String(i).padStart(8, '0')}` : '',
      grids[i % grids.length]!,
      '汉族',
      '河南省郑州市',
    ]).commit();
  ws.commit();
  await wb.commit();
}

/**
 * Import of a 100,000-row persons file with validation: dry run, commit and re-import, in a child process whose
 * peak RSS is the figure; the baseline is reading the same file's rows with the same streaming reader.
 */
export async function benchRegistryImport(database: DatabaseConfig, dir: string, rows: number) {
  await prepareDemo(database, dir);
  const db = openDatabase(database);
  const config = loadConfig({ ...process.env, WANGGE_DATA_DIR: dir, DATABASE_URL: '' });
  config.database = database;
  const s = createServices({ config, database: db });
  const grids = (await s.areas.tree(s.system, { level: 'grid' })).map((g) => g.code);
  await db.close();
  const xlsx = join(dir, `persons-${rows}.xlsx`);
  if (!existsSync(xlsx)) await writePersonsXlsx(xlsx, rows, grids);
  const cfg = join(dir, 'import-worker.json');
  writeFileSync(cfg, JSON.stringify({ database, dir, district: grids[0]!.slice(0, 6) }));
  const run = (...extra: string[]) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT_DIR, 'bench/registry-import-worker.ts'), cfg, xlsx, ...extra],
      {
        cwd: ROOT_DIR,
        encoding: 'utf8',
        maxBuffer: 1 << 20,
        env: { ...process.env, LOG_LEVEL: 'warn' },
      },
    );
    if (r.status !== 0) throw new Error(`import worker failed: ${r.stderr.slice(-2000)}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
  };
  const out = { ...run('baseline'), ...run() } as {
    dryRunSeconds: number;
    commitSeconds: number;
    readOnlySeconds: number;
  };
  return {
    database: database.kind,
    ...out,
    ratioReadToDryRun: round(out.readOnlySeconds / out.dryRunSeconds, 2),
    target: { seconds: 60, peakRssMiB: 1024 },
  };
}
