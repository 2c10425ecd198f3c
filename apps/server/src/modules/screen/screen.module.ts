import type { Needs, Platform, WiredModule } from '../../wiring';
import { registerScreenRoutes } from './screen.routes';
import { createScreenService, type ScreenService } from './screen.service';

/** The 大屏 reads cases through their service and names areas, classes and departments through theirs. */
export function screenModule(
  p: Platform,
  needs: Needs<'cases' | 'areas' | 'categories' | 'departments'>,
): WiredModule<ScreenService> {
  const service = createScreenService({
    clock: p.clock,
    screenFacts: (actor, q) => needs().cases.screenFacts(actor, q),
    areaRefs: (codes) => needs().areas.refs(codes),
    classNames: async (codes) =>
      new Map((await needs().categories.caseClasses(codes)).map((c) => [c.code, c.name])),
    departmentNames: async (ids) =>
      new Map((await needs().departments.byIds(ids)).map((d) => [d.id, d.name])),
  });
  return { service, routes: (app) => registerScreenRoutes(app, service) };
}
