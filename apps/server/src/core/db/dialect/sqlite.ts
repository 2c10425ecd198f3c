import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { ensureParentDir } from '../../config';
import type { DbDialect } from './dialect';

/** Prepared statements kept per SQL text; Kysely's driver would prepare every query anew. */
const STATEMENT_CACHE_SIZE = 500;

export function createSqliteDialect(file: string): DbDialect {
  if (file !== ':memory:') ensureParentDir(file);
  const sqlite = new Database(file);
  // WAL lets readers run beside the single writer; NORMAL sync is durable enough with WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): a district's registries (a million persons) keep their indexes hot.
  sqlite.pragma('cache_size = -65536');
  // Checkpoint every 10,000 WAL pages (~40 MiB) instead of 1,000: a report touches a dozen pages (the row, its event,
  // their indexes), and the hot ones (the newest leaves) are copied to the database once per checkpoint however often
  // they were committed, so rarer checkpoints mean less copying and fewer fsyncs per report.
  sqlite.pragma('wal_autocheckpoint = 10000');
  const cache = new Map<string, Database.Statement>();
  const cached = {
    close: () => sqlite.close(),
    prepare(sql: string): Database.Statement {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        // Drop the oldest entry: batch inserts of varying sizes would otherwise fill it.
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
  return {
    kind: 'sqlite',
    insertsInWith: false,
    kysely: new SqliteDialect({ database: cached }),
    isUniqueViolation: (err) =>
      err instanceof Error &&
      'code' in err &&
      String((err as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT_UNIQUE'),
    onClose: async () => {
      if (sqlite.open) sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
