import type { Kysely } from 'kysely';
import {
  maskName,
  type CreatePersonRequest,
  type HouseResidents,
  type Person,
  type PersonDetail,
  type PersonIdType,
  type PersonList,
  type PersonListQuery,
  type PersonLookupRequest,
  type PersonPhoneLookupRequest,
  type UpdatePersonRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { inScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import {
  lookupHashOf,
  narrowScope,
  phoneLookupHash,
  storeBirthDate,
  storeIdentity,
  storePhone,
  toRowFilter,
  visibleTo,
  type HouseRef,
  type PersonPlace,
} from './person-model';
import { sealLegacyIdentities } from './legacy-identities-backfill';
import { createPersonMoves, residenceRow } from './person-moves';
import { createPersonPrivacy } from './person-privacy';
import { attributePatch, identityColumns, newPersonRow, placeColumnsOf } from './person-rows';
import { createPersonUpsert } from './person-upsert';
import { createPopulationContext, type PopulationDeps } from './population-context';
import { createPopulationFigures } from './population-figures.repo';
import {
  presentEvent,
  presentHouseResident,
  presentListItem,
  presentPerson,
  presentResidence,
} from './population.presenter';
import type { PersonsTable } from './population.tables';

/** What other modules learn about a person (system scope): enough to show and scope, nothing sensitive. */
export interface PersonRef {
  id: string;
  name: string;
  maskedName: string;
  gender: string | null;
  /** The year only: the full date is personal data revealed by unmasking */
  birthYear: number | null;
  houseId: string | null;
  adminCode: string;
  streetCode: string;
  communityCode: string;
  gridCode: string | null;
  status: string;
}

/** Most persons one phone lookup answers (a household shares a landline; more means the number is no one's own). */
const PHONE_LOOKUP_MAX = 20;

/** 实有人口: persons, their residence history and data state; personal data encrypted and masked. */
export function createPopulationService(deps: PopulationDeps) {
  const ctx = createPopulationContext(deps);
  const { repo } = ctx;
  const moves = createPersonMoves(ctx);
  const privacy = createPersonPrivacy(ctx);

  async function presentOne(row: PersonsTable): Promise<Person> {
    const [names, houses] = await Promise.all([
      ctx.names([row.street_code, row.community_code, row.grid_code]),
      row.house_id ? deps.houseRefs([row.house_id]) : [],
    ]);
    return presentPerson(row, names, houses[0]?.fullAddress ?? null);
  }

  async function get(actor: Actor, id: string): Promise<PersonDetail> {
    const row = await repo.findById(actor.scope, id);
    if (!row) throw notFound('人员');
    const [person, residences, events] = await Promise.all([
      presentOne(row),
      repo.residencesOf(id),
      repo.eventsOf(id),
    ]);
    return {
      ...person,
      residences: residences.map((r) => presentResidence(r, actor.scope)),
      events: events.map(presentEvent),
    };
  }

  /**
   * The record already holding a document, other than `self`. Registration needs the answer, so no personal.unmask:
   * the registering user holds the document. But each hit confirms a number, so hits are audited and a user's hits
   * count toward the personal-search limit (audit module, personal-search.ts).
   */
  function duplicateCheck(
    actor: Actor,
    hash: string,
    self?: string,
  ): Promise<PersonsTable | undefined> {
    const what = {
      module: 'population',
      field: 'idNumber',
      purpose: 'duplicate_check' as const,
      valueHash: hash,
    };
    const find = async () => {
      const found = await repo.findByHash(hash);
      return found && found.id !== self ? found : undefined;
    };
    return deps.audit.personalSearch(actor, what, null, find, (r) => (r ? 1 : 0));
  }

  /** Writes a change under the version read, with its event and audit entry; a unique clash is a duplicate. */
  async function writeUpdate(
    actor: Actor,
    row: PersonsTable,
    patch: Partial<PersonsTable>,
    fields: string[],
    then?: (tx: Kysely<DB>, next: PersonsTable) => Promise<void>,
  ) {
    const now = ctx.now();
    const next: PersonsTable = { ...row, ...patch, version: row.version + 1, updated_at: now };
    try {
      await deps.db.transaction().execute(async (tx) => {
        if (
          !(await repo.updateIfVersion(tx, row.id, row.version, {
            ...patch,
            version: next.version,
            updated_at: now,
          }))
        )
          throw ctx.conflict(row);
        if (patch.relation !== undefined && row.house_id)
          await repo.setCurrentRelation(tx, row.id, patch.relation);
        await repo.appendEvents(tx, [ctx.event(row.id, 'updated', actor, { fields }, now)]);
        await deps.audit.record(
          {
            action: 'registry_changed',
            actor,
            targetType: 'person',
            targetId: row.id,
            detail: { change: 'updated', fields },
          },
          tx,
        );
        if (then) await then(tx, next);
      });
    } catch (err) {
      const clash = patch.id_hash ? await repo.findByHash(patch.id_hash) : undefined;
      if (deps.isUniqueViolation(err) && clash) throw ctx.duplicate(actor, clash);
      throw err;
    }
  }

  const service = {
    /** Persons on the register per area by type, 人户状态 and data state (registry figures; scope narrowed). */
    figureCounts: createPopulationFigures(deps.db),

    async list(actor: Actor, q: PersonListQuery): Promise<PersonList> {
      const scope = narrowScope(actor.scope, q.areaCode);
      const filter = toRowFilter(q);
      const [rows, total] = await Promise.all([
        repo.list(scope, filter, q),
        repo.count(scope, filter),
      ]);
      const names = await ctx.names(rows.flatMap((r) => [r.community_code, r.grid_code]));
      return { items: rows.map((r) => presentListItem(r, names)), total };
    },

    get,

    async create(actor: Actor, input: CreatePersonRequest): Promise<PersonDetail> {
      const identity = storeIdentity(deps.cipher, input.idType, input.idNumber, deps.clock.now());
      const movedInAt = input.movedInAt ?? ctx.today();
      moves.notFuture(movedInAt, 'movedInAt');
      let house: HouseRef | null = null;
      let place: PersonPlace;
      if (input.houseId) place = house = await ctx.houseFor(actor, input.houseId);
      else place = await ctx.placeFor(actor, input.areaCode ?? '');
      const existing = await duplicateCheck(actor, identity.hash);
      if (existing) throw ctx.duplicate(actor, existing);
      const now = ctx.now();
      const row = newPersonRow(
        deps.cipher,
        newId(),
        input,
        identity,
        storePhone(deps.cipher, input.phone),
        place,
        house?.id ?? null,
        now,
      );
      const residenceType =
        input.residenceType ?? (input.populationType === 'floating' ? 'rent' : 'own');
      try {
        await deps.db.transaction().execute(async (tx) => {
          await repo.insertPersons(tx, [row]);
          if (house)
            await repo.insertResidences(tx, [
              residenceRow(
                row.id,
                house,
                { residenceType, relation: row.relation, movedInAt },
                now,
              ),
            ]);
          await repo.appendEvents(tx, [
            ctx.event(row.id, 'created', actor, { houseId: house?.id ?? null }, now),
          ]);
          await deps.audit.record(
            {
              action: 'registry_changed',
              actor,
              targetType: 'person',
              targetId: row.id,
              detail: { change: 'created' },
            },
            tx,
          );
        });
      } catch (err) {
        // A concurrent registration of the same document loses on the unique index.
        const clash = await repo.findByHash(identity.hash);
        if (clash) throw ctx.duplicate(actor, clash);
        throw err;
      }
      return get(actor, row.id);
    },

    /** Attributes, document, phone, the place of a person without a house, and 死亡. Moves have their own routes. */
    async update(actor: Actor, id: string, input: UpdatePersonRequest): Promise<PersonDetail> {
      const row = await ctx.forAction(actor, id);
      if (row.version !== input.version) throw ctx.conflict(row);
      const { patch, fields } = attributePatch(deps.cipher, row, input);
      const idType = (input.idType ?? row.id_type) as PersonIdType;
      if (input.idNumber !== undefined || idType !== row.id_type) {
        const identity = storeIdentity(
          deps.cipher,
          idType,
          input.idNumber ?? deps.cipher.decrypt(row.id_number_enc),
          deps.clock.now(),
        );
        if (identity.hash !== row.id_hash || idType !== row.id_type) {
          const clash = await duplicateCheck(actor, identity.hash, row.id);
          if (clash) throw ctx.duplicate(actor, clash);
          Object.assign(patch, identityColumns(identity));
          fields.push('idNumber');
          // A resident ID states gender and birth date; re-encrypting an unchanged date would only churn the row.
          if (identity.gender)
            Object.assign(patch, {
              gender: identity.gender,
              ...storeBirthDate(deps.cipher, identity.birthDate),
            });
        }
      }
      if (idType !== 'resident_id') {
        if (input.gender !== undefined && input.gender !== row.gender) {
          patch.gender = input.gender;
          fields.push('gender');
        }
        if (
          input.birthDate !== undefined &&
          input.birthDate !== (row.birth_date_enc ? deps.cipher.decrypt(row.birth_date_enc) : null)
        ) {
          Object.assign(patch, storeBirthDate(deps.cipher, input.birthDate));
          fields.push('birthDate');
        }
      }
      if (input.phone !== undefined) {
        const phone = storePhone(deps.cipher, input.phone);
        if (phone.phone_hash !== row.phone_hash) {
          Object.assign(patch, phone);
          fields.push('phone');
        }
      }
      if (
        input.areaCode !== undefined &&
        input.areaCode !== row.grid_code &&
        !(input.areaCode === row.community_code && !row.grid_code)
      ) {
        if (row.house_id)
          throw new AppError(
            'validation_failed',
            '有居住房屋的人员随房屋确定所在区域，请办理迁入',
            { field: 'areaCode' },
          );
        Object.assign(patch, placeColumnsOf(await ctx.placeFor(actor, input.areaCode)));
        fields.push('areaCode');
      }
      const dies = input.status === 'deceased';
      if (dies && row.status === 'deceased')
        throw new AppError('validation_failed', '该人员已登记死亡', { field: 'status' });
      if (fields.length === 0 && !dies) return get(actor, id);
      if (fields.length === 0)
        await deps.db
          .transaction()
          .execute((tx) => moves.leave(tx, row, ctx.today(), '死亡', null, 'deceased', actor));
      else
        await writeUpdate(
          actor,
          row,
          patch,
          fields,
          dies
            ? (tx, next) => moves.leave(tx, next, ctx.today(), '死亡', null, 'deceased', actor)
            : undefined,
        );
      return get(actor, id);
    },

    /** 认领: a grid worker takes ownership of an entered record. */
    async claim(actor: Actor, id: string): Promise<PersonDetail> {
      const row = await ctx.forAction(actor, id);
      if (row.data_state !== 'entered')
        throw new AppError(
          'validation_failed',
          row.data_state === 'claimed'
            ? `该记录已被 ${row.claimed_by_name ?? ''} 认领`
            : '该记录已核实',
          { field: 'dataState' },
        );
      const now = ctx.now();
      await deps.db.transaction().execute(async (tx) => {
        const ok = await repo.updateIfVersion(tx, id, row.version, {
          data_state: 'claimed',
          claimed_by: actor.id,
          claimed_by_name: actor.displayName,
          claimed_at: now,
          version: row.version + 1,
          updated_at: now,
        });
        if (!ok) throw ctx.conflict(row);
        await repo.appendEvents(tx, [ctx.event(id, 'claimed', actor, {}, now)]);
      });
      return get(actor, id);
    },

    /** 核实: seen on a visit. A verified record may be verified again, which renews the date. */
    async verify(actor: Actor, id: string): Promise<PersonDetail> {
      const row = await ctx.forAction(actor, id);
      const now = ctx.now();
      await deps.db.transaction().execute(async (tx) => {
        const ok = await repo.updateIfVersion(tx, id, row.version, {
          data_state: 'verified',
          verified_by: actor.id,
          verified_by_name: actor.displayName,
          verified_at: now,
          version: row.version + 1,
          updated_at: now,
        });
        if (!ok) throw ctx.conflict(row);
        await repo.appendEvents(tx, [ctx.event(id, 'verified', actor, {}, now)]);
      });
      return get(actor, id);
    },

    moveIn: async (actor: Actor, id: string, input: Parameters<typeof moves.moveIn>[2]) => (
      await moves.moveIn(actor, id, input),
      await deps.onPersonMoved?.(id),
      get(actor, id)
    ),
    moveOut: async (actor: Actor, id: string, input: Parameters<typeof moves.moveOut>[2]) => (
      await moves.moveOut(actor, id, input),
      await deps.onPersonMoved?.(id),
      get(actor, id)
    ),

    /** POST /api/persons/lookup: a personal search (personal.unmask, reason, audit, rate limit) around `lookup`. */
    async lookupByIdNumber(
      actor: Actor,
      body: PersonLookupRequest,
      ip: string | null,
    ): Promise<Person> {
      const what = {
        module: 'population',
        field: 'idNumber',
        reason: body.reason,
        valueHash: lookupHashOf(deps.cipher, body.idType, body.idNumber, deps.clock.now()),
      };
      // A miss is audited too (a run of misses is what guessing looks like), then answered 404 as before.
      const found = () =>
        service
          .lookup(actor, body)
          .catch((err: unknown) =>
            err instanceof AppError && err.code === 'not_found' ? null : Promise.reject(err),
          );
      const person = await deps.audit.personalSearch(actor, what, ip, found, (p) => (p ? 1 : 0));
      if (!person) throw notFound('人员');
      return person;
    },

    /**
     * POST /api/persons/by-phone: persons in the caller's scope with this phone (a family may share one), through the
     * same gate as the ID number; names masked as in the list. A miss is audited too and answers an empty list.
     */
    async lookupByPhone(
      actor: Actor,
      body: PersonPhoneLookupRequest,
      ip: string | null,
    ): Promise<PersonList> {
      const hash = phoneLookupHash(deps.cipher, body.phone);
      const what = { module: 'population', field: 'phone', reason: body.reason, valueHash: hash };
      const rows = await deps.audit.personalSearch(
        actor,
        what,
        ip,
        () => repo.findByPhoneHash(actor.scope, hash, PHONE_LOOKUP_MAX),
        (r) => r.length,
      );
      const names = await ctx.names(rows.flatMap((r) => [r.community_code, r.grid_code]));
      return { items: rows.map((r) => presentListItem(r, names)), total: rows.length };
    },

    /**
     * By document number through its keyed hash; a record outside the caller's scope is not found. Not a route
     * itself: HTTP goes through lookupByIdNumber; in-process callers (the benchmark) have decided already.
     */
    async lookup(
      actor: Actor,
      q: Pick<PersonLookupRequest, 'idNumber' | 'idType'>,
    ): Promise<Person> {
      const hash = lookupHashOf(deps.cipher, q.idType, q.idNumber, deps.clock.now());
      if (!deps.houseAddressOf) {
        const row = await repo.findByHash(hash);
        if (!row || !visibleTo(actor.scope, row)) throw notFound('人员');
        return presentOne(row);
      }
      // One round trip: the house's address comes with the row, area names from memory.
      const found = await repo.findByHashWithAddress(hash, deps.houseAddressOf);
      if (!found || !visibleTo(actor.scope, found)) throw notFound('人员');
      const { house_address: houseAddress, ...row } = found;
      return presentPerson(
        row,
        await ctx.names([row.street_code, row.community_code, row.grid_code]),
        houseAddress,
      );
    },

    /** Current and former residents of a house in the caller's scope, names masked. */
    async residentsOfHouse(actor: Actor, houseId: string): Promise<HouseResidents> {
      const [house] = await deps.houseRefs([houseId]);
      if (!house || !inScope(actor.scope, house.gridCode ?? house.communityCode))
        throw notFound('房屋');
      const stays = await repo.residencesOfHouse(houseId);
      const persons = new Map(
        (await repo.findByIds(stays.map((s) => s.person_id))).map((p) => [p.id, p]),
      );
      const all = stays.map((s) => presentHouseResident(s, persons.get(s.person_id)));
      return {
        current: all.filter((r) => r.movedOutAt === null),
        former: all.filter((r) => r.movedOutAt !== null),
      };
    },

    unmask: privacy.unmask,
    exportXlsx: privacy.exportXlsx,
    /** Start-up task: rows from before birth dates were encrypted (see legacy-identities-backfill.ts). */
    sealLegacyIdentities: () => sealLegacyIdentities(ctx),

    // For other modules (system scope: the caller has already decided who may see what).

    /** Names, place and status of persons by id; unknown ids are left out. */
    async personRefs(ids: string[]): Promise<PersonRef[]> {
      const rows = await repo.findByIds(ids);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        maskedName: maskName(r.name),
        gender: r.gender,
        birthYear: r.birth_year,
        houseId: r.house_id,
        adminCode: r.admin_code,
        streetCode: r.street_code,
        communityCode: r.community_code,
        gridCode: r.grid_code,
        status: r.status,
      }));
    },

    ...createPersonUpsert(ctx, moves),
  };
  return service;
}
export type PopulationService = ReturnType<typeof createPopulationService>;
