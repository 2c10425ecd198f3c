import { haversineMetres, type Position } from '../areas';

/** Length of a track in metres (great-circle legs between consecutive points). */
export function trackLength(points: readonly Position[]): number {
  let m = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    m += haversineMetres(a[0], a[1], b[0], b[1]);
  }
  return m;
}
