import type { Needs, Platform, WiredModule } from '../../wiring';
import { createCategoriesService, type CategoriesService } from './categories.service';
import { registerCategoriesRoutes } from './categories.routes';
import {
  createRegistrationConditionsService,
  type RegistrationConditionsService,
} from './registration-conditions.service';
import { registerRegistrationConditionsRoutes } from './registration-conditions.routes';
import { createConditionsSheet, type ConditionsSheet } from './registration-conditions-sheet';

/** The category dictionary asks the cases module before retiring a class; the 立结案标准 need area names. Provides both to the case engine. */
export function categoriesModule(
  p: Platform,
  needs: Needs<'areas' | 'cases'>,
): WiredModule<CategoriesService> & {
  conditions: RegistrationConditionsService;
  conditionsSheet: ConditionsSheet;
} {
  const service = createCategoriesService({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    openCasesInClasses: (codes) => needs().cases.openInClasses(codes),
  });
  const conditions = createRegistrationConditionsService({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    categories: service,
    areaRefs: (codes) => needs().areas.refs(codes),
  });
  const conditionsSheet = createConditionsSheet({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    categories: service,
    areaRefs: (codes) => needs().areas.refs(codes),
  });
  return {
    service,
    conditions,
    conditionsSheet,
    routes: (app) => {
      registerCategoriesRoutes(app, service);
      registerRegistrationConditionsRoutes(app, conditions);
    },
  };
}
