import type { Kysely, Transaction } from 'kysely';
import {
  addressSearchTokens,
  type AddressPathItem,
  type CreateHouseRequest,
  type House,
  type HouseDetail,
  type HouseList,
  type HouseExportQuery,
  type HouseListQuery,
  type HouseSearchRequest,
  type UpdateHouseRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { assertActionInScope, FULL_SCOPE, type AreaScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError, invalid, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AddressChange, AddressTarget } from '../addresses';
import type { AuditService } from '../audit';
import { attributeColumns } from './house-model';
import { exportHouses } from './housing-export';
import { upsertHousesOnRooms, type HouseAttributesInput, type RoomRef } from './house-upsert';
import { presentHouse } from './housing.presenter';
import { fillMissingPhoneMasks } from './phone-mask-backfill';
import { createHousingFigures } from './housing-figures.repo';
import { createHousingRepo, type HouseFilter } from './housing.repo';
import type { HousesTable } from './housing.tables';
import type { AreaRefs } from '../areas';

/** What the house register asks of other modules; wired in createServices. */
export interface HousingDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: FieldCipher;
  audit: Pick<AuditService, 'record' | 'personalSearch'>;
  areaRefs: AreaRefs;
  /** A 户室 the caller may see (addresses module). */
  addressTarget(scope: AreaScope, id: string): Promise<AddressTarget | null>;
  /** The address path of a room, root first. */
  addressPath(id: string): Promise<AddressPathItem[]>;
}

/** One house for another module (system scope): its room and where it is. */
export interface HouseRef {
  id: string;
  addressId: string;
  fullAddress: string;
  adminCode: string;
  streetCode: string;
  communityCode: string;
  gridCode: string | null;
}

/** 实有房屋: one house per 户室, with use, ownership, landlord (phone encrypted) and rental details. */
export function createHousingService(deps: HousingDeps) {
  const repo = createHousingRepo(deps.db);
  const nowIso = () => deps.clock.now().toISOString();
  const conflict = (version: number | null) =>
    new AppError('conflict', '房屋信息已被他人修改，请刷新后重试', { details: { version } });

  async function present(rows: HousesTable[], maskNames: boolean): Promise<House[]> {
    if (rows.length === 0) return [];
    const codes = [
      ...new Set(rows.flatMap((r) => [r.community_code, ...(r.grid_code ? [r.grid_code] : [])])),
    ];
    const names = new Map((await deps.areaRefs(codes)).map((a) => [a.code, a.name]));
    const masked = await fillMissingPhoneMasks({ repo, cipher: deps.cipher }, rows);
    return masked.map((r) => presentHouse(r, { areaName: (c) => names.get(c) ?? null, maskNames }));
  }

  const filterOf = (q: HouseExportQuery, landlordPhoneHash?: string): HouseFilter => ({
    areaCode: q.areaCode,
    use: q.use,
    ownership: q.ownership,
    tokens: addressSearchTokens(q.q ?? ''),
    landlordPhoneHash,
    addressId: q.addressId,
  });

  async function listBy(
    actor: Actor,
    q: HouseListQuery,
    landlordPhoneHash?: string,
  ): Promise<HouseList> {
    const filter = filterOf(q, landlordPhoneHash);
    const [rows, total] = await Promise.all([
      repo.list(actor.scope, filter, q),
      repo.count(actor.scope, filter),
    ]);
    return { items: await present(rows, true), total };
  }

  const service = {
    /** Houses per area and use, for the registry figures (scope narrowed by the caller). */
    figureCounts: createHousingFigures(deps.db),

    list: (actor: Actor, q: HouseListQuery): Promise<HouseList> => listBy(actor, q),

    /** The list narrowed to one landlord phone: a personal search (personal.unmask, reason, audit, rate limit). */
    search(actor: Actor, body: HouseSearchRequest, ip: string | null): Promise<HouseList> {
      const { landlordPhone, reason, ...q } = body;
      const hash = deps.cipher.lookupHash(landlordPhone);
      const what = { module: 'housing', field: 'landlordPhone', reason, valueHash: hash };
      return deps.audit.personalSearch(
        actor,
        what,
        ip,
        () => listBy(actor, q, hash),
        (r) => r.total,
      );
    },

    /** xlsx of the filtered list (at most HOUSES_EXPORT_MAX rows), masked without registry.export, audited. */
    exportXlsx(actor: Actor, q: HouseExportQuery, ip: string | null) {
      return exportHouses(
        { repo, cipher: deps.cipher, audit: deps.audit, now: nowIso },
        actor,
        q,
        filterOf(q),
        ip,
      );
    },

    async get(actor: Actor, id: string): Promise<HouseDetail> {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('房屋');
      const [[house], path] = await Promise.all([
        present([row], false),
        deps.addressPath(row.address_id),
      ]);
      return { ...house!, path };
    },

    async create(actor: Actor, input: CreateHouseRequest): Promise<HouseDetail> {
      const room = await deps.addressTarget(actor.scope, input.addressId);
      if (!room) throw invalid('addressId', '地址不存在');
      if (room.level !== 'room') throw invalid('addressId', '房屋须登记在户室地址上');
      if (!room.place.street || !room.place.community)
        throw invalid('addressId', '该户室尚未归属到社区，请先为地址指定所属网格');
      assertActionInScope(actor.scope, room.place.grid ?? room.place.community);
      const duplicate = () =>
        new AppError('duplicate', `${room.fullName} 已登记房屋`, { field: 'addressId' });
      if (await repo.findByAddress(room.id)) throw duplicate();
      const now = nowIso();
      const row: HousesTable = {
        id: newId(),
        address_id: room.id,
        full_address: room.fullName,
        search_text: room.searchText,
        use: input.use,
        ownership: input.ownership,
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
        ...attributeColumns(input, null, deps.cipher),
        admin_code: room.place.admin,
        street_code: room.place.street,
        community_code: room.place.community,
        grid_code: room.place.grid,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      try {
        await repo.insert(row);
      } catch (err) {
        // A concurrent registration of the same room loses on the unique index.
        if (await repo.findByAddress(room.id)) throw duplicate();
        throw err;
      }
      return service.get(actor, row.id);
    },

    async update(actor: Actor, id: string, input: UpdateHouseRequest): Promise<HouseDetail> {
      const row = await repo.findById(FULL_SCOPE, id);
      if (!row) throw notFound('房屋');
      assertActionInScope(actor.scope, row.grid_code ?? row.community_code);
      if (row.version !== input.version) throw conflict(row.version);
      const { version: _version, ...attributes } = input;
      const patch = attributeColumns(attributes, row, deps.cipher);
      if (
        !(await repo.updateIfVersion(id, row.version, {
          ...patch,
          version: row.version + 1,
          updated_at: nowIso(),
        }))
      )
        throw conflict((await repo.findById(FULL_SCOPE, id))?.version ?? null);
      return service.get(actor, id);
    },

    /** The landlord's full phone number, with the reason audited (personal data, docs/domain.md §10). */
    async unmask(
      actor: Actor,
      id: string,
      reason: string,
      ip: string | null,
    ): Promise<{ landlordPhone: string | null }> {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('房屋');
      await deps.audit.record({
        action: 'personal_data_viewed',
        actor,
        targetType: 'house',
        targetId: id,
        areaCode: row.grid_code ?? row.community_code,
        ip,
        detail: { field: 'landlordPhone', reason },
      });
      return {
        landlordPhone: row.landlord_phone_enc ? deps.cipher.decrypt(row.landlord_phone_enc) : null,
      };
    },

    /**
     * House ids by full address as people type it (spaces and full-width characters tolerated), among the houses the
     * actor may see. Addresses not found are absent from the map. Used by the persons import.
     */
    async idsByFullAddress(actor: Actor, addresses: string[]): Promise<Map<string, string>> {
      // A name may hold a space ("12 号" is kept as typed), so both the trimmed and the spaceless forms are tried.
      const forms = new Map(
        addresses.map((a) => [
          a,
          [
            a.normalize('NFKC').trim().replace(/\s+/g, ' '),
            a.normalize('NFKC').replace(/\s+/g, ''),
          ],
        ]),
      );
      const rows = await repo.findByFullAddresses(actor.scope, [
        ...new Set([...forms.values()].flat()),
      ]);
      const byFull = new Map(rows.map((r) => [r.full_address, r.id]));
      const out = new Map<string, string>();
      for (const [a, candidates] of forms) {
        const id = candidates.map((c) => byFull.get(c)).find(Boolean);
        if (id) out.set(a, id);
      }
      return out;
    },

    /** The import's write of houses on rooms ensurePath just found or made, in the import's transaction. */
    upsertOnRooms(
      actor: Actor,
      items: { room: RoomRef; attributes: HouseAttributesInput }[],
      tx: Transaction<DB>,
    ) {
      return upsertHousesOnRooms({ repo, cipher: deps.cipher, now: nowIso }, actor, items, tx);
    },

    // For other modules (no request scope: they check their own records' scope).

    /** Houses by id, whatever the scope; unknown ids are left out. */
    /** A house's full address as a subquery another module embeds in its own read (one round trip). */
    addressSubquery: repo.addressSubquery,

    async houseRefs(ids: string[]): Promise<HouseRef[]> {
      const rows = await repo.findByIds([...new Set(ids)]);
      return rows.map((r) => ({
        id: r.id,
        addressId: r.address_id,
        fullAddress: r.full_address,
        adminCode: r.admin_code,
        streetCode: r.street_code,
        communityCode: r.community_code,
        gridCode: r.grid_code,
      }));
    },

    /** Keeps the copied address and codes in step with the tree; runs inside the address change's transaction. */
    async applyAddressChange(tx: Transaction<DB>, change: AddressChange): Promise<void> {
      if (change.kind === 'renamed')
        return repo.replaceAddressPrefix(tx, change.roomIds, change.full, change.search);
      const p = change.place;
      if (!p.street || !p.community) {
        if ((await repo.countByAddresses(tx, change.roomIds)) > 0)
          throw invalid('areaCode', '下级户室已登记房屋，新区域须至少具体到社区');
        return;
      }
      await repo.setPlace(tx, change.roomIds, {
        admin_code: p.admin,
        street_code: p.street,
        community_code: p.community,
        grid_code: p.grid,
      });
    },
  };
  return service;
}
export type HousingService = ReturnType<typeof createHousingService>;
