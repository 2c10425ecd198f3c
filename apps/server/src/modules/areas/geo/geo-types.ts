/**
 * Geometry types shared by the area modules. Coordinates are [lng, lat] in degrees,
 * GeoJSON order, so values can be passed to and from GeoJSON without reshuffling.
 */

export type Position = [number, number];
/** A closed linear ring: first position equals the last. */
export type Ring = Position[];
/** Outer ring first, then holes. */
export type PolygonCoords = Ring[];

export type PolygonGeometry = { type: 'Polygon'; coordinates: PolygonCoords };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
export type Geometry = PolygonGeometry | MultiPolygonGeometry;

/** Source coordinate systems seen in Chinese map data. */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';

/** [minX, minY, maxX, maxY] */
export type BBox = [number, number, number, number];

/** Every polygon of a geometry as a list, so callers need not branch on the type. */
export function polygonsOf(g: Geometry): PolygonCoords[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
