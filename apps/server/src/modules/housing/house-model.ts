import {
  maskPhone,
  RENTAL_HOUSE_USES,
  type HouseRental,
  type HouseUse,
  type UpdateHouseRequest,
} from '@wangge/shared';
import type { FieldCipher } from '../../core/crypto';
import { invalid } from '../../core/errors';
import type { HousesTable } from './housing.tables';

type Attributes = Omit<UpdateHouseRequest, 'version'>;

const RENTAL_NONE = { rent_purpose: null, contract_start: null, contract_end: null };

/** 出租 details belong to rented (or mixed) houses only; leaving those uses clears them. */
function rentalColumns(
  use: HouseUse,
  rental: HouseRental | null | undefined,
  changingUse: boolean,
): Partial<HousesTable> {
  const renting = RENTAL_HOUSE_USES.includes(use);
  if (rental && !renting) throw invalid('rental', '只有出租或混合用途的房屋可填写租赁信息');
  if (!renting) return changingUse || rental === null ? RENTAL_NONE : {};
  if (rental === undefined) return {};
  if (rental === null) return RENTAL_NONE;
  return {
    rent_purpose: rental.purpose,
    contract_start: rental.contractStart ?? null,
    contract_end: rental.contractEnd ?? null,
  };
}

/**
 * The columns a create or update writes: only fields present in the input (null clears). The landlord phone is
 * stored encrypted with a keyed hash and its mask beside it, never in clear.
 */
export function attributeColumns(
  input: Attributes,
  current: Pick<HousesTable, 'use'> | null,
  cipher: FieldCipher,
): Partial<HousesTable> {
  const use = (input.use ?? current?.use) as HouseUse;
  const out: Partial<HousesTable> = rentalColumns(
    use,
    input.rental,
    current !== null && input.use !== undefined && input.use !== current.use,
  );
  if (input.use !== undefined) out.use = input.use;
  if (input.ownership !== undefined) out.ownership = input.ownership;
  if (input.areaM2 !== undefined) out.area_m2 = input.areaM2;
  if (input.certificateNo !== undefined) out.certificate_no = input.certificateNo;
  if (input.landlordName !== undefined) out.landlord_name = input.landlordName;
  if (input.remarks !== undefined) out.remarks = input.remarks;
  if (input.landlordPhone !== undefined) {
    out.landlord_phone_enc = input.landlordPhone ? cipher.encrypt(input.landlordPhone) : null;
    out.landlord_phone_hash = input.landlordPhone ? cipher.lookupHash(input.landlordPhone) : null;
    out.landlord_phone_masked = input.landlordPhone ? maskPhone(input.landlordPhone) : null;
  }
  return out;
}
