import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { UnitEmployeesTable, UnitsTable } from './units.tables';

export type Db = Kysely<DB> | Transaction<DB>;
type RegistryTable = 'units' | 'places' | 'inspections';
const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

/** The caller's scope, narrowed to one area when a filter names it. Shared by the module's repositories. */
export function areaWhere<T extends RegistryTable>(
  eb: ExpressionBuilder<DB, T>,
  scope: AreaScope,
  areaCode?: string,
) {
  const inScope = levelCodesInScope(eb, scope, AREA_COLUMNS);
  return areaCode
    ? eb.and([inScope, levelCodesInScope(eb, { all: false, prefixes: [areaCode] }, AREA_COLUMNS)])
    : inScope;
}

/** A user's search text as a LIKE pattern: wildcards typed by the user match themselves only by being removed. */
export const containing = (q: string): string => `%${q.replace(/[%_\\]/g, '')}%`;

export interface UnitRepoFilter {
  areaCode?: string | undefined;
  unitType?: string | undefined;
  focusTag?: string | undefined;
  keyOnly?: boolean | undefined;
  status?: string | undefined;
  q?: string | undefined;
  phoneHash?: string | undefined;
}

/** SQL of 实有单位 and their employees. Reads of records take the caller's scope. */
export function createUnitsRepo(db: Kysely<DB>) {
  const filtered = (scope: AreaScope, f: UnitRepoFilter) => {
    let q = db.selectFrom('units').where((eb) => areaWhere(eb, scope, f.areaCode));
    if (f.unitType) q = q.where('unit_type', '=', f.unitType);
    // Tags are a JSON array of known words; the quoted word matches one element exactly.
    if (f.focusTag) q = q.where('focus_tags', 'like', `%"${f.focusTag}"%`);
    if (f.keyOnly) q = q.where('is_key', '=', 1);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.q) {
      const text = containing(f.q);
      const code = containing(f.q.toUpperCase());
      q = q.where((eb) =>
        eb.or([
          eb('name', 'like', text),
          eb('address', 'like', text),
          eb('credit_code', 'like', code),
          eb('registration_no', 'like', code),
        ]),
      );
    }
    if (f.phoneHash) {
      const h = f.phoneHash;
      q = q.where((eb) =>
        eb.or([eb('legal_rep_phone_hash', '=', h), eb('contact_phone_hash', '=', h)]),
      );
    }
    return q;
  };

  return {
    findById: (scope: AreaScope, id: string, d: Db = db) =>
      d
        .selectFrom('units')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => areaWhere(eb, scope))
        .executeTakeFirst(),

    /** Whoever holds a credit code or registration number, in any area (uniqueness is city-wide). */
    findByIdentifier: (column: 'credit_code' | 'registration_no', value: string, d: Db = db) =>
      d.selectFrom('units').selectAll().where(column, '=', value).executeTakeFirst(),

    findByIdentifiers: (column: 'credit_code' | 'registration_no', values: string[], d: Db = db) =>
      values.length === 0
        ? Promise.resolve([])
        : d.selectFrom('units').selectAll().where(column, 'in', values).execute(),

    list: (scope: AreaScope, f: UnitRepoFilter, page: { limit: number; offset: number }) =>
      filtered(scope, f)
        .selectAll()
        .orderBy('name')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async count(scope: AreaScope, f: UnitRepoFilter): Promise<number> {
      const r = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    names: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute(),

    insert: (d: Db, row: UnitsTable) => d.insertInto('units').values(row).execute(),

    /** Writes a change only if nobody else did since `version` was read. */
    async updateIfVersion(
      d: Db,
      id: string,
      version: number,
      patch: Partial<UnitsTable>,
    ): Promise<boolean> {
      const r = await d
        .updateTable('units')
        .set(patch)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** The schedule moves with inspections without bumping the version, so an open edit form stays valid. */
    setSchedule: (
      d: Db,
      id: string,
      patch: Pick<UnitsTable, 'last_inspected_at' | 'next_inspection_due'>,
    ) => d.updateTable('units').set(patch).where('id', '=', id).execute(),

    employees: (unitId: string) =>
      db
        .selectFrom('unit_employees')
        .selectAll()
        .where('unit_id', '=', unitId)
        .orderBy('from_date', 'desc')
        .orderBy('id')
        .execute(),

    findEmployee: (unitId: string, employeeId: string) =>
      db
        .selectFrom('unit_employees')
        .selectAll()
        .where('unit_id', '=', unitId)
        .where('id', '=', employeeId)
        .executeTakeFirst(),

    findCurrentEmployment: (unitId: string, personId: string) =>
      db
        .selectFrom('unit_employees')
        .selectAll()
        .where('unit_id', '=', unitId)
        .where('person_id', '=', personId)
        .where('to_date', 'is', null)
        .executeTakeFirst(),

    insertEmployee: (d: Db, row: UnitEmployeesTable) =>
      d.insertInto('unit_employees').values(row).execute(),

    deleteEmployee: (d: Db, id: string) =>
      d.deleteFrom('unit_employees').where('id', '=', id).execute(),
  };
}
export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
