import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../src/app';
import { openMigrated } from '../src/cli/bootstrap';
import { loadConfig, ROOT_DIR } from '../src/core/config';

const BIN = join(ROOT_DIR, 'apps/server/bin/wangge.mjs');
const dir = mkdtempSync(join(tmpdir(), 'wangge-cli-'));
const db = join(dir, 'cli.db');
const ZZ = join(ROOT_DIR, 'apps/server/test/fixtures/zhengzhou-410100-districts.geojson');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The CLI acts on --db when given, whatever DATABASE_URL says.
function wangge(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WANGGE_DATA_DIR: dir, DATABASE_URL: '' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('wangge CLI', () => {
  it('prints help for every command', () => {
    for (const c of [
      'serve',
      'migrate',
      'demo',
      'import-areas',
      'export-areas',
      'rotate-data-key',
      'bench',
    ]) {
      const r = wangge(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.out, c).toContain(`wangge ${c}`);
    }
    expect(wangge('frobnicate').code).toBe(2);
    expect(wangge('import-areas', '--bogus').code).toBe(2);
    // Help and argument errors answer before tsx loads (bin/cli-args.mjs): nine plain node starts.
  }, 120_000);

  it('refuses an unknown CRS or level before touching the database', () => {
    expect(wangge('import-areas', ZZ, '--crs', 'mercator', '--db', db).code).toBe(2);
    expect(wangge('import-areas', ZZ, '--level', 'planet', '--db', db).code).toBe(2);
    expect(wangge('import-areas', join(dir, 'missing.geojson'), '--db', db).code).toBe(2);
  });

  it('reports every problem of an invalid file and writes nothing', () => {
    const bad = join(dir, 'bad.geojson');
    writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '12' }, geometry: null },
          { type: 'Feature', properties: {}, geometry: null },
        ],
      }),
    );
    const r = wangge('import-areas', bad, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error\s+#0/);
    expect(r.err).toMatch(/error\s+#1/);
    expect(JSON.parse(wangge('export-areas', '--db', db).out).features).toEqual([]);
  });

  it('imports the Zhengzhou districts from GCJ-02 and exports them again', () => {
    const r = wangge('import-areas', ZZ, '--crs', 'gcj02', '--level', 'district', '--db', db);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out.trim().split('\n').pop()!)).toMatchObject({
      ok: true,
      committed: true,
      created: 12,
    });
    const out = JSON.parse(wangge('export-areas', '--level', 'district', '--db', db).out);
    expect(out.type).toBe('FeatureCollection');
    expect(out.features.map((f: { properties: { code: string } }) => f.properties.code)).toContain(
      '410105',
    );
  });

  it('builds the demo city into a given file', () => {
    const demoDb = join(dir, 'demo.db');
    const r = wangge('demo', '--db', demoDb);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/300 grids/);
    const grids = JSON.parse(wangge('export-areas', '--level', 'grid', '--db', demoDb).out);
    expect(grids.features).toHaveLength(300);
  });

  it('rotates the data key: every encrypted value rewritten under the new key, still readable, and audited', async () => {
    const demoDb = join(dir, 'demo.db');
    const r = wangge('rotate-data-key', '--new-key', '--db', demoDb);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out.trim().split('\n').pop()!) as {
      keyId: string;
      tables: { table: string; rows: number; rewritten: number }[];
    };
    const users = report.tables.find((t) => t.table === 'users')!;
    expect(users.rewritten).toBeGreaterThan(0);
    const config = loadConfig(
      { ...process.env, WANGGE_DATA_DIR: dir, DATABASE_URL: '' },
      { dbFile: demoDb },
    );
    const { database } = await openMigrated(config);
    try {
      const s = createServices({ config, database });
      expect(s.cipher.currentKeyId).toBe(report.keyId);
      const rows = await database.db
        .selectFrom('users')
        .select('phone_enc')
        .where('phone_enc', 'is not', null)
        .execute();
      expect(rows.length).toBe(users.rewritten);
      for (const row of rows) {
        expect(row.phone_enc!.startsWith(`v2:${report.keyId}:`)).toBe(true);
        expect(s.cipher.decrypt(row.phone_enc!)).toMatch(/^1\d{10}$/);
      }
      expect((await s.audit.list({ action: 'data_key_rotated', limit: 5 })).length).toBe(1);
    } finally {
      await database.close();
    }
    // A second run finds nothing left to rewrite.
    const again = JSON.parse(
      wangge('rotate-data-key', '--db', demoDb).out.trim().split('\n').pop()!,
    ) as typeof report;
    expect(again.tables.every((t) => t.rewritten === 0)).toBe(true);
  });
});
