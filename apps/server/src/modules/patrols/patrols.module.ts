import type { Needs, Platform, WiredModule } from '../../wiring';
import { toWgs84 } from '../areas';
import { createPatrolsRepo } from './patrols.repo';
import { registerPatrolsRoutes } from './patrols.routes';
import { createPatrolsService, type PatrolsService } from './patrols.service';

/** 巡查 needs only the grid at a point (areas). */
export function patrolsModule(p: Platform, needs: Needs<'areas'>): WiredModule<PatrolsService> {
  const service = createPatrolsService({
    repo: createPatrolsRepo(p.db),
    toWgs84,
    gridAt: async (lng, lat) =>
      (await needs().areas.gridAt(lng, lat, 'wgs84'))?.place.gridCode ?? null,
  });
  return { service, routes: (app) => registerPatrolsRoutes(app, service) };
}
