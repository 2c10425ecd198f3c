import { describe, expect, it } from 'vitest';
import {
  DEMO_DISTRICT_CODE,
  generateCity,
  uniformCreditCheckChar,
  type DemoArea,
} from './city-generator';
import {
  areaKm2,
  bbox,
  containedWithTolerance,
  findSiblingProblems,
  LocateIndex,
  pointOnSurface,
  validateGeometry,
} from '../areas/geo.test-util';

describe('generateCity', () => {
  const t0 = performance.now();
  const city = generateCity();
  const ms = performance.now() - t0;
  const byLevel = (level: DemoArea['level']): DemoArea[] =>
    city.areas.filter((a) => a.level === level);
  const grids = byLevel('grid');

  it('is deterministic and fast', () => {
    expect(ms).toBeLessThan(1000);
    expect(generateCity(42)).toEqual(city);
    expect(generateCity(7)).not.toEqual(city);
  });

  it('has the 1 / 6 / 30 / 300 hierarchy with codes extending their parents', () => {
    expect(byLevel('district').map((a) => [a.code, a.name])).toEqual([
      [DEMO_DISTRICT_CODE, '示范区'],
    ]);
    expect(byLevel('street')).toHaveLength(6);
    expect(byLevel('community')).toHaveLength(30);
    expect(grids).toHaveLength(300);
    const codes = new Map(city.areas.map((a) => [a.code, a]));
    expect(codes.size).toBe(city.areas.length);
    const lengths = { district: 6, street: 9, community: 12, grid: 14 };
    for (const a of city.areas) {
      expect(a.code).toMatch(new RegExp(`^\\d{${lengths[a.level]}}$`));
      if (a.parentCode === null) continue;
      expect(a.code.startsWith(a.parentCode)).toBe(true);
      expect(codes.get(a.parentCode)).toBeDefined();
    }
    expect(grids.every((g) => g.gridType === 'unit')).toBe(true);
    expect(byLevel('street')[0]!.name).toBe('花园路街道');
    expect(byLevel('community').every((c) => c.name.endsWith('社区'))).toBe(true);
    expect(grids[2]!.name).toMatch(/^.+社区第3网格$/);
  });

  it('sits near 113.70, 34.78 and is about 12 km × 8 km', () => {
    const district = byLevel('district')[0]!;
    const [minX, minY, maxX, maxY] = bbox(district.geometry);
    expect((minX + maxX) / 2).toBeCloseTo(113.7, 2);
    expect((minY + maxY) / 2).toBeCloseTo(34.78, 2);
    expect(areaKm2(district.geometry)).toBeGreaterThan(85);
    expect(areaKm2(district.geometry)).toBeLessThan(110);
  });

  it('produces only valid, irregular polygons', () => {
    for (const a of city.areas) {
      const r = validateGeometry(a.geometry);
      expect(r.ok ? [] : r.problems).toEqual([]);
    }
    // Irregular: a grid ring has far more than 5 positions.
    expect(grids.every((g) => g.geometry.coordinates[0]!.length >= 13)).toBe(true);
  });

  it('tiles exactly: no sibling overlaps, no gaps, children inside parents', () => {
    for (const parent of city.areas.filter((a) => a.level !== 'grid')) {
      const children = city.areas.filter((a) => a.parentCode === parent.code);
      const r = findSiblingProblems(children, parent.geometry);
      expect(r.overlaps).toEqual([]);
      expect(r.gapFraction).toBe(0);
      const sum = children.reduce((s, c) => s + areaKm2(c.geometry), 0);
      expect(sum).toBeCloseTo(areaKm2(parent.geometry), 6);
      for (const c of children)
        expect(containedWithTolerance(c.geometry, parent.geometry, 0.01).ok).toBe(true);
    }
  });

  it('locates every grid pointOnSurface back to that grid', () => {
    const index = new LocateIndex(grids.map((g) => ({ id: g.code, geometry: g.geometry })));
    for (const g of grids) {
      const [x, y] = pointOnSurface(g.geometry);
      expect(index.locateAll(x, y)).toEqual([g.code]);
    }
  });

  it('staffs every grid with the five roles; a leader serves a pair of grids', () => {
    expect(city.staff).toHaveLength(1500);
    for (const g of grids) {
      const roles = city.staff
        .filter((s) => s.gridCode === g.code)
        .map((s) => s.role)
        .sort();
      expect(roles).toEqual([
        'gridAdministrator',
        'gridLeader',
        'gridPoliceOfficer',
        'gridSupervisor',
        'residentInformant',
      ]);
    }
    const people = new Map(city.staff.map((s) => [s.username, s]));
    expect(people.size).toBe(1350);
    const leaderGrids = city.staff
      .filter((s) => s.username === 'g001_leader')
      .map((s) => s.gridCode);
    expect(leaderGrids).toEqual([grids[0]!.code, grids[1]!.code]);
    // A person has one name and one phone wherever they serve; phones are unique per person.
    for (const s of city.staff) {
      expect(people.get(s.username)).toMatchObject({ displayName: s.displayName, phone: s.phone });
      expect(s.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(s.displayName).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(s.username).toMatch(/^g\d{3}_(leader|admin|informant|police|supervisor)$/);
    }
    expect(new Set([...people.values()].map((p) => p.phone)).size).toBe(1350);
  });

  it('has about ten departments with check-digit-valid credit codes', () => {
    expect(city.departments.length).toBeGreaterThanOrEqual(10);
    expect(new Set(city.departments.map((d) => d.code)).size).toBe(city.departments.length);
    for (const d of city.departments) {
      expect(d.areaCode).toBe(DEMO_DISTRICT_CODE);
      expect(d.creditCode).toMatch(/^(11|12|91)410199[0-9]{8}[0-9X][0-9A-HJ-NPQRTUWXY]$/);
      expect(uniformCreditCheckChar(d.creditCode.slice(0, 17))).toBe(d.creditCode[17]);
    }
    // A published code (国家市场监督管理总局) passes the same check.
    expect(uniformCreditCheckChar('11100000000013127')).toBe('D');
  });

  it('stays valid for other seeds', () => {
    for (const seed of [1, 2, 3, 99, 2024]) {
      const c = generateCity(seed);
      for (const a of c.areas) expect(validateGeometry(a.geometry).ok).toBe(true);
    }
  });
});
