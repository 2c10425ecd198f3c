/**
 * Case configuration read by the case engine: the 部件/事项/综治 category dictionary and the versioned
 * 立结案标准 (registration and closure conditions with their time limits).
 */
export {
  createCategoriesService,
  type CategoriesService,
  type CaseClass,
} from './categories.service';
export { registerCategoriesRoutes } from './categories.routes';
export {
  createRegistrationConditionsService,
  type RegistrationConditionsService,
} from './registration-conditions.service';
export { registerRegistrationConditionsRoutes } from './registration-conditions.routes';
export { type ConditionsSheet } from './registration-conditions-sheet';
export { categoriesModule } from './categories.module';
