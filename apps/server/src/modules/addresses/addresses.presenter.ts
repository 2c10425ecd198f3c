import type { AddressLevel, AddressNode, AddressPathItem, BuildingInfo } from '@wangge/shared';
import { parseJson, placeCode, placeOf, type FormerName } from './address-model';
import type { AddressesTable } from './addresses.tables';

/** What a page of nodes needs besides the rows: area names and child counts, looked up once per page. */
export interface NodeLookup {
  areaName(code: string): string | null;
  childCount(id: string): number;
}

export function presentAddress(r: AddressesTable, look: NodeLookup): AddressNode {
  return {
    id: r.id,
    parentId: r.parent_id,
    level: r.level as AddressLevel,
    name: r.name,
    fullName: r.full_name,
    formerNames: parseJson<FormerName[]>(r.former_names, []),
    lng: r.lng,
    lat: r.lat,
    adminCode: r.admin_code,
    streetCode: r.street_code,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    areaName: look.areaName(placeCode(placeOf(r))),
    childCount: look.childCount(r.id),
    building: parseJson<BuildingInfo | null>(r.building_info, null),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const presentPathItem = (r: AddressesTable): AddressPathItem => ({
  id: r.id,
  level: r.level as AddressLevel,
  name: r.name,
});
