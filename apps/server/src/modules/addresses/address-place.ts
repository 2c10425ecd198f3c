import type { AddressLevel, Crs } from '@wangge/shared';
import { inScope, type AreaScope } from '../../core/auth/area-scope';
import { AppError, invalid } from '../../core/errors';
import type { AreaRefs, GridOfPoint } from '../areas';
import { placeCode, placeFromCode, placeWithin, type Place } from './address-model';

export interface PlaceDeps {
  gridAt: GridOfPoint;
  areaRefs: AreaRefs;
}

export interface PlaceInput {
  lng?: number | undefined;
  lat?: number | undefined;
  crs?: Crs | undefined;
  areaCode?: string | undefined;
}

/**
 * Whether a reader sees a node (the SQL of the repo's `visible`, for one row): the node lies in their scope, or their
 * scope lies inside the node's area (a 街巷 filed at the district is seen by all of the district's workers).
 */
export function visibleTo(scope: AreaScope, p: Place): boolean {
  const code = placeCode(p);
  return inScope(scope, code) || scope.prefixes.some((x) => x.startsWith(code));
}

/** A 街巷 crosses grids and communities: it is always filed at its district. */
const forLevel = (level: AddressLevel, p: Place): Place =>
  level === 'street_lane' ? { admin: p.admin, street: null, community: null, grid: null } : p;

/**
 * Where a node is filed. An explicit area wins (a point given with it must lie inside it); else the grid of the point;
 * else the parent's place. The result lies inside the parent's. Answers the WGS84 point to store, if any.
 */
export async function resolvePlace(
  deps: PlaceDeps,
  level: AddressLevel,
  input: PlaceInput,
  parent: Place | null,
): Promise<{ place: Place; position: [number, number] | null }> {
  let place: Place | null = null;
  let position: [number, number] | null = null;
  if (input.areaCode) {
    const ref = (await deps.areaRefs([input.areaCode])).find((a) => a.code === input.areaCode);
    if (!ref) throw invalid('areaCode', `区域 ${input.areaCode} 不存在`);
    place = placeFromCode(ref.code, ref.level);
  }
  if (input.lng !== undefined && input.lat !== undefined) {
    const at = await deps.gridAt(input.lng, input.lat, input.crs ?? 'wgs84');
    if (!at) throw invalid('lng', '该位置不在任何网格内');
    const located: Place = {
      admin: at.place.adminCode,
      street: at.place.streetCode,
      community: at.place.communityCode,
      grid: at.place.gridCode,
    };
    if (place && !placeWithin(located, place))
      throw invalid('lng', `坐标位于网格 ${located.grid}，不在所填区域 ${input.areaCode} 内`);
    place ??= located;
    position = at.position;
  }
  place ??= parent;
  if (!place) throw invalid('areaCode', '请填写所属区域或坐标');
  place = forLevel(level, place);
  if (parent && !placeWithin(place, parent))
    throw invalid(
      input.areaCode ? 'areaCode' : 'lng',
      `不在上级地址所属区域 ${placeCode(parent)} 内`,
    );
  return { place, position };
}

/**
 * Who may add or change a node: a 街巷 (district-wide) may be added by anyone working in the district; everything
 * else must lie in the actor's scope. Changing a 街巷 therefore needs district scope.
 */
export function assertMayWrite(scope: AreaScope, place: Place, addingRoot: boolean): void {
  const ok = addingRoot ? visibleTo(scope, place) : inScope(scope, placeCode(place));
  if (!ok) throw new AppError('forbidden', '该地址超出您的管辖范围');
}
