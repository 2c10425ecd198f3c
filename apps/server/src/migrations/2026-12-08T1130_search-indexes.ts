import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Search (issue 11 #4). Case numbers, addresses and descriptions are searched by any part ("1234", "人民路",
// "井盖破"), which no B-tree serves. So each database gets a trigram index over the three texts: on SQLite an FTS5
// table with the trigram tokenizer (kept by triggers: a report is one more row in it), on PostgreSQL a pg_trgm GIN
// index on the same concatenation the query uses. Both serve terms of 3 characters or more; shorter ones (a
// two-character Chinese word) are matched within the caller's scope on the queue indexes instead. The FTS table holds
// the case id rather than relying on rowids, which VACUUM may renumber. pg_trgm ships with PostgreSQL (contrib) and is a
// trusted extension; where it cannot be created the index is left out and search still works, by scanning.
// Persons are found by a full phone through its keyed hash (POST /api/persons/by-phone), which needs an index too.
// Plans and timings on 100,000 cases: modules/cases/case-search.explain.test.ts and docs/architecture.md.

const CASE_TEXT = `(case_no || ' ' || address || ' ' || description)`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('persons_phone_hash').on('persons').column('phone_hash').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const ns = await trigramSchema(db);
    if (ns)
      await sql
        .raw(
          `create index cases_search_trgm on cases using gin (${CASE_TEXT} "${ns.replace(/"/g, '""')}".gin_trgm_ops)`,
        )
        .execute(db);
    return;
  }
  await sql`create virtual table cases_search using fts5(case_id unindexed, body, tokenize = 'trigram')`.execute(
    db,
  );
  // One statement each: the SQLite driver prepares one at a time.
  const row = (r: string) => `${r}.case_no || ' ' || ${r}.address || ' ' || ${r}.description`;
  for (const statement of [
    `insert into cases_search (case_id, body) select id, ${CASE_TEXT} from cases`,
    `create trigger cases_search_insert after insert on cases begin
      insert into cases_search (case_id, body) values (new.id, ${row('new')}); end`,
    `create trigger cases_search_update after update of case_no, address, description on cases begin
      delete from cases_search where case_id = old.id;
      insert into cases_search (case_id, body) values (new.id, ${row('new')}); end`,
    `create trigger cases_search_delete after delete on cases begin
      delete from cases_search where case_id = old.id; end`,
  ])
    await sql.raw(statement).execute(db);
}

/**
 * The schema holding pg_trgm, creating the extension in `public` when it is available and the user may; null when
 * neither. Parallel migrations (tests, several schemas) take a lock first: the extension is one per database.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function trigramSchema(db: Kysely<any>): Promise<string | null> {
  await sql`select pg_advisory_xact_lock(7243011)`.execute(db);
  const installed = async () =>
    (
      await sql<{
        ns: string;
      }>`select extnamespace::regnamespace::text as ns from pg_extension where extname = 'pg_trgm'`.execute(
        db,
      )
    ).rows[0]?.ns ?? null;
  const ns = await installed();
  if (ns) return ns.replace(/^"|"$/g, '');
  const can = await sql<{
    ok: boolean;
  }>`select exists (select 1 from pg_available_extensions where name = 'pg_trgm')
      and has_database_privilege(current_database(), 'CREATE')
      and has_schema_privilege('public', 'CREATE') as ok`.execute(db);
  if (!can.rows[0]?.ok) return null;
  await sql`create extension if not exists pg_trgm schema public`.execute(db);
  return 'public';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('persons_phone_hash').ifExists().execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.dropIndex('cases_search_trgm').ifExists().execute();
    return;
  }
  for (const t of ['insert', 'update', 'delete'])
    await sql.raw(`drop trigger if exists cases_search_${t}`).execute(db);
  await sql`drop table if exists cases_search`.execute(db);
}
