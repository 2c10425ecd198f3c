/** The area hierarchy 区 → 街道 → 社区 → 网格: boundaries, versions, locate, grid staff. */
export { createAreasService, type AreasService } from './areas.service';
export { registerAreasRoutes } from './areas.routes';
export { pointOnSurface } from './geo/measure';
// Distances for "near here" questions (the cases module's duplicate search).
export { bboxAround, haversineMetres } from './geo/distance';
