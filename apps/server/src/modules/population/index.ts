/** 实有人口: persons, residence history, data state; ID numbers and phones encrypted at rest and masked. */
export {
  createPopulationService,
  type PopulationService,
  type PersonRef,
} from './population.service';
export { registerPopulationRoutes } from './population.routes';
export type { PopulationDeps } from './population-context';
export type { HouseRef } from './person-model';
export type {
  PersonRowProblem,
  PersonUpsertPlan,
  PersonUpsertResult,
  PersonUpsertRow,
} from './person-upsert';
export { populationModule, populationEncryptedColumns } from './population.module';
