import type { Dialect as KyselyDialect } from 'kysely';

/**
 * Everything that differs between SQLite and PostgreSQL lives behind this interface and in
 * this folder. Application SQL is written once in Kysely against the common subset.
 */
export interface DbDialect {
  readonly kind: 'sqlite' | 'postgres';
  readonly kysely: KyselyDialect;
  isUniqueViolation(err: unknown): boolean;
  /**
   * Whether one statement may insert into two tables (PostgreSQL's data-modifying WITH): a parent row and its
   * first child then need one round trip and no explicit transaction.
   */
  readonly insertsInWith: boolean;
  /** Extra work when the pool closes (SQLite: checkpoint the WAL). */
  onClose(): Promise<void>;
}
