import type { Needs, Platform, WiredModule } from '../../wiring';
import { createComponentsService, type ComponentsService } from './components.service';
import { registerComponentsRoutes } from './components.routes';

/** 部件 registry: places, classes and names come through the areas and categories services, never their tables. */
export function componentsModule(
  p: Platform,
  needs: Needs<'areas' | 'categories' | 'cases'>,
): WiredModule<ComponentsService> {
  const service = createComponentsService({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    gridAt: (lng, lat, crs) => needs().areas.gridAt(lng, lat, crs),
    componentClasses: async () =>
      (await needs().categories.list({ kind: 'component', view: 'flat', activeOnly: 'false' })).map(
        (c) => ({ code: c.code, name: c.name, active: c.active }),
      ),
    areaRefs: (codes) => needs().areas.refs(codes),
    caseExists: (id) => needs().cases.caseExists(id),
  });
  return { service, routes: (app) => registerComponentsRoutes(app, service) };
}
