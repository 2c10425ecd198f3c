import type { EncryptedColumns } from '../../core/db/rekey';

/** 实有单位 and 重点场所 (一标三实, docs/domain.md §6): records, employees, inspections and hazards raised as cases. */
export { createUnitsService, type UnitsService } from './units.service';
export type { UnitsDeps, PersonRef } from './registry-context';
export type { AddressRef } from './unit-location';
export { registerUnitsRoutes } from './units.routes';

/** Phones of legal representatives, contacts and responsible persons are personal data, encrypted at rest. */
export const unitsEncryptedColumns: EncryptedColumns[] = [
  { table: 'units', key: 'id', columns: ['legal_rep_phone_enc', 'contact_phone_enc'] },
  { table: 'places', key: 'id', columns: ['responsible_phone_enc'] },
];
