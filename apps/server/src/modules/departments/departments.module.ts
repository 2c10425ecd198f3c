import type { Needs, Platform, WiredModule } from '../../wiring';
import { createDepartmentsService, type DepartmentsService } from './departments.service';
import { registerDepartmentsRoutes } from './departments.routes';

/** Needs area names; provides departments by id and credit code to users, cases and the dispatch matrix. */
export function departmentsModule(
  p: Platform,
  needs: Needs<'areas'>,
): WiredModule<DepartmentsService> {
  const service = createDepartmentsService({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    areaRefs: (codes) => needs().areas.refs(codes),
  });
  return { service, routes: (app) => registerDepartmentsRoutes(app, service) };
}
