import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { areaWhere, type Db } from './units.repo';
import type { InspectionsTable } from './units.tables';

export interface InspectionRepoFilter {
  targetId?: string | undefined;
  targetType?: string | undefined;
  result?: string | undefined;
  areaCode?: string | undefined;
}

/** SQL of 检查记录. Scope applies to the area codes the record carries. */
export function createInspectionsRepo(db: Kysely<DB>) {
  const filtered = (scope: AreaScope, f: InspectionRepoFilter) => {
    let q = db.selectFrom('inspections').where((eb) => areaWhere(eb, scope, f.areaCode));
    if (f.targetId) q = q.where('target_id', '=', f.targetId);
    if (f.targetType) q = q.where('target_type', '=', f.targetType);
    if (f.result) q = q.where('result', '=', f.result);
    return q;
  };

  return {
    findById: (scope: AreaScope, id: string, d: Db = db) =>
      d
        .selectFrom('inspections')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => areaWhere(eb, scope))
        .executeTakeFirst(),

    list: (scope: AreaScope, f: InspectionRepoFilter, page: { limit: number; offset: number }) =>
      filtered(scope, f)
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async count(scope: AreaScope, f: InspectionRepoFilter): Promise<number> {
      const r = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Whether an inspection in the scope lists this photo (photos is a JSON list of ids). */
    async photoVisible(scope: AreaScope, attachmentId: string): Promise<boolean> {
      const r = await db
        .selectFrom('inspections')
        .select('id')
        .where((eb) => areaWhere(eb, scope))
        .where('photos', 'like', `%"${attachmentId.replace(/[%_"\\]/g, '')}"%`)
        .executeTakeFirst();
      return Boolean(r);
    },

    insert: (d: Db, row: InspectionsTable) => d.insertInto('inspections').values(row).execute(),

    /** Stores the hazards with a case link only if nobody else linked one since `version` was read. */
    async updateHazardsIfVersion(
      d: Db,
      id: string,
      version: number,
      hazards: string,
    ): Promise<boolean> {
      const r = await d
        .updateTable('inspections')
        .set({ hazards, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type InspectionsRepo = ReturnType<typeof createInspectionsRepo>;
