import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { createCompiledCache, rowShape } from '../../core/db/compiled-cache';
import { levelCodesInScope } from '../../core/db/scope-filter';
import type { CaseEventsTable, CasesTable } from './cases.tables';
import {
  containsPattern,
  ftsPhrase,
  TRIGRAM_MIN,
  type CaseSearch,
  type CaseTextIndex,
} from './case-search';

type Db = Kysely<DB> | Transaction<DB>;
const AREA_COLUMNS = {
  admin: 'admin_code',
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
};

export interface QueueFilter {
  states?: string[] | undefined;
  open?: boolean | undefined;
  classCode?: string | undefined;
  areaCode?: string | undefined;
  departmentId?: string | undefined;
  overdueBefore?: string | undefined;
  /** The search box (case-search.ts) */
  search?: CaseSearch | undefined;
  /** Cases reported by any of these (a name search resolved to accounts); empty = none */
  reporterIds?: string[] | undefined;
  limit: number;
  offset: number;
}

/**
 * The search box as SQL: a whole number on the unique index; text of 3+ characters through the trigram index (the
 * FTS5 table's ids, or the very expression pg_trgm indexes); shorter text tested on each row of the scope.
 */
function searchMatches(eb: ExpressionBuilder<DB, 'cases'>, s: CaseSearch, index: CaseTextIndex) {
  if (s.kind === 'caseNo') return eb('case_no', '=', s.caseNo);
  if ([...s.text].length >= TRIGRAM_MIN)
    return index === 'fts5'
      ? sql<boolean>`cases.id in (select case_id from cases_search where cases_search match ${ftsPhrase(s.text)})`
      : sql<boolean>`(case_no || ' ' || address || ' ' || description) like ${containsPattern(s.text)}`;
  const pattern = containsPattern(s.text);
  return eb.or(
    (['case_no', 'address', 'description'] as const).map(
      (c) => sql<boolean>`${sql.ref(c)} like ${pattern} escape '\\'`,
    ),
  );
}

/** All SQL of the cases module. Reads take the caller's scope. */
export function createCasesRepo(db: Kysely<DB>, textIndex: CaseTextIndex = 'fts5') {
  const compiled = createCompiledCache<DB>();
  const scoped = (d: Db, scope: AreaScope) =>
    d.selectFrom('cases').where((eb) => levelCodesInScope(eb, scope, AREA_COLUMNS));
  return {
    findById: (scope: AreaScope, id: string, d: Db = db) =>
      scoped(d, scope).selectAll().where('id', '=', id).executeTakeFirst(),

    findByIdempotencyKey: (key: string, d: Db = db) =>
      d.selectFrom('cases').selectAll().where('idempotency_key', '=', key).executeTakeFirst(),

    /** The case of a 12345 work order, whoever reported it (order ids are the centre's, not per user). */
    findByExternalId: (externalId: string, d: Db = db) =>
      d.selectFrom('cases').selectAll().where('external_id', '=', externalId).executeTakeFirst(),

    // Intake is the hot write: its two inserts reuse their compiled SQL (core/db/compiled-cache).
    async insert(d: Db, row: CasesTable, event: CaseEventsTable): Promise<void> {
      const c = rowShape(row);
      await compiled(d, `case:${c.shape}`, c.values, () => d.insertInto('cases').values(row));
      const e = rowShape(event);
      await compiled(d, `event:${e.shape}`, e.values, () =>
        d.insertInto('case_events').values(event),
      );
    },

    /** The same as `insert` in one atomic statement, for dialects with data-modifying WITH (no transaction needed). */
    async insertInOneStatement(row: CasesTable, event: CaseEventsTable): Promise<void> {
      const both = rowShape(row, event);
      await compiled(db, `with:${both.shape}`, both.values, () =>
        db
          .with('new_case', (q) => q.insertInto('cases').values(row))
          .insertInto('case_events')
          .values(event),
      );
    },

    /**
     * A case with its whole log, read inside the caller's transaction, with the report times of the patrol cases
     * merged into it (the indicator facts' 漏报 looks for an earlier one).
     */
    async logIn(d: Db, id: string) {
      const row = await d.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const [events, merged] = await Promise.all([
        d.selectFrom('case_events').selectAll().where('case_id', '=', id).orderBy('seq').execute(),
        d
          .selectFrom('cases')
          .select('created_at')
          .where('master_case_id', '=', id)
          .where('source', '=', 'patrol')
          .execute(),
      ]);
      return { row, events, mergedPatrolReportsAt: merged.map((m) => m.created_at) };
    },

    /** Number, state, class and address of cases among `ids` inside the scope (indicator drill-downs). */
    briefs: (scope: AreaScope, ids: readonly string[]) =>
      ids.length
        ? scoped(db, scope)
            .select(['id', 'case_no', 'state', 'class_code', 'address'])
            .where('id', 'in', [...ids])
            .execute()
        : Promise.resolve([]),

    /** Every case with its log, a page at a time in id order (rebuilding the indicator facts). */
    async logsAfter(afterId: string, limit: number) {
      const rows = await db
        .selectFrom('cases')
        .selectAll()
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      if (!rows.length) return [];
      const events = await db
        .selectFrom('case_events')
        .selectAll()
        .where(
          'case_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('case_id')
        .orderBy('seq')
        .execute();
      const byCase = new Map<string, typeof events>();
      for (const e of events) {
        const list = byCase.get(e.case_id);
        if (list) list.push(e);
        else byCase.set(e.case_id, [e]);
      }
      const merged = await db
        .selectFrom('cases')
        .select(['master_case_id', 'created_at'])
        .where(
          'master_case_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('source', '=', 'patrol')
        .execute();
      return rows.map((row) => ({
        row,
        events: byCase.get(row.id) ?? [],
        mergedPatrolReportsAt: merged
          .filter((m) => m.master_case_id === row.id)
          .map((m) => m.created_at),
      }));
    },

    /** Writes a transition only if nobody else did since `version` was read. */
    async updateIfVersion(
      d: Db,
      id: string,
      version: number,
      patch: Partial<CasesTable>,
    ): Promise<boolean> {
      const r = await d
        .updateTable('cases')
        .set(patch)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Cases merged into any of `caseIds`, with their reporters: they follow the master (§2.2 合并). */
    mergedInto: (d: Db, caseIds: string[]) =>
      caseIds.length
        ? d
            .selectFrom('cases')
            .select(['id', 'reporter_id'])
            .where('master_case_id', 'in', caseIds)
            .execute()
        : Promise.resolve([]),

    appendEvent: (d: Db, event: CaseEventsTable) =>
      d.insertInto('case_events').values(event).execute(),

    async linkAttachments(
      d: Db,
      caseId: string,
      ids: readonly string[],
      seq: number,
    ): Promise<void> {
      if (ids.length === 0) return;
      await d
        .insertInto('case_attachments')
        .values([...new Set(ids)].map((attachment_id) => ({ case_id: caseId, attachment_id, seq })))
        .onConflict((oc) => oc.columns(['case_id', 'attachment_id']).doNothing())
        .execute();
    },

    /** Whether any case in the scope links the attachment. */
    async attachmentVisible(scope: AreaScope, attachmentId: string): Promise<boolean> {
      const r = await scoped(db, scope)
        .innerJoin('case_attachments as ca', 'ca.case_id', 'cases.id')
        .select('cases.id')
        .where('ca.attachment_id', '=', attachmentId)
        .limit(1)
        .executeTakeFirst();
      return r !== undefined;
    },

    async nextSeq(d: Db, caseId: string): Promise<number> {
      const r = await d
        .selectFrom('case_events')
        .select((eb) => eb.fn.max('seq').as('m'))
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      return Number(r?.m ?? 0) + 1;
    },

    events: (caseId: string) =>
      db
        .selectFrom('case_events')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .execute(),

    /** A queue page: the scope, then filters, most urgent (earliest due) first. */
    async list(scope: AreaScope, f: QueueFilter) {
      let q = scoped(db, scope);
      if (f.open !== undefined) q = q.where('is_open', '=', f.open ? 1 : 0);
      if (f.states?.length) q = q.where('state', 'in', f.states);
      if (f.classCode) q = q.where('class_code', '=', f.classCode);
      if (f.departmentId) q = q.where('handling_dept_id', '=', f.departmentId);
      if (f.overdueBefore) q = q.where('due_at', '<', f.overdueBefore);
      if (f.search) q = q.where((eb) => searchMatches(eb, f.search!, textIndex));
      if (f.reporterIds)
        q = f.reporterIds.length
          ? q.where('reporter_id', 'in', f.reporterIds)
          : q.where(sql.lit(false));
      if (f.areaCode)
        q = q.where((eb) =>
          levelCodesInScope(eb, { all: false, prefixes: [f.areaCode!] }, AREA_COLUMNS),
        );
      return q
        .selectAll()
        .orderBy('due_at')
        .orderBy('id')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
    },

    /**
     * Open cases of a class near a point (bounding box; the caller refines by distance). The
     * street's queue index finds them: a duplicate a few dozen metres away is in the same street.
     */
    nearbyOpen: (
      scope: AreaScope,
      streetCode: string,
      classCode: string,
      box: [number, number, number, number],
      excludeId?: string,
    ) =>
      scoped(db, scope)
        .selectAll()
        .where('street_code', '=', streetCode)
        .where('is_open', '=', 1)
        .where('class_code', '=', classCode)
        .where('lng', '>=', box[0])
        .where('lat', '>=', box[1])
        .where('lng', '<=', box[2])
        .where('lat', '<=', box[3])
        .$if(!!excludeId, (q) => q.where('id', '!=', excludeId!))
        .limit(20)
        .execute(),

    /** 区域概况: cases per state in the scope (and an area of it). */
    countByState: (scope: AreaScope, areaCode: string | undefined) =>
      scoped(db, scope)
        .$if(!!areaCode, (q) =>
          q.where((eb) =>
            levelCodesInScope(eb, { all: false, prefixes: [areaCode!] }, AREA_COLUMNS),
          ),
        )
        .select((eb) => ['state', eb.fn.countAll<number | string | bigint>().as('n')])
        .groupBy('state')
        .execute(),

    /** 区域概况: the open cases' states and stored snapshots (their step clocks give the lights). */
    openSnapshots: (scope: AreaScope, areaCode: string | undefined) =>
      scoped(db, scope)
        .$if(!!areaCode, (q) =>
          q.where((eb) =>
            levelCodesInScope(eb, { all: false, prefixes: [areaCode!] }, AREA_COLUMNS),
          ),
        )
        .where('is_open', '=', 1)
        .select(['state', 'snapshot'])
        .execute(),

    /** Open cases whose running step is overdue, for the 督办 sweep (all areas). */
    overdue: (scope: AreaScope, now: string, limit: number) =>
      scoped(db, scope)
        .selectAll()
        .where('is_open', '=', 1)
        .where('due_at', '<', now)
        .orderBy('due_at')
        .limit(limit)
        .execute(),

    /**
     * 工作监督: open cases under 督办 (any level) or, given `overdueBefore`, with a step overdue then; most urgent
     * first. The scope and the area are SQL, like the queue's.
     */
    supervisedOrOverdue: (
      scope: AreaScope,
      f: {
        areaCode?: string | undefined;
        overdueBefore?: string | undefined;
        limit: number;
        offset?: number;
      },
    ) =>
      scoped(db, scope)
        .where('is_open', '=', 1)
        .$if(!!f.areaCode, (q) =>
          q.where((eb) =>
            levelCodesInScope(eb, { all: false, prefixes: [f.areaCode!] }, AREA_COLUMNS),
          ),
        )
        .where((eb) =>
          f.overdueBefore
            ? eb.or([eb('supervision_level', 'is not', null), eb('due_at', '<', f.overdueBefore)])
            : eb('supervision_level', 'is not', null),
        )
        .selectAll()
        .orderBy('due_at')
        .orderBy('id')
        .limit(f.limit)
        .offset(f.offset ?? 0)
        .execute(),

    /** Events of some actions on these cases (the 督办 thread, 批示), in order. */
    eventsOf: (caseIds: readonly string[], actions: readonly string[]) =>
      caseIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('case_events')
            .selectAll()
            .where('case_id', 'in', [...caseIds])
            .where('action', 'in', [...actions])
            .orderBy('case_id')
            .orderBy('seq')
            .execute(),

    /** How many open cases (all areas) are filed under any of the classes or below them. */
    openInClasses: async (codes: readonly string[]) =>
      codes.length === 0
        ? 0
        : Number(
            (
              await db
                .selectFrom('cases')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('is_open', '=', 1)
                .where((eb) => eb.or(codes.map((c) => eb('class_code', 'like', `${c}%`))))
                .executeTakeFirstOrThrow()
            ).n,
          ),
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;
