import type { EncryptedColumns } from '../../core/db/rekey';

/** 实有人口: persons, residence history, data state; ID numbers and phones encrypted at rest and masked. */
export { createPopulationService, type PopulationService, type PersonRef } from './population.service';
export { registerPopulationRoutes } from './population.routes';
export type { PopulationDeps } from './population-context';
export type { HouseRef } from './person-model';
export type { PersonRowProblem, PersonUpsertPlan, PersonUpsertResult, PersonUpsertRow } from './person-upsert';
/** ID numbers, phones, birth dates and 居住证号码 of persons, for `wangge rotate-data-key`. */
export const populationEncryptedColumns: EncryptedColumns[] = [{ table: 'persons', key: 'id', columns: ['id_number_enc', 'phone_enc', 'birth_date_enc', 'permit_no_enc'] }];
