import type { Crs } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { FULL_SCOPE, inScope, type AreaScope } from '../../core/auth/area-scope';
import { AppError } from '../../core/errors';
import type { GridOfPoint } from '../areas';

/** A node of the standard address tree, as the addresses module answers it. */
export interface AddressRef {
  id: string;
  fullAddress: string;
  adminCode: string;
  streetCode: string | null;
  communityCode: string | null;
  /** Null while the address is not yet drawn into a grid */
  gridCode: string | null;
}

export type { GridPlace, Located } from '../areas';

export interface LocationDeps {
  gridAt: GridOfPoint;
  /** Addresses the scope may see (addresses module); others are left out, like unknown ids. */
  addressRefs(ids: string[], scope: AreaScope): Promise<AddressRef[]>;
}

/** The location columns units and places share. */
export interface LocationColumns {
  address: string;
  address_id: string | null;
  lng: number | null;
  lat: number | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string;
  grid_version: number | null;
}

export interface LocationInput {
  address?: string | undefined;
  addressId?: string | null | undefined;
  lng?: number | undefined;
  lat?: number | undefined;
  crs: Crs;
}

/**
 * Where a record lies and which grid it belongs to. A map point decides the grid when there is one (it is the
 * precise fact); otherwise the standard address's own grid does. The grid must be in the caller's scope (403).
 * `current` is the stored location of an edited record: unchanged inputs keep it without relocating.
 */
export async function resolveLocation(
  deps: LocationDeps,
  actor: Actor,
  input: LocationInput,
  current?: LocationColumns,
): Promise<LocationColumns> {
  const moved = input.lng !== undefined && input.lat !== undefined;
  const addressId = input.addressId !== undefined ? input.addressId : (current?.address_id ?? null);
  const readdressed = addressId !== (current?.address_id ?? null);
  if (current && !moved && !readdressed)
    return { ...current, address: input.address ?? current.address };

  let ref: AddressRef | undefined;
  if (addressId) {
    // A newly named address resolves through the caller's scope: one they may not see is as unknown (404) and none of
    // its text comes back. A kept one was checked when it was chosen.
    ref = (await deps.addressRefs([addressId], readdressed ? actor.scope : FULL_SCOPE))[0];
    if (!ref) throw new AppError('not_found', '标准地址不存在', { field: 'addressId' });
  }
  const point: [number, number, Crs] | null = moved
    ? [input.lng!, input.lat!, input.crs]
    : current?.lng != null && current.lat != null
      ? [current.lng, current.lat, 'wgs84']
      : null;

  let codes: Omit<LocationColumns, 'address' | 'address_id'>;
  if (point) {
    const at = await deps.gridAt(point[0], point[1], point[2]);
    if (!at) throw new AppError('validation_failed', '该位置不在任何网格内', { field: 'lng' });
    const p = at.place;
    codes = {
      lng: at.position[0],
      lat: at.position[1],
      admin_code: p.adminCode,
      street_code: p.streetCode,
      community_code: p.communityCode,
      grid_code: p.gridCode,
      grid_version: p.gridVersion,
    };
  } else if (ref) {
    if (!ref.gridCode)
      throw new AppError('validation_failed', '该标准地址尚未划入网格，请在地图上选点', {
        field: 'addressId',
      });
    // Area codes extend their parent's, so a grid code names its street (9 digits) and community (12) too.
    const g = ref.gridCode;
    codes = {
      lng: null,
      lat: null,
      admin_code: ref.adminCode,
      street_code: ref.streetCode ?? g.slice(0, 9),
      community_code: ref.communityCode ?? g.slice(0, 12),
      grid_code: g,
      grid_version: null,
    };
  } else {
    throw new AppError('validation_failed', '请在地图上选点或选择标准地址', { field: 'lng' });
  }
  if (!inScope(actor.scope, codes.grid_code))
    throw new AppError('forbidden', '该位置不在您的管辖范围内');

  const address =
    input.address ?? (readdressed && ref ? ref.fullAddress : current?.address) ?? ref?.fullAddress;
  if (!address) throw new AppError('validation_failed', '请填写地址', { field: 'address' });
  return { address, address_id: addressId, ...codes };
}
