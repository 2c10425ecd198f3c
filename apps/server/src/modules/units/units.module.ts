import type { EncryptedColumns } from '../../core/db/rekey';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { reportCaseWith } from '../cases';
import { createUnitsService, type UnitsService } from './units.service';
import { registerUnitsRoutes } from './units.routes';

/** Phones of legal representatives, contacts and responsible persons are personal data, encrypted at rest. */
export const unitsEncryptedColumns: EncryptedColumns[] = [
  { table: 'units', key: 'id', columns: ['legal_rep_phone_enc', 'contact_phone_enc'] },
  { table: 'places', key: 'id', columns: ['responsible_phone_enc'] },
];

/** 实有单位 and 重点场所: places, persons, addresses, photos and cases (hazards) through services, never tables. */
export function unitsModule(
  p: Platform,
  needs: Needs<'areas' | 'addresses' | 'population' | 'attachments' | 'cases'>,
): WiredModule<UnitsService> {
  const service = createUnitsService({
    db: p.db,
    clock: p.clock,
    cipher: p.cipher,
    audit: p.audit,
    gridAt: (lng, lat, crs) => needs().areas.gridAt(lng, lat, crs),
    areaRefs: (codes) => needs().areas.refs(codes),
    addressRefs: (ids, scope) => needs().addresses.refs(ids, scope),
    personRefs: (ids) => needs().population.personRefs(ids),
    attachments: (ids) => needs().attachments.describe(ids),
    reportCase: reportCaseWith(() => needs().cases),
  });
  return {
    service,
    routes: (app) => registerUnitsRoutes(app, service),
    encryptedColumns: unitsEncryptedColumns,
  };
}
