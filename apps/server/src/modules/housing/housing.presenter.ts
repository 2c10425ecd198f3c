import {
  maskName,
  type House,
  type HouseOwnership,
  type HouseUse,
  type RentPurpose,
} from '@wangge/shared';
import type { HousesTable } from './housing.tables';

/** What a page of houses needs besides the rows, looked up once per page. */
export interface HouseLookup {
  areaName(code: string): string | null;
  /** Lists mask the landlord's name too (S2 personal data, docs/domain.md §10); the detail view shows it. */
  maskNames: boolean;
}

export function presentHouse(r: HousesTable, look: HouseLookup): House {
  return {
    id: r.id,
    addressId: r.address_id,
    fullAddress: r.full_address,
    use: r.use as HouseUse,
    ownership: r.ownership as HouseOwnership,
    areaM2: r.area_m2,
    certificateNo: r.certificate_no,
    landlordName: r.landlord_name && look.maskNames ? maskName(r.landlord_name) : r.landlord_name,
    // Stored masked (rows from before the column are filled by the service before they get here).
    landlordPhone: r.landlord_phone_masked,
    rental: r.rent_purpose
      ? {
          purpose: r.rent_purpose as RentPurpose,
          contractStart: r.contract_start,
          contractEnd: r.contract_end,
        }
      : null,
    remarks: r.remarks,
    adminCode: r.admin_code,
    streetCode: r.street_code,
    communityCode: r.community_code,
    communityName: look.areaName(r.community_code),
    gridCode: r.grid_code,
    gridName: r.grid_code ? look.areaName(r.grid_code) : null,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
