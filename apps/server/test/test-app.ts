import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppDeps, type WanggeApp } from '../src/app';
import { loadConfig, type AppConfig } from '../src/core/config';
import { openDatabase } from '../src/core/db/database';
import { dropPostgresSchema, resetPostgresSchema } from '../src/core/db/dialect';
import { migrateTo, migrateToLatest } from '../src/core/db/migrate';
import { createFieldCipher, loadDataKeys, type FieldCipher } from '../src/core/crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../src/core/clock';

/** Which database the integration suite runs on: DATABASE_URL=postgres://… selects PostgreSQL. */
export const TEST_DB_KIND: 'sqlite' | 'postgres' = process.env.DATABASE_URL?.startsWith('postgres')
  ? 'postgres'
  : 'sqlite';

export interface TestApp extends WanggeApp {
  config: AppConfig;
  close(): Promise<void>;
}

let counter = 0;

/** An upgrade: the database as of `migration`, rows written by `seed` (with the app's keys), then the rest. */
export interface UpgradeFrom {
  migration: string;
  /** Kysely<any>: an older schema than the DB type describes */
  seed(db: Kysely<any>, cipher: FieldCipher): Promise<void>;
}

/**
 * A real app on a fresh, empty, migrated database: a temporary SQLite file, or a new
 * schema in the PostgreSQL test database. Nothing is mocked.
 */
export async function createTestApp(
  opts: {
    clock?: Clock;
    random?: () => number;
    logger?: AppDeps['logger'];
    upgradeFrom?: UpgradeFrom;
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'wangge-test-'));
  const base = loadConfig({ ...process.env, WANGGE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  let schema: string | undefined;
  if (TEST_DB_KIND === 'postgres') {
    schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    await resetPostgresSchema(process.env.DATABASE_URL!, schema);
    base.database = { kind: 'postgres', url: process.env.DATABASE_URL!, schema };
  } else {
    base.database = { kind: 'sqlite', file: join(dir, 'test.db') };
  }
  base.dataKey = '00'.repeat(32);
  const database = openDatabase(base.database);
  if (opts.upgradeFrom) {
    await migrateTo(database.db, opts.upgradeFrom.migration, database.schema);
    await opts.upgradeFrom.seed(database.db, createFieldCipher(loadDataKeys(base, base.dataDir)));
  }
  const schemaVersion = await migrateToLatest(database.db, database.schema);
  const built = await createApp({
    config: base,
    database,
    schemaVersion,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.random ? { random: opts.random } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  return {
    ...built,
    config: base,
    async close() {
      await built.app.close();
      await database.close();
      if (schema) await dropPostgresSchema(process.env.DATABASE_URL!, schema);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
