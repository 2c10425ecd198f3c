import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { codeInScope } from '../../core/db/scope-filter';
import type { DispatchRulesTable } from './dispatch-rules.tables';

/** A code and every code above it: the codes whose rules apply to it. */
type Related = { code: string; ancestors: readonly string[] };

export function createDispatchRulesRepo(db: Kysely<DB>) {
  const rules = () => db.selectFrom('dispatch_rules').selectAll();
  return {
    /** Rules in the caller's subtree; class and area filters keep rules that apply to the code or lie below it. */
    list: (
      scope: AreaScope,
      q: { classCode?: Related; areaCode?: Related; departmentId?: string; activeOnly: boolean },
    ) =>
      rules()
        .where((eb) => codeInScope(eb, 'area_code', scope))
        .$if(q.classCode !== undefined, (s) =>
          s.where((eb) =>
            eb.or([
              eb('class_code', 'in', [...q.classCode!.ancestors]),
              eb('class_code', 'like', `${q.classCode!.code}%`),
            ]),
          ),
        )
        .$if(q.areaCode !== undefined, (s) =>
          s.where((eb) =>
            eb.or([
              eb('area_code', 'in', [...q.areaCode!.ancestors]),
              eb('area_code', 'like', `${q.areaCode!.code}%`),
            ]),
          ),
        )
        .$if(q.departmentId !== undefined, (s) => s.where('department_id', '=', q.departmentId!))
        .$if(q.activeOnly, (s) => s.where('active', '=', 1))
        .orderBy('class_code')
        .orderBy('area_code')
        .orderBy('role', 'desc')
        .orderBy('priority')
        .execute(),
    findById: (id: string) => rules().where('id', '=', id).executeTakeFirst(),
    /** Active rules whose class and area codes are among the given prefixes (the candidates for one case). */
    candidates: (classCodes: readonly string[], areaCodes: readonly string[]) =>
      rules()
        .where('class_code', 'in', [...classCodes])
        .where('area_code', 'in', [...areaCodes])
        .where('active', '=', 1)
        .execute(),
    /** An active rule with the same key, department and role, other than `exceptId`. */
    findDuplicate: (
      r: Pick<
        DispatchRulesTable,
        'class_code' | 'area_code' | 'condition_id' | 'department_id' | 'role'
      >,
      exceptId: string | null,
    ) =>
      rules()
        .where('class_code', '=', r.class_code)
        .where('area_code', '=', r.area_code)
        .where((eb) =>
          r.condition_id === null
            ? eb('condition_id', 'is', null)
            : eb('condition_id', '=', r.condition_id),
        )
        .where('department_id', '=', r.department_id)
        .where('role', '=', r.role)
        .where('active', '=', 1)
        .$if(exceptId !== null, (s) => s.where('id', '!=', exceptId!))
        .executeTakeFirst(),
    /** Every active primary rule (the coverage report matches them in memory). */
    activePrimaries: () =>
      db
        .selectFrom('dispatch_rules')
        .select(['class_code', 'area_code', 'condition_id', 'department_id'])
        .where('active', '=', 1)
        .where('role', '=', 'primary')
        .execute(),
    insert: (row: DispatchRulesTable, d: Kysely<DB> = db) =>
      d.insertInto('dispatch_rules').values(row).execute(),
    update: (id: string, patch: Partial<DispatchRulesTable>, d: Kysely<DB> = db) =>
      d.updateTable('dispatch_rules').set(patch).where('id', '=', id).execute(),
  };
}
export type DispatchRulesRepo = ReturnType<typeof createDispatchRulesRepo>;
