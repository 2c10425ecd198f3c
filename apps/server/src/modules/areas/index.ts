import type { AreaRef } from '@wangge/shared';
import type { Crs } from './geo/geo-types';

/** The area hierarchy 区 → 街道 → 社区 → 网格: boundaries, versions, locate, grid staff. */
export { createAreasService, type AreasService } from './areas.service';
export { registerAreasRoutes } from './areas.routes';
export { pointOnSurface } from './geo/measure';
// Distances for "near here" questions (the cases module's duplicate search).
export { bboxAround, haversineMetres } from './geo/distance';
// Phone SDKs in China report GCJ-02; the field app's positions are converted before they are stored or located.
export { toWgs84 } from './geo/crs';
export { areasModule } from './areas.module';
export type { Crs, Geometry, Position, Ring } from './geo/geo-types';

/*
 * The ports other modules declare in their deps, once: what a new record is filed under and how area names are read.
 */

/** The unit grid containing a point, with the codes of every level and the grid's version (`gridAt`). */
export interface GridPlace {
  gridCode: string;
  gridVersion: number;
  communityCode: string;
  streetCode: string;
  adminCode: string;
}
/** A point's grid, with the point in WGS84. */
export interface Located {
  place: GridPlace;
  position: [number, number];
}
/** The grid of a point given in any of the three coordinate systems (areas service `gridAt`). */
export type GridOfPoint = (lng: number, lat: number, crs: Crs) => Promise<Located | null>;
/** Names and levels of areas by code, for other modules' records (areas service `refs`). */
export type AreaRefs = (codes: string[]) => Promise<AreaRef[]>;
