import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { ensureParentDir } from '../../config';
import type { DbDialect } from './dialect';

export function createSqliteDialect(file: string): DbDialect {
  if (file !== ':memory:') ensureParentDir(file);
  const sqlite = new Database(file);
  // WAL lets readers run beside the single writer; NORMAL sync is durable enough with WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return {
    kind: 'sqlite',
    kysely: new SqliteDialect({ database: sqlite }),
    isUniqueViolation: (err) =>
      err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT_UNIQUE'),
    onClose: async () => {
      if (sqlite.open) sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
