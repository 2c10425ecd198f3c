import { Kysely } from 'kysely';
import type { DatabaseConfig } from '../config';
import { createDialect, type DbDialect } from './dialect';
// Type-only imports: the database type is the union of the modules' tables. This is the one
// place core names modules, and it carries no runtime dependency.
import type { AreasTables } from '../../modules/areas/areas.tables';
import type { AuditTables } from '../../modules/audit/audit.tables';
import type { AuthTables } from '../../modules/auth/auth.tables';
import type { DepartmentsTables } from '../../modules/departments/departments.tables';
import type { SystemTables } from '../../modules/system/system.tables';
import type { UsersTables } from '../../modules/users/users.tables';

export interface DB extends AreasTables, AuditTables, AuthTables, DepartmentsTables, SystemTables, UsersTables {}

export interface Database {
  db: Kysely<DB>;
  dialect: DbDialect;
  close(): Promise<void>;
}

export function openDatabase(config: DatabaseConfig): Database {
  const dialect = createDialect(config);
  const db = new Kysely<DB>({ dialect: dialect.kysely });
  return {
    db,
    dialect,
    close: async () => {
      await dialect.onClose();
      await db.destroy();
    },
  };
}
