import type { Needs, Platform, WiredModule } from '../../wiring';
import { createCategoriesService, type CategoriesService } from './categories.service';
import { registerCategoriesRoutes } from './categories.routes';
import {
  createRegistrationConditionsService,
  type RegistrationConditionsService,
} from './registration-conditions.service';
import { registerRegistrationConditionsRoutes } from './registration-conditions.routes';

/** The category dictionary needs nothing; the 立结案标准 need area names. Provides both to the case engine. */
export function categoriesModule(
  p: Platform,
  needs: Needs<'areas'>,
): WiredModule<CategoriesService> & { conditions: RegistrationConditionsService } {
  const service = createCategoriesService({ db: p.db, clock: p.clock, audit: p.audit });
  const conditions = createRegistrationConditionsService({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    categories: service,
    areaRefs: (codes) => needs().areas.refs(codes),
  });
  return {
    service,
    conditions,
    routes: (app) => {
      registerCategoriesRoutes(app, service);
      registerRegistrationConditionsRoutes(app, conditions);
    },
  };
}
