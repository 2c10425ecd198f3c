import { Migrator, type Kysely, type Migration } from 'kysely';
import { migrations } from '../../migrations';

// Kysely looks for its bookkeeping tables in every schema unless told which one: with
// several schemas in one PostgreSQL database (tests, or two deployments) it would find
// another schema's lock table and then fail to use it. So the schema is always named.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
function migrator(db: Kysely<any>, schema: string | undefined): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations as Record<string, Migration> },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Applies every pending migration in name order; returns the newest applied name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string> {
  const m = migrator(db, schema);
  const { error, results } = await m.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  return schemaVersion(db, schema);
}

/** Applies migrations up to and including `name` only: tests build a database as an older release left it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateTo(db: Kysely<any>, name: string, schema?: string): Promise<void> {
  const { error } = await migrator(db, schema).migrateTo(name);
  if (error) throw new Error(`Migration to ${name} failed: ${String(error)}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function schemaVersion(db: Kysely<any>, schema?: string): Promise<string> {
  const all = await migrator(db, schema).getMigrations();
  const applied = all.filter((m) => m.executedAt).map((m) => m.name);
  return applied[applied.length - 1] ?? 'none';
}
