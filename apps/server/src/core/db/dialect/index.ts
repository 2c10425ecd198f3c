import type { DatabaseConfig } from '../../config';
import type { DbDialect } from './dialect';
import { createPostgresDialect } from './postgres';
import { createSqliteDialect } from './sqlite';

export type { DbDialect } from './dialect';
export { resetPostgresSchema, dropPostgresSchema } from './postgres';

export function createDialect(config: DatabaseConfig): DbDialect {
  return config.kind === 'sqlite'
    ? createSqliteDialect(config.file)
    : createPostgresDialect(config.url, config.schema);
}
