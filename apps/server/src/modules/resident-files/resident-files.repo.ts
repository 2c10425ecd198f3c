import type { Kysely } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { countBy, type FigureLevel } from '../../core/db/grouped-counts';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { ResidentFilesTable } from './resident-files.tables';

const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

export interface ResidentFileFilter {
  kind?: string | undefined;
  status?: string | undefined;
  areaCode?: string | undefined;
  personId?: string | undefined;
  houseId?: string | undefined;
}

/** SQL of 民情档案. Every read takes the caller's scope. */
export function createResidentFilesRepo(db: Kysely<DB>) {
  const scoped = (scope: AreaScope) =>
    db.selectFrom('resident_files').where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS));
  const filtered = (scope: AreaScope, f: ResidentFileFilter) => {
    let q = scoped(scope);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.personId) q = q.where('person_id', '=', f.personId);
    if (f.houseId) q = q.where('house_id', '=', f.houseId);
    if (f.areaCode)
      q = q.where((eb) =>
        levelCodesInScope(eb, { all: false, prefixes: [f.areaCode!] }, AREA_COLUMNS),
      );
    return q;
  };

  return {
    /** Entries dated in a period, per area of a level and a column (kind or author_id), for the registry figures. */
    countBy: (
      scope: AreaScope,
      period: { start: string; end: string },
      level: FigureLevel,
      key: 'kind' | 'author_id',
    ) =>
      countBy(
        scoped(scope).where('at', '>=', period.start).where('at', '<', period.end),
        level,
        key,
      ),

    findById: (scope: AreaScope, id: string) =>
      scoped(scope).selectAll().where('id', '=', id).executeTakeFirst(),

    list: (scope: AreaScope, f: ResidentFileFilter, page: { limit: number; offset: number }) =>
      filtered(scope, f)
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    async count(scope: AreaScope, f: ResidentFileFilter): Promise<number> {
      const r = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Whether an entry in scope shows this attachment (ids are UUIDs, so a quoted substring match is exact). */
    async attachmentVisible(scope: AreaScope, attachmentId: string): Promise<boolean> {
      const r = await scoped(scope)
        .select('id')
        .where('attachments', 'like', `%"${attachmentId.replace(/[%_"\\]/g, '')}"%`)
        .executeTakeFirst();
      return Boolean(r);
    },

    insert: (row: ResidentFilesTable) => db.insertInto('resident_files').values(row).execute(),

    async updateIfVersion(
      id: string,
      version: number,
      patch: Partial<ResidentFilesTable>,
    ): Promise<boolean> {
      const r = await db
        .updateTable('resident_files')
        .set(patch)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Links a case once: false when the entry already has one (a concurrent 转为案件). */
    async linkCase(
      id: string,
      caseId: string,
      caseNo: string,
      status: string,
      at: string,
    ): Promise<boolean> {
      const r = await db
        .updateTable('resident_files')
        .set((eb) => ({
          case_id: caseId,
          case_no: caseNo,
          status,
          version: eb('version', '+', 1),
          updated_at: at,
        }))
        .where('id', '=', id)
        .where('case_id', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type ResidentFilesRepo = ReturnType<typeof createResidentFilesRepo>;
