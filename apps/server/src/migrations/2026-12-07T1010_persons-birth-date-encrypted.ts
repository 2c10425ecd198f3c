import { sql, type Kysely } from 'kysely';

// A person's full birth date is encrypted like the ID number it is part of, and only the birth year stays in clear
// (statistics, age bands): the clear date beside a mask that hid exactly the date digits rebuilt the whole number.
// The 居住证号码 in the details JSON is often the ID number itself, so it gets an encrypted column too. Migrations
// get the database, not the data key: encrypting existing dates and permit numbers, re-masking ID numbers and
// emptying birth_date is done at start-up by the population module (legacy-identities-backfill.ts).
//
// Stored import reports hold document numbers masked the old way (410105********1234). The new mask is a prefix of
// the old one's shown characters, so they are re-masked here, without any key; reported birth dates keep their year.

/** The mask rule as of this migration (packages/shared maskIdNumber), frozen here as migrations must be. */
function remaskId(masked: string): string {
  const shown = Math.max(0, Math.min(6, masked.length - 12));
  return masked.slice(0, shown) + '*'.repeat(masked.length - shown);
}

const remaskDate = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(0, 4)}-**-**` : v);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function remaskImportReports(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    // One job at a time: a report holds up to 100,000 problems.
    const job = (await db
      .selectFrom('import_jobs')
      .select(['id', 'problems'])
      .where('kind', '=', 'persons')
      .where('id', '>', after)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()) as { id: string; problems: string } | undefined;
    if (!job) return;
    after = job.id;
    const problems = JSON.parse(job.problems) as { column?: unknown; value?: unknown }[];
    let changed = false;
    for (const p of problems) {
      if (typeof p.value !== 'string') continue;
      const next =
        p.column === '证件号码'
          ? remaskId(p.value)
          : p.column === '出生日期'
            ? remaskDate(p.value)
            : p.value;
      if (next === p.value) continue;
      p.value = next;
      changed = true;
    }
    if (changed)
      await db
        .updateTable('import_jobs')
        .set({ problems: JSON.stringify(problems) })
        .where('id', '=', job.id)
        .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('birth_year', 'integer').execute();
  await db.schema.alterTable('persons').addColumn('birth_date_enc', 'text').execute();
  await db.schema.alterTable('persons').addColumn('permit_no_enc', 'text').execute();
  await sql`UPDATE persons SET birth_year = CAST(substr(birth_date, 1, 4) AS integer) WHERE birth_date IS NOT NULL`.execute(
    db,
  );
  await remaskImportReports(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('persons').dropColumn('permit_no_enc').execute();
  await db.schema.alterTable('persons').dropColumn('birth_date_enc').execute();
  await db.schema.alterTable('persons').dropColumn('birth_year').execute();
}
