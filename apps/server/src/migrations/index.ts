import type { Migration } from 'kysely';
import * as foundation from './2026-11-29T1500_foundation';
import * as caseConfig from './2026-11-29T1600_case-config';
import * as attachments from './2026-11-29T1610_attachments';
import * as userDepartment from './2026-11-29T1615_user-department';
import * as cases from './2026-11-29T1620_cases';
import * as components from './2026-11-29T1630_components';
import * as workCalendar from './2026-11-29T1640_work-calendar';

/** Every migration, in the order they apply. Names never change once released. */
export const migrations: Record<string, Migration> = {
  '2026-11-29T1500_foundation': foundation,
  '2026-11-29T1600_case-config': caseConfig,
  '2026-11-29T1610_attachments': attachments,
  '2026-11-29T1615_user-department': userDepartment,
  '2026-11-29T1620_cases': cases,
  '2026-11-29T1630_components': components,
  '2026-11-29T1640_work-calendar': workCalendar,
};
