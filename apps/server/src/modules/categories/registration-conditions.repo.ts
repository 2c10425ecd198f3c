import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import type { RegistrationConditionsTable } from './categories.tables';

// 立结案标准 are configuration shared by every area (a row's area_code narrows where it applies, not who may
// read it), so no AreaScope here.
export function createRegistrationConditionsRepo(db: Kysely<DB>) {
  const rows = () => db.selectFrom('registration_conditions').selectAll();
  return {
    /** Versions of the classes' conditions; only those valid at `at` unless `at` is null (full history). */
    listByClasses: (classCodes: readonly string[], at: string | null) =>
      rows()
        .where('class_code', 'in', [...classCodes])
        .$if(at !== null, (s) =>
          s
            .where('valid_from', '<=', at!)
            .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at!)])),
        )
        .orderBy('class_code')
        .orderBy('lineage_id')
        .orderBy('valid_from')
        .execute(),
    findById: (id: string) => rows().where('id', '=', id).executeTakeFirst(),
    insert: (db2: Kysely<DB>, row: RegistrationConditionsTable) =>
      db2.insertInto('registration_conditions').values(row).execute(),
    /**
     * Ends a version, but only if nobody ended it since it was read (`validTo` is the value read): the
     * compare-and-set that keeps two concurrent edits from both creating a successor.
     */
    close: async (
      db2: Kysely<DB>,
      id: string,
      validTo: string | null,
      at: string,
    ): Promise<boolean> => {
      const r = await db2
        .updateTable('registration_conditions')
        .set({ valid_to: at })
        .where('id', '=', id)
        .where((eb) =>
          validTo === null ? eb('valid_to', 'is', null) : eb('valid_to', '=', validTo),
        )
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
