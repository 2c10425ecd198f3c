import type { BBox } from './geo-types';

/*
 * Point-to-point distances for "what is near here" questions (duplicate cases, 附近). A sphere is
 * enough: over the tens or hundreds of metres these radii cover, the ellipsoid changes the answer by
 * well under a metre, less than a phone's GPS error.
 */

/** Mean Earth radius (IUGG), metres; the same sphere topology.ts measures tolerances on. */
const R = 6371008.8;
const DEG = Math.PI / 180;
/**
 * Metres per degree, as the duplicate search has always used it. It is the equator's degree of
 * longitude, 0.11 % more than a degree of latitude on the sphere above (111,195 m), so the box is
 * that much short north–south: for a 50 m radius, points in its last ~6 cm due north or south fall
 * outside. Kept so the split of the cases service changes no answer; fixing it is one constant.
 */
const M_PER_DEG_LAT = 111_320;

/** Great-circle distance in metres (haversine: stable for the short distances it is used for). */
export function haversineMetres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const a =
    Math.sin(((lat2 - lat1) * DEG) / 2) ** 2 +
    Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(((lng2 - lng1) * DEG) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

/**
 * A degree box that contains every point within `radiusM` of [lng, lat]: the cheap index-friendly
 * prefilter, refined afterwards by haversineMetres. A degree of longitude shrinks with cos(lat).
 */
export function bboxAround(lng: number, lat: number, radiusM: number): BBox {
  const dLat = radiusM / M_PER_DEG_LAT;
  const dLng = radiusM / (M_PER_DEG_LAT * Math.cos(lat * DEG));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}
