import type { Crs, Geometry, PolygonCoords, Position } from './geo-types';

/*
 * Chinese map providers publish coordinates in obfuscated systems: GCJ-02 (AMap, Tencent,
 * the national "Mars" datum) and BD-09 (Baidu, a further offset of GCJ-02). The server
 * stores WGS84 only, so everything imported is converted here first.
 *
 * The forward WGS84→GCJ-02 transform is the widely reproduced public formula. Its inverse
 * has no closed form; the common one-step approximation is off by up to ~1–2 m, which is
 * enough to move a point across a grid boundary, so we iterate the forward transform to
 * a fixed point instead.
 */

const A = 6378245.0; // Krasovsky 1940 semi-major axis, as used by GCJ-02
const EE = 0.00669342162296594323; // Krasovsky eccentricity squared
const X_PI = (Math.PI * 3000.0) / 180.0;
const INVERSE_EPS = 1e-7; // degrees, ≈ 1 cm
const MAX_ITER = 30;

/** GCJ-02 only obfuscates inside this rough box; elsewhere it equals WGS84. */
export function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r +=
    ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r +=
    ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

export function wgs84ToGcj02(p: Position): Position {
  const [lng, lat] = p;
  if (outOfChina(lng, lat)) return [lng, lat];
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/** Fixed-point inverse: the offset varies slowly, so each step gains ~3 decimal digits. */
export function gcj02ToWgs84(p: Position): Position {
  const [gLng, gLat] = p;
  if (outOfChina(gLng, gLat)) return [gLng, gLat];
  let lng = gLng;
  let lat = gLat;
  for (let i = 0; i < MAX_ITER; i++) {
    const [fLng, fLat] = wgs84ToGcj02([lng, lat]);
    const dLng = fLng - gLng;
    const dLat = fLat - gLat;
    lng -= dLng;
    lat -= dLat;
    if (Math.abs(dLng) < INVERSE_EPS && Math.abs(dLat) < INVERSE_EPS) break;
  }
  return [lng, lat];
}

export function gcj02ToBd09(p: Position): Position {
  const [x, y] = p;
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * The published BD-09→GCJ-02 formula is itself only approximate (errors of ~1e-6°), so it
 * serves as the starting guess and a few fixed-point steps on the exact forward finish it.
 */
export function bd09ToGcj02(p: Position): Position {
  const [bLng, bLat] = p;
  const x = bLng - 0.0065;
  const y = bLat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  let lng = z * Math.cos(theta);
  let lat = z * Math.sin(theta);
  for (let i = 0; i < MAX_ITER; i++) {
    const [fLng, fLat] = gcj02ToBd09([lng, lat]);
    const dLng = fLng - bLng;
    const dLat = fLat - bLat;
    lng -= dLng;
    lat -= dLat;
    if (Math.abs(dLng) < INVERSE_EPS && Math.abs(dLat) < INVERSE_EPS) break;
  }
  return [lng, lat];
}

export function wgs84ToBd09(p: Position): Position {
  return gcj02ToBd09(wgs84ToGcj02(p));
}

export function toWgs84(p: Position, crs: Crs): Position {
  switch (crs) {
    case 'wgs84':
      return [p[0], p[1]];
    case 'gcj02':
      return gcj02ToWgs84(p);
    case 'bd09':
      return gcj02ToWgs84(bd09ToGcj02(p));
  }
}

/** Returns a new geometry; the input is never mutated. */
export function geometryToWgs84(g: Geometry, crs: Crs): Geometry {
  const mapPoly = (poly: PolygonCoords): PolygonCoords =>
    poly.map((ring) => ring.map((pos) => toWgs84(pos, crs)));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: mapPoly(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(mapPoly) };
}
