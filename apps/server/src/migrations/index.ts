import type { Migration } from 'kysely';
import * as indicatorFacts from './2026-12-09T1000_indicator-facts';
import * as indicatorPublications from './2026-12-09T1010_indicator-publications';
import * as indicatorFactsAreaIndexes from './2026-12-09T1500_indicator-facts-area-indexes';
import * as indicatorRollups from './2026-12-09T1600_indicator-rollups';
import * as fieldOps from './2026-12-10T1300_field-ops';
import * as patrols from './2026-12-10T1301_patrols';
import * as patrolPointGrids from './2026-12-10T1400_patrol-point-grids';
import * as foundation from './2026-11-29T1500_foundation';
import * as caseConfig from './2026-11-29T1600_case-config';
import * as attachments from './2026-11-29T1610_attachments';
import * as userDepartment from './2026-11-29T1615_user-department';
import * as cases from './2026-11-29T1620_cases';
import * as components from './2026-11-29T1630_components';
import * as workCalendar from './2026-11-29T1640_work-calendar';
import * as addresses from './2026-11-29T1700_addresses';
import * as population from './2026-11-29T1710_population';
import * as units from './2026-11-29T1720_units';
import * as specialGroups from './2026-11-29T1730_special-groups';
import * as residentFiles from './2026-11-29T1740_resident-files';
import * as imports from './2026-11-29T1750_imports';
import * as housesLandlordPhoneMasked from './2026-11-29T1800_houses-landlord-phone-masked';
import * as publicCasesNotifications from './2026-11-29T1840_public-cases-notifications';
import * as caseExternalId from './2026-11-29T1910_case-external-id';
import * as auditActorIndex from './2026-12-07T1020_audit-actor-index';
import * as loginDevicesTokenLimits from './2026-12-07T1030_login-devices-token-limits';
import * as personsBirthDateEncrypted from './2026-12-07T1010_persons-birth-date-encrypted';
import * as searchIndexes from './2026-12-08T1130_search-indexes';
import * as auditAreaFilters from './2026-12-08T1150_audit-area-filters';
import * as defaultConditions from './2026-12-08T1100_default-conditions';
import * as publicPhoneLookup from './2026-12-08T1120_public-phone-lookup';
import * as jobRuns from './2026-12-09T1400_job-runs';
import * as reports from './2026-12-09T1410_reports';
import * as publicModeration from './2026-12-10T1200_public-moderation';
import * as hotlineWebhooks from './2026-12-10T1100_hotline-webhooks';
import * as open311 from './2026-12-10T1000_open311';

/** Every migration, in the order they apply. Names never change once released. */
export const migrations: Record<string, Migration> = {
  '2026-11-29T1500_foundation': foundation,
  '2026-11-29T1600_case-config': caseConfig,
  '2026-11-29T1610_attachments': attachments,
  '2026-11-29T1615_user-department': userDepartment,
  '2026-11-29T1620_cases': cases,
  '2026-11-29T1630_components': components,
  '2026-11-29T1640_work-calendar': workCalendar,
  '2026-11-29T1700_addresses': addresses,
  '2026-11-29T1710_population': population,
  '2026-11-29T1720_units': units,
  '2026-11-29T1730_special-groups': specialGroups,
  '2026-11-29T1740_resident-files': residentFiles,
  '2026-11-29T1750_imports': imports,
  '2026-11-29T1800_houses-landlord-phone-masked': housesLandlordPhoneMasked,
  '2026-11-29T1840_public-cases-notifications': publicCasesNotifications,
  '2026-11-29T1910_case-external-id': caseExternalId,
  '2026-12-07T1020_audit-actor-index': auditActorIndex,
  '2026-12-07T1030_login-devices-token-limits': loginDevicesTokenLimits,
  '2026-12-07T1010_persons-birth-date-encrypted': personsBirthDateEncrypted,
  '2026-12-08T1130_search-indexes': searchIndexes,
  '2026-12-08T1150_audit-area-filters': auditAreaFilters,
  '2026-12-08T1100_default-conditions': defaultConditions,
  '2026-12-08T1120_public-phone-lookup': publicPhoneLookup,
  '2026-12-09T1400_job-runs': jobRuns,
  '2026-12-09T1410_reports': reports,
  '2026-12-09T1000_indicator-facts': indicatorFacts,
  '2026-12-09T1010_indicator-publications': indicatorPublications,
  '2026-12-09T1500_indicator-facts-area-indexes': indicatorFactsAreaIndexes,
  '2026-12-09T1600_indicator-rollups': indicatorRollups,
  '2026-12-10T1000_open311': open311,
  '2026-12-10T1100_hotline-webhooks': hotlineWebhooks,
  '2026-12-10T1200_public-moderation': publicModeration,
  '2026-12-10T1300_field-ops': fieldOps,
  '2026-12-10T1301_patrols': patrols,
  '2026-12-10T1400_patrol-point-grids': patrolPointGrids,
};
