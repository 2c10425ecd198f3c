/**
 * The areas module's geometry checks, for tests elsewhere that build areas of their own (the demo city generator):
 * they prove generated boundaries would pass the same validation an uploaded boundary does.
 */
export { validateGeometry } from './geo/validate-geometry';
export { containedWithTolerance, findSiblingProblems } from './geo/topology';
export { areaKm2, bbox, pointOnSurface } from './geo/measure';
export { LocateIndex } from './geo/locate-index';
