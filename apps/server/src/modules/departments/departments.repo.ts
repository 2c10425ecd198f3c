import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { codeInScope } from '../../core/db/scope-filter';
import type { DepartmentsTable } from './departments.tables';

export function createDepartmentsRepo(db: Kysely<DB>) {
  const scoped = (scope: AreaScope) =>
    db.selectFrom('departments').where((eb) => codeInScope(eb, 'area_code', scope));
  return {
    list: (scope: AreaScope) => scoped(scope).selectAll().orderBy('code').execute(),
    findByIds: (scope: AreaScope, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : scoped(scope)
            .selectAll()
            .where('id', 'in', [...ids])
            .execute(),
    /** Departments by 统一社会信用代码 (a 部件's 养护单位/权属单位/主管部门); codes are stored upper-case. */
    findByCreditCodes: (codes: readonly string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('departments')
            .selectAll()
            .where('credit_code', 'in', [...codes])
            .execute(),
    findById: (scope: AreaScope, id: string) =>
      scoped(scope).selectAll().where('id', '=', id).executeTakeFirst(),
    /** Departments by their codes (unique), whatever their area: the dispatch matrix sheet names them so. */
    findByCodes: (codes: readonly string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('departments')
            .selectAll()
            .where('code', 'in', [...codes])
            .execute(),
    findByCode: (code: string) =>
      db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst(),
    insert: (db2: Kysely<DB>, row: DepartmentsTable) =>
      db2.insertInto('departments').values(row).execute(),
    update: (id: string, patch: Partial<DepartmentsTable>) =>
      db.updateTable('departments').set(patch).where('id', '=', id).execute(),
  };
}
