import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { PublicPhoneCodesTable, PublicReceiptsTable } from './public-cases.tables';

/** All SQL of the public-cases module: receipts and phone codes; cases are read through the cases service. */
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
    receiptsByPhone: (phoneHash: string, limit: number) =>
      d
        .selectFrom('public_receipts')
        .selectAll()
        .where('phone_hash', '=', phoneHash)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute(),

    insertCode: async (row: PublicPhoneCodesTable): Promise<void> => {
      await d.insertInto('public_phone_codes').values(row).execute();
    },
    async codesSince(phoneHash: string, since: string): Promise<number> {
      const r = await d
        .selectFrom('public_phone_codes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('phone_hash', '=', phoneHash)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** The newest unexpired, unused code of a phone: asking again replaces the earlier code. */
    latestCode: (phoneHash: string, now: string) =>
      d
        .selectFrom('public_phone_codes')
        .selectAll()
        .where('phone_hash', '=', phoneHash)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
        .then((r) => (r && r.used_at === null && r.expires_at > now ? r : undefined)),
    async spendCode(id: string, now: string): Promise<boolean> {
      const r = await d
        .updateTable('public_phone_codes')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Codes are worth nothing after they expire: a day later they go (the table stays a few thousand rows). */
    async dropCodesBefore(cutoff: string): Promise<void> {
      await d.deleteFrom('public_phone_codes').where('created_at', '<', cutoff).execute();
    },
    async countTry(id: string): Promise<void> {
      await d
        .updateTable('public_phone_codes')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
  };
}
export type PublicCasesRepo = ReturnType<typeof createPublicCasesRepo>;
