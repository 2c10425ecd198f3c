import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../apps/server/src/core/config';

type Row = Record<string, unknown>;

/**
 * Bulk rows for benchmark fixtures, on a connection of its own: one reused prepared INSERT per table inside one
 * transaction per batch on SQLite; on PostgreSQL one INSERT … SELECT FROM unnest($1::text[], …) per table and batch
 * (a bound array per column: no parameter limit, one parse). Kysely would compile every multi-row statement anew,
 * which costs more than the database's own work at millions of rows.
 */
export interface BulkWriter {
  /** Writes the tables' rows, in the order given, in one transaction. */
  write(batch: [table: string, rows: readonly object[]][]): Promise<void>;
  close(): Promise<void>;
}

export async function openBulkWriter(database: DatabaseConfig): Promise<BulkWriter> {
  if (database.kind === 'sqlite') {
    const db = new Database(database.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const stmts = new Map<string, Database.Statement>();
    const stmt = (table: string, row: Row) => {
      let s = stmts.get(table);
      if (!s) {
        const cols = Object.keys(row);
        s = db.prepare(
          `insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`,
        );
        stmts.set(table, s);
      }
      return s;
    };
    const tx = db.transaction((batch: [string, Row[]][]) => {
      for (const [table, rows] of batch) for (const r of rows) stmt(table, r).run(r);
    });
    return {
      write: async (batch) => {
        tx(batch as [string, Row[]][]);
      },
      close: async () => {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      },
    };
  }
  const client = new pg.Client({
    connectionString: database.url,
    ...(database.schema ? { options: `-c search_path=${database.schema}` } : {}),
  });
  await client.connect();
  await client.query('set synchronous_commit = off');
  // The fixture's rows are consistent by construction: skip the foreign-key triggers (as pg_restore does).
  await client.query('set session_replication_role = replica');
  const types = new Map<string, Map<string, string>>();
  const typesOf = async (table: string) => {
    let t = types.get(table);
    if (!t) {
      const res = await client.query<{ column_name: string; udt_name: string }>(
        `select column_name, udt_name from information_schema.columns
         where table_schema = current_schema() and table_name = $1`,
        [table],
      );
      t = new Map(res.rows.map((r) => [r.column_name, r.udt_name]));
      types.set(table, t);
    }
    return t;
  };
  return {
    async write(batch) {
      await client.query('begin');
      try {
        for (const [table, objects] of batch) {
          const rows = objects as Row[];
          if (!rows.length) continue;
          const t = await typesOf(table);
          const cols = Object.keys(rows[0]!);
          await client.query(
            `insert into ${table} (${cols.join(', ')}) select * from unnest(${cols
              .map((c, i) => `$${i + 1}::${t.get(c)}[]`)
              .join(', ')})`,
            cols.map((c) => rows.map((r) => r[c] ?? null)),
          );
        }
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw err;
      }
    },
    close: () => client.end(),
  };
}
