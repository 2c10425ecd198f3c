import { Migrator, type Kysely, type Migration } from 'kysely';
import { migrations } from '../../migrations';

/** Applies every pending migration in name order; returns the newest applied name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations as Record<string, Migration> },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  return schemaVersion(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function schemaVersion(db: Kysely<any>): Promise<string> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations as Record<string, Migration> },
  });
  const all = await migrator.getMigrations();
  const applied = all.filter((m) => m.executedAt).map((m) => m.name);
  return applied[applied.length - 1] ?? 'none';
}
