import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geometryToWgs84, toWgs84 } from './crs';
import type { Geometry, Position } from './geo-types';
import { LocateIndex } from './locate-index';
import { areaKm2 } from './measure';
import { findSiblingProblems } from './topology';
import { validateGeometry } from './validate-geometry';

/*
 * Real boundaries: Zhengzhou's 12 county-level districts as published in GCJ-02 (AMap
 * style, adcode as a number). Exercises conversion, validation and location on data we
 * did not draw ourselves.
 */
const FILE = new URL(
  '../../../../test/fixtures/zhengzhou-410100-districts.geojson',
  import.meta.url,
);

interface Feature {
  properties: { adcode: number; name: string; centroid: Position };
  geometry: Geometry;
}

describe('Zhengzhou districts (real GCJ-02 data)', () => {
  const features = (JSON.parse(readFileSync(FILE, 'utf8')) as { features: Feature[] }).features;
  const districts = features.map((f) => ({
    id: String(f.properties.adcode),
    name: f.properties.name,
    centroid: toWgs84(f.properties.centroid, 'gcj02'),
    geometry: geometryToWgs84(f.geometry, 'gcj02'),
  }));

  it('has the 12 districts of 4101', () => {
    expect(districts).toHaveLength(12);
    expect(districts.every((d) => /^4101\d\d$/.test(d.id))).toBe(true);
  });

  it('validates every district after conversion to WGS84', () => {
    const report = districts.map((d) => {
      const r = validateGeometry(d.geometry);
      return { id: d.id, name: d.name, problems: r.ok ? [] : r.problems };
    });
    expect(report.filter((r) => r.problems.length > 0)).toEqual([]);
  });

  it('has plausible areas (Zhengzhou is ~7,500 km²; 金水区 ~242 km²)', () => {
    const total = districts.reduce((s, d) => s + areaKm2(d.geometry), 0);
    expect(total).toBeGreaterThan(7300);
    expect(total).toBeLessThan(7700);
    const jinshui = districts.find((d) => d.id === '410105')!;
    expect(areaKm2(jinshui.geometry)).toBeGreaterThan(230);
    expect(areaKm2(jinshui.geometry)).toBeLessThan(255);
  });

  it('does not report neighbouring districts as overlapping', () => {
    const r = findSiblingProblems(districts.map((d) => ({ code: d.id, geometry: d.geometry })));
    expect(r.overlaps).toEqual([]);
  });

  it('locates each published centroid to its own district and far points nowhere', () => {
    const index = new LocateIndex(districts);
    expect(index.size).toBe(12);
    for (const d of districts)
      expect(index.locateAll(d.centroid[0], d.centroid[1])).toEqual([d.id]);
    expect(index.locate(0, 0)).toBeNull();
    expect(index.locate(120, 40)).toBeNull();
  });
});
