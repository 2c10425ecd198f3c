import { AppError } from '../../core/errors';

/**
 * How big one area import may be. Validation costs grow with vertices (a self-intersecting ring far
 * faster than a clean one), so files are bounded before any geometry is looked at; the checks themselves
 * run in a worker thread (import-worker.mjs) so even a file at the limits never stalls other requests.
 * Real boundaries sit far below: a surveyed district outline has a few thousand vertices, a grid tens.
 */
export const AREA_IMPORT_LIMITS = {
  featuresPerFile: 5_000,
  verticesPerFeature: 20_000,
  verticesPerFile: 1_000_000,
} as const;

/** Files with fewer vertices than this are checked in line: a worker's start costs more than they do. */
export const IN_LINE_VERTICES = 1_000;

/** Positions of a GeoJSON geometry without reading them (a polygon's rings, a multipolygon's polygons). */
function countVertices(geometry: unknown): number {
  if (typeof geometry !== 'object' || geometry === null) return 0;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return 0;
  const polygons: unknown[] = type === 'MultiPolygon' ? coordinates : [coordinates];
  let n = 0;
  for (const p of polygons)
    if (Array.isArray(p)) for (const ring of p) if (Array.isArray(ring)) n += ring.length;
  return n;
}

/**
 * Refuses a file over the limits with a 400 naming the field, before any validation; returns the
 * file's vertex count. Anything that is not a FeatureCollection is left to the parser's report.
 */
export function checkImportLimits(geojson: unknown): number {
  const features = (geojson as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return 0;
  const L = AREA_IMPORT_LIMITS;
  if (features.length > L.featuresPerFile)
    throw new AppError(
      'validation_failed',
      `文件有 ${features.length} 个要素，一次最多导入 ${L.featuresPerFile} 个，请分批导入`,
      { field: 'geojson.features' },
    );
  let total = 0;
  features.forEach((f, i) => {
    const n = countVertices((f as { geometry?: unknown } | null)?.geometry);
    if (n > L.verticesPerFeature)
      throw new AppError(
        'validation_failed',
        `第 ${i} 个要素有 ${n} 个顶点，每个要素最多 ${L.verticesPerFeature} 个，请先抽稀边界`,
        { field: `geojson.features.${i}.geometry` },
      );
    total += n;
  });
  if (total > L.verticesPerFile)
    throw new AppError(
      'validation_failed',
      `文件共有 ${total} 个顶点，一次最多 ${L.verticesPerFile} 个，请分批导入`,
      { field: 'geojson.features' },
    );
  return total;
}
