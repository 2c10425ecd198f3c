/** 实有单位 and 重点场所 (一标三实, docs/domain.md §6): records, employees, inspections and hazards raised as cases. */
export { createUnitsService, type UnitsService } from './units.service';
export type { UnitsDeps, PersonRef } from './registry-context';
export type { AddressRef } from './unit-location';
export { registerUnitsRoutes } from './units.routes';
export { unitsModule, unitsEncryptedColumns } from './units.module';
