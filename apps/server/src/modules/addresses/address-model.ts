import {
  ADDRESS_LEVEL_LABELS,
  addressSearchKey,
  childLevelsOf,
  type AddressLevel,
  type BuildingInfo,
} from '@wangge/shared';
import { invalid } from '../../core/errors';
import type { AddressesTable } from './addresses.tables';

/**
 * Where a node is filed: always a district, then as precise as known. A 街巷 crossing grids stops at its district
 * (or street, or community); a 门牌 located by its point has all four codes.
 */
export interface Place {
  admin: string;
  street: string | null;
  community: string | null;
  grid: string | null;
}

/** The most precise code of a place: the one scope checks compare. */
export const placeCode = (p: Place): string => p.grid ?? p.community ?? p.street ?? p.admin;

export const placeOf = (
  r: Pick<AddressesTable, 'admin_code' | 'street_code' | 'community_code' | 'grid_code'>,
): Place => ({
  admin: r.admin_code,
  street: r.street_code,
  community: r.community_code,
  grid: r.grid_code,
});

export const placeColumns = (p: Place) => ({
  admin_code: p.admin,
  street_code: p.street,
  community_code: p.community,
  grid_code: p.grid,
  place_code: placeCode(p),
});

export const samePlace = (a: Place, b: Place): boolean =>
  a.admin === b.admin && a.street === b.street && a.community === b.community && a.grid === b.grid;

/** Codes extend their parent's (docs/domain.md §3), so a known code and its level give every coarser code. */
export function placeFromCode(
  code: string,
  level: 'district' | 'street' | 'community' | 'grid',
): Place {
  return {
    admin: code.slice(0, 6),
    street: level === 'district' ? null : code.slice(0, 9),
    community: level === 'district' || level === 'street' ? null : code.slice(0, 12),
    grid: level === 'grid' ? code : null,
  };
}

/** A child must lie inside its parent's area: its most precise code extends the parent's. */
export const placeWithin = (inner: Place, outer: Place): boolean =>
  placeCode(inner).startsWith(placeCode(outer));

/** Children sort naturally: digit runs are padded so 2号 comes before 10号. */
export const naturalKey = (nameKey: string): string =>
  nameKey.replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(10, '0'));

/** Length in code points: what substr counts on both databases. */
export const textLength = (s: string): number => [...s].length;

export interface FormerName {
  name: string;
  until: string;
}

export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The columns derived from a name under a parent (null: a root). */
export function nameColumns(
  name: string,
  parent: Pick<AddressesTable, 'full_name' | 'search_text'> | null,
) {
  const key = addressSearchKey(name);
  return {
    name,
    name_key: key,
    sort_key: naturalKey(key),
    full_name: (parent?.full_name ?? '') + name,
    search_text: (parent?.search_text ?? '') + key,
  };
}

/** Only defined attributes are kept, so an empty form stores nothing. */
export function buildingJson(
  level: AddressLevel,
  info: BuildingInfo | null | undefined,
): string | null {
  if (level !== 'building' || !info) return null;
  const kept = Object.fromEntries(
    Object.entries(info).filter(([, v]) => v !== undefined && v !== null),
  );
  return Object.keys(kept).length ? JSON.stringify(kept) : null;
}

/** A root's siblings are the 街巷 of its district; anyone else's are its parent's children. */
export const parentKeyOf = (parent: { id: string } | null, place: Place): string =>
  parent?.id ?? `root:${place.admin}`;

/** 门牌 under 街巷, 小区 or 楼栋 under 门牌…: the level rules of childLevelsOf, as a 400 on `field`. */
export function assertChildLevel(
  parentLevel: AddressLevel | null,
  level: AddressLevel,
  field: string,
): void {
  const allowed = childLevelsOf(parentLevel);
  if (allowed.includes(level)) return;
  const names = allowed.map((l) => ADDRESS_LEVEL_LABELS[l].zh).join('或');
  throw invalid(
    field,
    parentLevel
      ? `${ADDRESS_LEVEL_LABELS[parentLevel].zh}下只能添加${names}`
      : '顶层地址只能是街巷',
  );
}

export interface NewNode {
  id: string;
  level: AddressLevel;
  name: string;
  parent: AddressesTable | null;
  place: Place;
  position: [number, number] | null;
  building: BuildingInfo | null | undefined;
  now: string;
}

export function newNodeRow(n: NewNode): AddressesTable {
  return {
    id: n.id,
    parent_id: n.parent?.id ?? null,
    parent_key: parentKeyOf(n.parent, n.place),
    level: n.level,
    ...nameColumns(n.name, n.parent),
    former_names: '[]',
    lng: n.position?.[0] ?? null,
    lat: n.position?.[1] ?? null,
    ...placeColumns(n.place),
    building_info: buildingJson(n.level, n.building),
    version: 1,
    created_at: n.now,
    updated_at: n.now,
  };
}
