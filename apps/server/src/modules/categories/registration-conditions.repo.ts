import type { ExpressionBuilder, Kysely } from 'kysely';
import { CASE_CATEGORY_KINDS } from '@wangge/shared';
import type { DB } from '../../core/db/database';
import type { RegistrationConditionsTable } from './categories.tables';

/** Versions valid at `at`. */
const validAt = (eb: ExpressionBuilder<DB, 'registration_conditions'>, at: string) =>
  eb.and([
    eb('registration_conditions.valid_from', '<=', at),
    eb.or([
      eb('registration_conditions.valid_to', 'is', null),
      eb('registration_conditions.valid_to', '>', at),
    ]),
  ]);

export interface ConditionSearch {
  at: string;
  /** Class-name substring. */
  text?: string;
  /** Class-code prefix (upper case). */
  codeText?: string;
  isDefault?: boolean;
  limit: number;
  offset: number;
}

// 立结案标准 are configuration shared by every area (a row's area_code narrows where it applies, not who may
// read it), so no AreaScope here.
export function createRegistrationConditionsRepo(db: Kysely<DB>) {
  const rows = () => db.selectFrom('registration_conditions').selectAll();
  /** Current rows joined to their class (事项/综治 only: the same digits may also name a 部件). */
  const searched = (q: ConditionSearch) =>
    db
      .selectFrom('registration_conditions')
      .innerJoin('categories', (j) =>
        j
          .onRef('categories.code', '=', 'registration_conditions.class_code')
          .on('categories.kind', 'in', [...CASE_CATEGORY_KINDS]),
      )
      .where((eb) => validAt(eb, q.at))
      .$if(q.isDefault !== undefined, (s) =>
        s.where('registration_conditions.is_default', '=', q.isDefault ? 1 : 0),
      )
      .$if(q.text !== undefined, (s) =>
        s.where((eb) =>
          eb.or([
            eb('categories.name', 'like', `%${q.text}%`),
            eb('registration_conditions.text', 'like', `%${q.text}%`),
            ...(q.codeText ? [eb('categories.code', 'like', `${q.codeText}%`)] : []),
          ]),
        ),
      );
  return {
    /** Versions of the classes' conditions; only those valid at `at` unless `at` is null (full history). */
    listByClasses: (classCodes: readonly string[], at: string | null) =>
      rows()
        .where('class_code', 'in', [...classCodes])
        .$if(at !== null, (s) => s.where((eb) => validAt(eb, at!)))
        .orderBy('class_code')
        .orderBy('is_default', 'desc')
        .orderBy('lineage_id')
        .orderBy('valid_from')
        .execute(),
    findById: (id: string) => rows().where('id', '=', id).executeTakeFirst(),
    /** One page of current rows with their class's name, by class code; defaults first within a class. */
    search: (q: ConditionSearch) =>
      searched(q)
        .selectAll('registration_conditions')
        .select(['categories.name as class_name', 'categories.active as class_active'])
        .orderBy('registration_conditions.class_code')
        .orderBy('registration_conditions.is_default', 'desc')
        .orderBy('registration_conditions.lineage_id')
        .limit(q.limit)
        .offset(q.offset)
        .execute(),
    count: async (q: ConditionSearch): Promise<number> =>
      Number(
        (
          await searched(q)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    /** How many versions each lineage has had. */
    versionCounts: async (lineageIds: readonly string[]): Promise<Map<string, number>> => {
      if (lineageIds.length === 0) return new Map();
      const counts = await db
        .selectFrom('registration_conditions')
        .select(['lineage_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('lineage_id', 'in', [...lineageIds])
        .groupBy('lineage_id')
        .execute();
      return new Map(counts.map((c) => [c.lineage_id, Number(c.n)]));
    },
    /** Other current rows of the class that apply everywhere (what is left when `exceptId` ends). */
    othersEverywhere: async (classCode: string, exceptId: string, at: string): Promise<number> =>
      (
        await rows()
          .where('class_code', '=', classCode)
          .where('area_code', 'is', null)
          .where('id', '!=', exceptId)
          .where((eb) => validAt(eb, at))
          .execute()
      ).length,
    /** Every version valid at `at`, or only those of the lineages given (the workbook's export and import). */
    currentAt: (at: string, lineageIds?: readonly string[]) =>
      lineageIds !== undefined && lineageIds.length === 0
        ? Promise.resolve([])
        : rows()
            .where('valid_from', '<=', at)
            .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
            .$if(lineageIds !== undefined, (s) => s.where('lineage_id', 'in', [...lineageIds!]))
            .orderBy('class_code')
            .orderBy('lineage_id')
            .execute(),
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
export type RegistrationConditionsRepo = ReturnType<typeof createRegistrationConditionsRepo>;
