import type { Transaction } from 'kysely';
import type { CreateHouseRequest } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { assertActionInScope } from '../../core/auth/area-scope';
import type { FieldCipher } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { newId } from '../../core/ids';
import { attributeColumns } from './house-model';
import type { createHousingRepo } from './housing.repo';
import type { HousesTable } from './housing.tables';

/** A 户室 as ensurePath returns it inside the import's transaction. */
export interface RoomRef {
  id: string;
  fullAddress: string;
  searchText: string;
  place: { admin: string; street: string | null; community: string | null; grid: string | null };
}

export type HouseAttributesInput = Omit<CreateHouseRequest, 'addressId'>;

/**
 * The spreadsheet import's write: one house per room, created or brought up to date inside the caller's transaction.
 * A row equal to what is stored changes nothing (the landlord phone is compared by its keyed hash), so importing the
 * same file twice leaves every version as it was.
 */
export async function upsertHousesOnRooms(
  deps: { repo: ReturnType<typeof createHousingRepo>; cipher: FieldCipher; now: () => string },
  actor: Actor,
  items: { room: RoomRef; attributes: HouseAttributesInput }[],
  tx: Transaction<DB>,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const { room, attributes } of items) {
    if (!room.place.street || !room.place.community)
      throw new AppError('validation_failed', `${room.fullAddress} 尚未归属到社区`, {
        field: 'gridCode',
      });
    assertActionInScope(actor.scope, room.place.grid ?? room.place.community);
    const existing = await deps.repo.findByAddress(room.id, tx);
    const now = deps.now();
    if (!existing) {
      const row: HousesTable = {
        id: newId(),
        address_id: room.id,
        full_address: room.fullAddress,
        search_text: room.searchText,
        use: attributes.use,
        ownership: attributes.ownership,
        area_m2: null,
        certificate_no: null,
        landlord_name: null,
        landlord_phone_enc: null,
        landlord_phone_hash: null,
        landlord_phone_masked: null,
        rent_purpose: null,
        contract_start: null,
        contract_end: null,
        remarks: null,
        ...attributeColumns(attributes, null, deps.cipher),
        admin_code: room.place.admin,
        street_code: room.place.street,
        community_code: room.place.community,
        grid_code: room.place.grid,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await deps.repo.insert(row, tx);
      counts.created++;
      continue;
    }
    const patch: Partial<HousesTable> = attributeColumns(attributes, existing, deps.cipher);
    if (patch.landlord_phone_hash === existing.landlord_phone_hash) {
      delete patch.landlord_phone_enc;
      delete patch.landlord_phone_hash;
      delete patch.landlord_phone_masked;
    }
    for (const key of Object.keys(patch) as (keyof HousesTable)[])
      if (patch[key] === existing[key]) delete patch[key];
    if (Object.keys(patch).length === 0) {
      counts.unchanged++;
      continue;
    }
    if (
      !(await deps.repo.updateIfVersion(
        existing.id,
        existing.version,
        { ...patch, version: existing.version + 1, updated_at: now },
        tx,
      ))
    )
      throw new AppError('conflict', `${room.fullAddress} 的房屋已被他人修改，请重新导入`, {
        field: 'room',
      });
    counts.updated++;
  }
  return counts;
}
