import { Kysely } from 'kysely';
import type { DatabaseConfig } from '../config';
import { createDialect, type DbDialect } from './dialect';
// Type-only imports: the database type is the union of the modules' tables. This is the one
// place core names modules, and it carries no runtime dependency.
import type { AreasTables } from '../../modules/areas/areas.tables';
import type { AttachmentsTables } from '../../modules/attachments/attachments.tables';
import type { AuditTables } from '../../modules/audit/audit.tables';
import type { AuthTables } from '../../modules/auth/auth.tables';
import type { CalendarTables } from '../../modules/calendar/calendar.tables';
import type { CasesTables } from '../../modules/cases/cases.tables';
import type { IndicatorsTables } from '../../modules/indicators/indicators.tables';
import type { CategoriesTables } from '../../modules/categories/categories.tables';
import type { ComponentsTables } from '../../modules/components/components.tables';
import type { DepartmentsTables } from '../../modules/departments/departments.tables';
import type { DispatchRulesTables } from '../../modules/dispatch-rules/dispatch-rules.tables';
import type { SystemTables } from '../../modules/system/system.tables';
import type { UsersTables } from '../../modules/users/users.tables';
import type { AddressesTables } from '../../modules/addresses/addresses.tables';
import type { HousingTables } from '../../modules/housing/housing.tables';
import type { PopulationTables } from '../../modules/population/population.tables';
import type { UnitsTables } from '../../modules/units/units.tables';
import type { SpecialGroupsTables } from '../../modules/special-groups/special-groups.tables';
import type { ResidentFilesTables } from '../../modules/resident-files/resident-files.tables';
import type { ImportsTables } from '../../modules/imports/imports.tables';
import type { NotificationsTables } from '../../modules/notifications/notifications.tables';
import type { PublicCasesTables } from '../../modules/public-cases/public-cases.tables';
import type { ReportsTables } from '../../modules/reports/reports.tables';
import type { FieldTables } from '../../modules/field/field.tables';
import type { PatrolsTables } from '../../modules/patrols/patrols.tables';
import type { HotlineTables } from '../../modules/hotline/hotline.tables';
import type { Open311Tables } from '../../modules/open311/open311.tables';
// The scheduler's lease table (core/jobs) is platform, not a module: named from the source root like the modules' tables.
import type { JobsTables } from '../../core/jobs/jobs.tables';

export interface DB
  extends AreasTables,
    AttachmentsTables,
    AuditTables,
    AuthTables,
    CalendarTables,
    CasesTables,
    IndicatorsTables,
    CategoriesTables,
    ComponentsTables,
    DepartmentsTables,
    DispatchRulesTables,
    SystemTables,
    UsersTables,
    AddressesTables,
    HousingTables,
    PopulationTables,
    UnitsTables,
    SpecialGroupsTables,
    ResidentFilesTables,
    ImportsTables,
    NotificationsTables,
    PublicCasesTables,
    ReportsTables,
    FieldTables,
    PatrolsTables,
    HotlineTables,
    Open311Tables,
    JobsTables {}

export interface Database {
  db: Kysely<DB>;
  dialect: DbDialect;
  /** PostgreSQL schema holding the tables (and the migration bookkeeping); undefined on SQLite. */
  schema: string | undefined;
  close(): Promise<void>;
}

export function openDatabase(config: DatabaseConfig): Database {
  const dialect = createDialect(config);
  const db = new Kysely<DB>({ dialect: dialect.kysely });
  return {
    db,
    dialect,
    schema: config.kind === 'postgres' ? (config.schema ?? 'public') : undefined,
    close: async () => {
      await dialect.onClose();
      await db.destroy();
    },
  };
}
