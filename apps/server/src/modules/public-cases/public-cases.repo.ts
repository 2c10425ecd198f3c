import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { PublicReceiptsTable } from './public-cases.tables';

/** All SQL of the public-cases module: receipts only; cases are read through the cases service. */
export function createPublicCasesRepo(db: Kysely<DB>) {
  const d = db;
  return {
    insert: async (row: PublicReceiptsTable): Promise<void> => {
      await d.insertInto('public_receipts').values(row).execute();
    },
    findById: (id: string) =>
      d.selectFrom('public_receipts').selectAll().where('id', '=', id).executeTakeFirst(),
    findByCaseNo: (caseNo: string) =>
      d.selectFrom('public_receipts').selectAll().where('case_no', '=', caseNo).executeTakeFirst(),
  };
}
export type PublicCasesRepo = ReturnType<typeof createPublicCasesRepo>;
