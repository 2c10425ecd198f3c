import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db/database';
import { migrateToLatest } from '../core/db/migrate';

/**
 * The API's OpenAPI document, built from the route schemas without a running server: the app is
 * assembled on a throwaway SQLite database and asked for what /api/openapi.json would answer.
 * The web app's typed client is generated from it (apps/web/scripts/gen-api-schema.mjs).
 */
export async function openApiDocument(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'wangge-openapi-'));
  // Only what the document needs: no DATABASE_URL or keys from the caller's environment.
  const config = loadConfig({ WANGGE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  config.dataKey = '00'.repeat(32);
  const database = openDatabase(config.database);
  try {
    const schemaVersion = await migrateToLatest(database.db, database.schema);
    const { app } = await createApp({ config, database, schemaVersion });
    try {
      await app.ready();
      return app.swagger();
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
