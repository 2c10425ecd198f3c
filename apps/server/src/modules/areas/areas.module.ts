import type { Needs, Platform, WiredModule } from '../../wiring';
import { createAreasService, type AreasService } from './areas.service';
import { registerAreasRoutes } from './areas.routes';

/** Needs users' contacts and scopes (grid staff); provides the hierarchy, `gridAt` and `refs` to everyone. */
export function areasModule(p: Platform, needs: Needs<'users'>): WiredModule<AreasService> {
  const service = createAreasService({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    defaultGridScheme: p.config.defaultGridScheme,
    userContacts: (ids) => needs().users.contacts(ids),
    userScope: async (id) => {
      const a = await needs().users.access(id);
      return a && { areaCodes: a.areaCodes, all: a.scope.all };
    },
    onError: p.onError,
  });
  return { service, routes: (app) => registerAreasRoutes(app, service) };
}
