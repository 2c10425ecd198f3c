import type { EncryptedColumns } from '../../core/db/rekey';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { createHousingService, type HousingService } from './housing.service';
import { registerHousingRoutes } from './housing.routes';

/** Landlord phone numbers are personal data, encrypted at rest. */
export const housingEncryptedColumns: EncryptedColumns[] = [
  { table: 'houses', key: 'id', columns: ['landlord_phone_enc'] },
];

/** 实有房屋 on 户室 addresses: rooms and their paths from the addresses service, area names from the areas service. */
export function housingModule(
  p: Platform,
  needs: Needs<'areas' | 'addresses'>,
): WiredModule<HousingService> {
  const service = createHousingService({
    db: p.db,
    clock: p.clock,
    cipher: p.cipher,
    audit: p.audit,
    areaRefs: (codes) => needs().areas.refs(codes),
    addressTarget: (scope, id) => needs().addresses.target(scope, id),
    addressPath: (id) => needs().addresses.pathOf(id),
  });
  return {
    service,
    routes: (app) => registerHousingRoutes(app, service),
    encryptedColumns: housingEncryptedColumns,
  };
}
