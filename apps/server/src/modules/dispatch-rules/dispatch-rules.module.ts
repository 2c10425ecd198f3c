import type { Needs, Platform, WiredModule } from '../../wiring';
import { createDispatchRulesService, type DispatchRulesService } from './dispatch-rules.service';
import { registerDispatchRulesRoutes } from './dispatch-rules.routes';

/** Needs classes, conditions, areas, departments and a 部件's units; provides `suggest` to the case engine. */
export function dispatchRulesModule(
  p: Platform,
  needs: Needs<'categories' | 'conditions' | 'areas' | 'departments' | 'components'>,
): WiredModule<DispatchRulesService> {
  const service = createDispatchRulesService({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    // Held, not looked up per call: the categories module is wired before this one.
    categories: needs().categories,
    conditions: needs().conditions,
    areaRefs: (codes) => needs().areas.refs(codes),
    // The matrix names departments of any area, so it reads them with the system actor's full scope.
    departmentsByIds: (ids) => needs().departments.byIds(ids),
    departmentsByCodes: (codes) => needs().departments.byCodes(codes),
    // A 部件's 养护单位/权属单位/主管部门 are credit codes.
    departmentsByCreditCodes: (codes) => needs().departments.byCreditCodes(codes),
    componentUnits: (id) => needs().components.dispatchUnits(id),
    streetsInScope: (actor) => needs().areas.tree(actor, { level: 'street' }),
  });
  return { service, routes: (app) => registerDispatchRulesRoutes(app, service) };
}
