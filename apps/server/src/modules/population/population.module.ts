import type { EncryptedColumns } from '../../core/db/rekey';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { createPopulationService, type PopulationService } from './population.service';
import { registerPopulationRoutes } from './population.routes';

/** ID numbers, phones, birth dates and 居住证号码 of persons, for `wangge rotate-data-key`. */
export const populationEncryptedColumns: EncryptedColumns[] = [
  {
    table: 'persons',
    key: 'id',
    columns: ['id_number_enc', 'phone_enc', 'birth_date_enc', 'permit_no_enc'],
  },
];

/** 实有人口: houses from the housing service, areas from the areas service; a move re-scopes special-group records. */
export function populationModule(
  p: Platform,
  needs: Needs<'areas' | 'housing' | 'specialGroups'>,
): WiredModule<PopulationService> {
  const service = createPopulationService({
    db: p.db,
    clock: p.clock,
    cipher: p.cipher,
    audit: p.audit,
    houseRefs: (ids) => needs().housing.houseRefs(ids),
    houseAddressOf: (houseId) => needs().housing.addressSubquery(houseId),
    areaRefs: (codes) => needs().areas.refs(codes),
    isUniqueViolation: (err) => p.database.dialect.isUniqueViolation(err),
    // Memberships and open visit tasks follow the person to the new grid (and its staff).
    onPersonMoved: (personId) => needs().specialGroups.refreshScope(personId),
  });
  return {
    service,
    routes: (app) => registerPopulationRoutes(app, service),
    encryptedColumns: populationEncryptedColumns,
  };
}
