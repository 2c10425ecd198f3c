import type { AliasableExpression, Expression, Kysely, Transaction } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { HousesTable } from './housing.tables';

type Db = Kysely<DB> | Transaction<DB>;
const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};
// Ids per IN list: well under the bound-parameter limits of both databases.
const BATCH = 500;

export interface HouseFilter {
  areaCode?: string | undefined;
  use?: string | undefined;
  ownership?: string | undefined;
  /** Search-form words that must all appear in the address (LIKE wildcards already stripped). */
  tokens?: readonly string[] | undefined;
  landlordPhoneHash?: string | undefined;
  addressId?: string | undefined;
}

/** All SQL of the housing module. Reads of houses take the caller's scope. */
export function createHousingRepo(db: Kysely<DB>) {
  const scoped = (scope: AreaScope, d: Db = db) =>
    d.selectFrom('houses').where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS));

  const filtered = (scope: AreaScope, f: HouseFilter) => {
    let q = scoped(scope);
    if (f.areaCode)
      q = q.where((eb) =>
        levelCodesInScope(eb, { all: false, prefixes: [f.areaCode!] }, AREA_COLUMNS),
      );
    if (f.use) q = q.where('use', '=', f.use);
    if (f.ownership) q = q.where('ownership', '=', f.ownership);
    if (f.landlordPhoneHash) q = q.where('landlord_phone_hash', '=', f.landlordPhoneHash);
    if (f.addressId) q = q.where('address_id', '=', f.addressId);
    if (f.tokens?.length)
      q = q.where((eb) => eb.and(f.tokens!.map((t) => eb('search_text', 'like', `%${t}%`))));
    return q;
  };

  return {
    /**
     * A house's full address as a scalar subquery, for another module to read in the same round trip as its own row
     * (the registry lookup by ID number). The SQL stays here; the caller only embeds it.
     */
    addressSubquery: (houseId: Expression<string | null>): AliasableExpression<string | null> =>
      db
        .selectFrom('houses')
        .select('houses.full_address')
        .where('houses.id', '=', houseId)
        .$asScalar(),

    findById: (scope: AreaScope, id: string, d: Db = db) =>
      scoped(scope, d).selectAll().where('id', '=', id).executeTakeFirst(),

    /** Houses at these exact full addresses within the scope (the import's 现住房屋地址), by the level indexes. */
    async findByFullAddresses(
      scope: AreaScope,
      addresses: readonly string[],
    ): Promise<Pick<HousesTable, 'id' | 'full_address'>[]> {
      const out: Pick<HousesTable, 'id' | 'full_address'>[] = [];
      for (let i = 0; i < addresses.length; i += BATCH)
        out.push(
          ...(await scoped(scope)
            .select(['id', 'full_address'])
            .where('full_address', 'in', addresses.slice(i, i + BATCH))
            .execute()),
        );
      return out;
    },

    findByAddress: (addressId: string, d: Db = db) =>
      d.selectFrom('houses').selectAll().where('address_id', '=', addressId).executeTakeFirst(),

    async findByIds(ids: readonly string[]): Promise<HousesTable[]> {
      const out: HousesTable[] = [];
      for (let i = 0; i < ids.length; i += BATCH)
        out.push(
          ...(await db
            .selectFrom('houses')
            .selectAll()
            .where('id', 'in', ids.slice(i, i + BATCH))
            .execute()),
        );
      return out;
    },

    list: (scope: AreaScope, f: HouseFilter, page: { limit: number; offset: number }) =>
      filtered(scope, f)
        .selectAll()
        .orderBy('full_address')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async count(scope: AreaScope, f: HouseFilter): Promise<number> {
      const r = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    insert: (row: HousesTable, d: Db = db) => d.insertInto('houses').values(row).execute(),

    /** Writes a change only if nobody else did since `version` was read. */
    async updateIfVersion(
      id: string,
      version: number,
      patch: Partial<HousesTable>,
      d: Db = db,
    ): Promise<boolean> {
      const r = await d
        .updateTable('houses')
        .set(patch)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /**
     * Stores the mask of a pre-existing phone (see phone-mask-backfill.ts). Not a user edit, so the version and
     * updated_at stay; and only while the ciphertext is the one that was masked, so a concurrent change of the phone
     * is never overwritten with the old number's mask.
     */
    async setPhoneMask(id: string, enc: string, masked: string, d: Db = db): Promise<void> {
      await d
        .updateTable('houses')
        .set({ landlord_phone_masked: masked })
        .where('id', '=', id)
        .where('landlord_phone_enc', '=', enc)
        .where('landlord_phone_masked', 'is', null)
        .execute();
    },

    /** A renamed address: the houses of these rooms replace the first `from` characters of their address by `to`. */
    async replaceAddressPrefix(
      d: Db,
      addressIds: readonly string[],
      full: { from: number; to: string },
      search: { from: number; to: string },
    ): Promise<void> {
      for (let i = 0; i < addressIds.length; i += BATCH)
        await d
          .updateTable('houses')
          .set((eb) => ({
            full_address: eb(
              eb.cast(eb.val(full.to), 'text'),
              '||',
              eb.fn<string>('substr', [eb.ref('full_address'), eb.val(full.from + 1)]),
            ).$castTo<string>(),
            search_text: eb(
              eb.cast(eb.val(search.to), 'text'),
              '||',
              eb.fn<string>('substr', [eb.ref('search_text'), eb.val(search.from + 1)]),
            ).$castTo<string>(),
          }))
          .where('address_id', 'in', addressIds.slice(i, i + BATCH))
          .execute();
    },

    async setPlace(
      d: Db,
      addressIds: readonly string[],
      codes: Pick<HousesTable, 'admin_code' | 'street_code' | 'community_code' | 'grid_code'>,
    ): Promise<void> {
      for (let i = 0; i < addressIds.length; i += BATCH)
        await d
          .updateTable('houses')
          .set(codes)
          .where('address_id', 'in', addressIds.slice(i, i + BATCH))
          .execute();
    },

    /** How many of these rooms have a house (a move must not leave a house without a community). */
    async countByAddresses(d: Db, addressIds: readonly string[]): Promise<number> {
      let n = 0;
      for (let i = 0; i < addressIds.length; i += BATCH) {
        const r = await d
          .selectFrom('houses')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('address_id', 'in', addressIds.slice(i, i + BATCH))
          .executeTakeFirstOrThrow();
        n += Number(r.n);
      }
      return n;
    },
  };
}
export type HousingRepo = ReturnType<typeof createHousingRepo>;
