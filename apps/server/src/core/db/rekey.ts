import type { Kysely } from 'kysely';
import type { FieldCipher } from '../crypto';

/** Encrypted columns of one table, declared by the module that owns it (see each module's index.ts). */
export interface EncryptedColumns {
  table: string;
  /** Text primary key column, walked in order so a rotation of millions of rows runs in bounded memory. */
  key: string;
  columns: string[];
}

/**
 * Rewrites every value written under an older data key with the current one, a batch per transaction, so a
 * rotation can be stopped and resumed. This is the one generic SQL outside a repository: it must reach every
 * module's encrypted columns, which the modules declare, and it touches nothing else.
 */
export async function rekeyColumns(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  cipher: FieldCipher,
  specs: EncryptedColumns[],
  batchSize = 500,
): Promise<{ table: string; rows: number; rewritten: number }[]> {
  const report: { table: string; rows: number; rewritten: number }[] = [];
  for (const spec of specs) {
    let after: string | null = null;
    let rows = 0;
    let rewritten = 0;
    for (;;) {
      let q = db
        .selectFrom(spec.table)
        .select([spec.key, ...spec.columns])
        .orderBy(spec.key)
        .limit(batchSize);
      if (after !== null) q = q.where(spec.key, '>', after);
      const batch = (await q.execute()) as Record<string, string | null>[];
      if (batch.length === 0) break;
      rows += batch.length;
      await db.transaction().execute(async (trx) => {
        for (const row of batch) {
          const patch: Record<string, string> = {};
          for (const col of spec.columns) {
            const v = row[col];
            if (v && cipher.isStale(v)) patch[col] = cipher.encrypt(cipher.decrypt(v));
          }
          if (Object.keys(patch).length === 0) continue;
          rewritten++;
          await trx
            .updateTable(spec.table)
            .set(patch)
            .where(spec.key, '=', row[spec.key] as string)
            .execute();
        }
      });
      after = batch[batch.length - 1]![spec.key] as string;
    }
    report.push({ table: spec.table, rows, rewritten });
  }
  return report;
}
