import { randomBytes } from 'node:crypto';
import type { Services } from '../app';
import { hashPassword } from '../core/auth/password';
import type { AppConfig } from '../core/config';
import { openDatabase, type Database } from '../core/db/database';
import { migrateToLatest } from '../core/db/migrate';

/** Opens the configured database and brings its schema up to date. */
export async function openMigrated(
  config: AppConfig,
): Promise<{ database: Database; schemaVersion: string }> {
  const database = openDatabase(config.database);
  const schemaVersion = await migrateToLatest(database.db, database.schema);
  return { database, schemaVersion };
}

/**
 * On an empty database, creates the first administrator with WANGGE_ADMIN_PASSWORD, or a
 * generated password printed once (and to be changed at first login).
 */
export async function ensureFirstAdmin(
  s: Services,
  config: AppConfig,
  print: (line: string) => void,
): Promise<void> {
  if ((await s.users.userCount()) > 0) return;
  const generated = !config.adminPassword;
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  await s.users.createDirect({
    username: 'admin',
    displayName: '系统管理员',
    passwordHash: await hashPassword(password),
    roles: ['admin'],
    areaCodes: [],
    mustChangePassword: generated,
  });
  if (generated)
    print(
      `首个管理员已创建 / first administrator created: admin / ${password}  (只显示这一次 / shown once; change it at first login)`,
    );
  else
    print(
      '首个管理员已创建 / first administrator created: admin (password from WANGGE_ADMIN_PASSWORD)',
    );
}

export function describeDb(config: AppConfig): string {
  return config.database.kind === 'sqlite'
    ? `SQLite ${config.database.file}`
    : `PostgreSQL ${config.database.url.replace(/\/\/[^@/]*@/, '//***@')}`;
}
