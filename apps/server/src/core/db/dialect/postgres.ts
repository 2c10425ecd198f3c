import { PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DbDialect } from './dialect';

// Counts and sums come back as strings by default; our numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function createPostgresDialect(url: string, schema?: string): DbDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Tests give each app its own schema in the shared database.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return {
    kind: 'postgres',
    insertsInWith: true,
    kysely: new PostgresDialect({ pool }),
    isUniqueViolation: (err) =>
      err instanceof Error && 'code' in err && (err as { code: unknown }).code === '23505',
    onClose: async () => {},
  };
}

/** Creates (or empties) a schema: used by tests to isolate one app's tables. */
/** Empties a schema (drops and creates it); with `keep`, only creates it if missing (a kept benchmark database). */
export async function resetPostgresSchema(
  url: string,
  schema: string,
  opts: { keep?: boolean } = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (!opts.keep) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
