import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../core/db/database';
import type { ImportJobsTable } from './imports.tables';

export type ImportJobRow = Selectable<ImportJobsTable>;

/** Jobs are the actor's own records: the scope of a job is who ran it (an all-scope administrator sees every job). */
export function createImportsRepo(db: Kysely<DB>) {
  return {
    async insert(row: ImportJobRow): Promise<void> {
      await db.insertInto('import_jobs').values(row).execute();
    },
    async find(
      owner: { actorId: string; all: boolean },
      id: string,
    ): Promise<ImportJobRow | undefined> {
      let q = db.selectFrom('import_jobs').selectAll().where('id', '=', id);
      if (!owner.all) q = q.where('actor_id', '=', owner.actorId);
      return q.executeTakeFirst();
    },
    async recent(
      owner: { actorId: string; all: boolean },
      limit: number,
    ): Promise<Omit<ImportJobRow, 'problems'>[]> {
      let q = db
        .selectFrom('import_jobs')
        .select([
          'id',
          'kind',
          'mode',
          'file_name',
          'file_sha256',
          'actor_id',
          'actor_name',
          'rows',
          'valid_rows',
          'invalid_rows',
          'problem_count',
          'committed',
          'created',
          'updated',
          'unchanged',
          'seconds',
          'at',
        ])
        .orderBy('at', 'desc')
        .limit(limit);
      if (!owner.all) q = q.where('actor_id', '=', owner.actorId);
      return q.execute();
    },
  };
}
