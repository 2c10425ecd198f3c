/** 巡查 (patrols): start/stop, track points and check-ins from the field app (docs/field-app.md). */
export { createPatrolsService, type PatrolsService } from './patrols.service';
export { registerPatrolsRoutes } from './patrols.routes';
export { patrolsModule } from './patrols.module';
export { trackLength } from './track';
export { DEFAULT_GAP_LIMIT_MS, type PeriodRange, type Tenure } from './patrol-figures';
