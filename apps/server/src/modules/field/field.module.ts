import type { Needs, Platform, WiredModule } from '../../wiring';
import { toWgs84 } from '../areas';
import { createFieldOpsRepo } from './field-ops.repo';
import { registerFieldRoutes } from './field.routes';
import { createFieldService, type FieldService } from './field.service';

/** The field app's server side: an idempotency ledger in front of the cases module's transitions. */
export function fieldModule(p: Platform, needs: Needs<'cases'>): WiredModule<FieldService> {
  const service = createFieldService({
    clock: p.clock,
    ops: createFieldOpsRepo(p.db),
    cases: () => needs().cases,
    toWgs84,
  });
  return { service, routes: (app) => registerFieldRoutes(app, service) };
}
