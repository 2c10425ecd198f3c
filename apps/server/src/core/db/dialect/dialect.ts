import type { Dialect as KyselyDialect } from 'kysely';

/**
 * Everything that differs between SQLite and PostgreSQL lives behind this interface and in
 * this folder. Application SQL is written once in Kysely against the common subset.
 */
export interface DbDialect {
  readonly kind: 'sqlite' | 'postgres';
  readonly kysely: KyselyDialect;
  isUniqueViolation(err: unknown): boolean;
  /** Extra work when the pool closes (SQLite: checkpoint the WAL). */
  onClose(): Promise<void>;
}
