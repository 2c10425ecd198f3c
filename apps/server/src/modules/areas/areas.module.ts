import type { Needs, Platform, WiredModule } from '../../wiring';
import { createAreasService, type AreasService } from './areas.service';
import { registerAreasRoutes } from './areas.routes';

/**
 * Needs users' contacts and scopes (grid staff) and the registers' counts (the map's detail panel); provides the
 * hierarchy, `gridAt` and `refs` to everyone.
 */
export function areasModule(
  p: Platform,
  needs: Needs<'users' | 'population' | 'housing' | 'cases'>,
): WiredModule<AreasService> {
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
    countSources: () => ({
      // The totals the register pages show for the area (people living there, not those moved out).
      persons: async (actor, areaCode) =>
        (
          await needs().population.list(actor, {
            areaCode,
            status: 'active',
            limit: 1,
            offset: 0,
          })
        ).total,
      houses: async (actor, areaCode) =>
        (await needs().housing.list(actor, { areaCode, limit: 1, offset: 0 })).total,
      openCases: async (actor, areaCode) =>
        (await needs().cases.overview(actor, { areaCode })).open.total,
    }),
    onError: p.onError,
  });
  return { service, routes: (app) => registerAreasRoutes(app, service) };
}
