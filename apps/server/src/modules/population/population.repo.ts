import type {
  AliasableExpression,
  Expression,
  ExpressionBuilder,
  Kysely,
  Transaction,
} from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import type { PersonEventsTable, PersonsTable, ResidencesTable } from './population.tables';

type Db = Kysely<DB> | Transaction<DB>;
/** The housing module's subquery for a house's full address (wired in app.ts). */
export type HouseAddressOf = (
  houseId: Expression<string | null>,
) => AliasableExpression<string | null>;
// Keys per IN list and rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits.
const BATCH = 500;
const INSERT_BATCH = 200;

export interface PersonFilterRow {
  populationType?: string | undefined;
  dataState?: string | undefined;
  status?: string | undefined;
  /** Any part of the name, already normalised (normalizeNameSearch: no LIKE wildcards left) */
  nameContains?: string | undefined;
}

/**
 * Scope over the level columns: a root of a known length is an equality on that level's column, served by the
 * (level, name_search) indexes. Codes above a district compare the district code, others the grid code.
 */
function inAreaScope(eb: ExpressionBuilder<DB, 'persons'>, scope: AreaScope) {
  if (scope.all) return eb.lit(true);
  if (scope.prefixes.length === 0) return eb.lit(false);
  return eb.or(
    scope.prefixes.map((p) => {
      if (p.length === 6) return eb('admin_code', '=', p);
      if (p.length === 9) return eb('street_code', '=', p);
      if (p.length === 12) return eb('community_code', '=', p);
      if (p.length === 14 || p.length === 15) return eb('grid_code', '=', p);
      return p.length < 6 ? eb('admin_code', 'like', `${p}%`) : eb('grid_code', 'like', `${p}%`);
    }),
  );
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** All SQL of the population module. Reads of records take the caller's scope (FULL_SCOPE for system use). */
export function createPopulationRepo(db: Kysely<DB>) {
  const scoped = (scope: AreaScope, d: Db = db) =>
    d.selectFrom('persons').where((eb) => inAreaScope(eb, scope));

  const filtered = (scope: AreaScope, f: PersonFilterRow) => {
    let q = scoped(scope);
    if (f.populationType) q = q.where('population_type', '=', f.populationType);
    if (f.dataState) q = q.where('data_state', '=', f.dataState);
    if (f.status) q = q.where('status', '=', f.status);
    // Contains, not prefix: the scope's (level, name_search) index is scanned and each entry tested without reading
    // the row; normalizeNameSearch removed % _ and \\ from the text, so it matches literally.
    if (f.nameContains) q = q.where('name_search', 'like', `%${f.nameContains}%`);
    return q;
  };

  return {
    findById: (scope: AreaScope, id: string, d: Db = db) =>
      scoped(scope, d).selectAll().where('id', '=', id).executeTakeFirst(),

    findByHash: (hash: string, d: Db = db) =>
      d.selectFrom('persons').selectAll().where('id_hash', '=', hash).executeTakeFirst(),

    /** The person with their house's full address, in one query (the hot lookup by ID number). */
    findByHashWithAddress: (hash: string, houseAddressOf: HouseAddressOf) =>
      db
        .selectFrom('persons')
        .selectAll('persons')
        .select((eb) => houseAddressOf(eb.ref('persons.house_id')).as('house_address'))
        .where('persons.id_hash', '=', hash)
        .executeTakeFirst(),

    /** Persons in the scope with this phone (its keyed hash); a family may share one. */
    findByPhoneHash: (scope: AreaScope, hash: string, limit: number) =>
      scoped(scope)
        .selectAll()
        .where('phone_hash', '=', hash)
        .orderBy('name_search')
        .orderBy('id')
        .limit(limit)
        .execute(),

    async findByHashes(hashes: readonly string[], d: Db = db): Promise<PersonsTable[]> {
      const out: PersonsTable[] = [];
      for (const part of chunks([...new Set(hashes)], BATCH))
        out.push(
          ...(await d.selectFrom('persons').selectAll().where('id_hash', 'in', part).execute()),
        );
      return out;
    },

    async findByIds(ids: readonly string[], d: Db = db): Promise<PersonsTable[]> {
      const out: PersonsTable[] = [];
      for (const part of chunks([...new Set(ids)], BATCH))
        out.push(...(await d.selectFrom('persons').selectAll().where('id', 'in', part).execute()));
      return out;
    },

    list: (scope: AreaScope, f: PersonFilterRow, page: { limit: number; offset: number }) =>
      filtered(scope, f)
        .selectAll()
        .orderBy('name_search')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async count(scope: AreaScope, f: PersonFilterRow): Promise<number> {
      const r = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async insertPersons(d: Db, rows: PersonsTable[]): Promise<void> {
      for (const part of chunks(rows, INSERT_BATCH))
        await d.insertInto('persons').values(part).execute();
    },

    /** Writes a change only if nobody else did since `version` was read. */
    async updateIfVersion(
      d: Db,
      id: string,
      version: number,
      patch: Partial<PersonsTable>,
    ): Promise<boolean> {
      const r = await d
        .updateTable('persons')
        .set(patch)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    currentResidence: (d: Db, personId: string) =>
      d
        .selectFrom('residences')
        .selectAll()
        .where('person_id', '=', personId)
        .where('moved_out_at', 'is', null)
        .executeTakeFirst(),

    async currentResidences(d: Db, personIds: readonly string[]): Promise<ResidencesTable[]> {
      const out: ResidencesTable[] = [];
      for (const part of chunks([...new Set(personIds)], BATCH))
        out.push(
          ...(await d
            .selectFrom('residences')
            .selectAll()
            .where('person_id', 'in', part)
            .where('moved_out_at', 'is', null)
            .execute()),
        );
      return out;
    },

    residencesOf: (personId: string) =>
      db
        .selectFrom('residences')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('moved_in_at', 'desc')
        .orderBy('created_at', 'desc')
        .execute(),

    residencesOfHouse: (houseId: string) =>
      db
        .selectFrom('residences')
        .selectAll()
        .where('house_id', '=', houseId)
        .orderBy('moved_in_at', 'desc')
        .orderBy('created_at', 'desc')
        .execute(),

    async insertResidences(d: Db, rows: ResidencesTable[]): Promise<void> {
      for (const part of chunks(rows, INSERT_BATCH))
        await d.insertInto('residences').values(part).execute();
    },

    /** 与户主关系 edited on the person is the relation of their current stay too. */
    setCurrentRelation: (d: Db, personId: string, relation: string | null) =>
      d
        .updateTable('residences')
        .set({ relation })
        .where('person_id', '=', personId)
        .where('moved_out_at', 'is', null)
        .execute(),

    closeResidence: (
      d: Db,
      id: string,
      patch: { moved_out_at: string; reason: string | null; destination: string | null },
    ) =>
      d
        .updateTable('residences')
        .set(patch)
        .where('id', '=', id)
        .where('moved_out_at', 'is', null)
        .execute(),

    async appendEvents(d: Db, rows: PersonEventsTable[]): Promise<void> {
      for (const part of chunks(rows, INSERT_BATCH))
        await d.insertInto('person_events').values(part).execute();
    },

    eventsOf: (personId: string) =>
      db
        .selectFrom('person_events')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('at')
        .orderBy('id')
        .execute(),

    /**
     * Rows written before birth dates and 居住证号码 were encrypted and ID masks hid 12 characters: a clear birth date,
     * an old mask (it ends with a shown character; new ones end with '*'), or a permit number without its ciphertext.
     */
    legacyIdentities: (afterId: string, limit: number) =>
      db
        .selectFrom('persons')
        .select(['id', 'id_number_enc', 'birth_date', 'details', 'permit_no_enc'])
        .where('id', '>', afterId)
        .where((eb) =>
          eb.or([
            eb('birth_date', 'is not', null),
            eb('id_masked', 'not like', '%*'),
            eb.and([
              eb('permit_no_enc', 'is', null),
              eb('details', 'like', '%"residencePermitNo"%'),
            ]),
          ]),
        )
        .orderBy('id')
        .limit(limit)
        .execute(),

    /** Not a user edit: the version and updated_at stay, so nobody's open form turns stale. */
    async sealLegacyIdentities(
      rows: { id: string; patch: Partial<PersonsTable> }[],
    ): Promise<void> {
      await db.transaction().execute(async (tx) => {
        for (const r of rows)
          await tx.updateTable('persons').set(r.patch).where('id', '=', r.id).execute();
      });
    },
  };
}
export type PopulationRepo = ReturnType<typeof createPopulationRepo>;
