import { describe, expect, it } from 'vitest';
import { bboxAround, haversineMetres } from './distance';

describe('haversineMetres', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineMetres(113.65, 34.76, 113.65, 34.76)).toBe(0);
    expect(haversineMetres(113.65, 34.76, 113.66, 34.77)).toBeCloseTo(
      haversineMetres(113.66, 34.77, 113.65, 34.76),
      9,
    );
  });

  it('gives a degree of latitude as ~111.2 km and shortens degrees of longitude by cos(lat)', () => {
    expect(haversineMetres(0, 0, 0, 1)).toBeCloseTo(111_195, 0);
    // Zhengzhou, 34.76°N: one degree east is cos(34.76°) of the equator's.
    expect(haversineMetres(113, 34.76, 114, 34.76) / haversineMetres(0, 0, 1, 0)).toBeCloseTo(
      Math.cos((34.76 * Math.PI) / 180),
      3,
    );
  });

  it('measures a 50 m duplicate radius to within a few centimetres of a flat-earth estimate', () => {
    const dLat = 50 / 111_195;
    expect(haversineMetres(113.65, 34.76, 113.65, 34.76 + dLat)).toBeCloseTo(50, 1);
  });
});

describe('bboxAround', () => {
  // Within 0.998 of the radius: the box's constant is 0.11 % short north–south (see distance.ts).
  it('contains the circle, bar its last 0.11 % due north and south (eight bearings)', () => {
    const [lng, lat, r] = [113.65, 34.76, 50];
    const [x0, y0, x1, y1] = bboxAround(lng, lat, r);
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const b = (bearing * Math.PI) / 180;
      // A point ~r metres away in that direction (flat-earth step, then checked by haversine).
      const p: [number, number] = [
        lng + (Math.sin(b) * r * 0.998) / (111_195 * Math.cos((lat * Math.PI) / 180)),
        lat + (Math.cos(b) * r * 0.998) / 111_195,
      ];
      expect(haversineMetres(lng, lat, p[0], p[1])).toBeLessThanOrEqual(r);
      expect(p[0]).toBeGreaterThanOrEqual(x0);
      expect(p[0]).toBeLessThanOrEqual(x1);
      expect(p[1]).toBeGreaterThanOrEqual(y0);
      expect(p[1]).toBeLessThanOrEqual(y1);
    }
  });

  it('misses the rim due north by the known 0.11 %', () => {
    const [, , , y1] = bboxAround(113.65, 34.76, 50);
    expect(haversineMetres(113.65, 34.76, 113.65, y1)).toBeCloseTo(50 * (111_195 / 111_320), 1);
  });

  it('is wider in degrees of longitude than latitude away from the equator', () => {
    const [x0, y0, x1, y1] = bboxAround(113.65, 34.76, 100);
    expect(x1 - x0).toBeGreaterThan(y1 - y0);
  });
});
