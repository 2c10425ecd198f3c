import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Monthly rollups of the indicator facts (modules/indicators/indicator-rollups.ts, docs/indicators.md §9.2): a month
// of a community's facts of one kind and one combination of the tested columns, counted. Kept on write with the facts
// (each case's rewrite adds its deltas); a publication counts its own once from its frozen copy. Filled here from the
// facts already in the database.

const KEY = [
  'kind',
  'month',
  'admin_code',
  'street_code',
  'community_code',
  'source',
  'department_id',
  'variant',
  'on_time',
  'ok',
  'flag',
  'excluded',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withRollupColumns = (t: CreateTableBuilder<any, any>) =>
  t
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // '' and -1 stand for null, so that the key can be a primary key on both databases.
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('flag', 'integer', (c) => c.notNull())
    .addColumn('excluded', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('h', 'double precision', (c) => c.notNull())
    .addColumn('hn', 'integer', (c) => c.notNull());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withRollupColumns(db.schema.createTable('indicator_rollups'))
    .addPrimaryKeyConstraint('indicator_rollups_pk', KEY as never)
    .execute();
  // The district reads by (kind, month); a street or a community by its own code first.
  await db.schema
    .createIndex('indicator_rollups_street')
    .on('indicator_rollups')
    .columns(['kind', 'street_code', 'month'])
    .execute();
  await db.schema
    .createIndex('indicator_rollups_community')
    .on('indicator_rollups')
    .columns(['kind', 'community_code', 'month'])
    .execute();
  await withRollupColumns(
    db.schema
      .createTable('indicator_snapshot_rollups')
      .addColumn('publication_id', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('indicator_snapshot_rollups_pub')
    .on('indicator_snapshot_rollups')
    .columns(['publication_id', 'kind', 'month'])
    .execute();
  // The cases standing in 挂账 at an instant (started before it, not ended by it): read from an index of the 挂账
  // facts alone that holds every column the test reads, and reaching the other facts by case id. With the (kind, at)
  // index instead, each 挂账 row before the instant is a table lookup (tens of thousands at a million cases).
  await sql`create index indicator_facts_suspensions on indicator_facts (kind, at, end_at, case_id)
    where kind = 'suspension'`.execute(db);
  // The fill, as the rollups were defined at this migration (indicator-rollups.repo.ts `rebuild` and `snapshot`; a
  // migration is history and does not follow later changes of the module).
  const month =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql`to_char(at::timestamptz at time zone 'UTC' + interval '8 hours', 'YYYY-MM')`
      : sql`strftime('%Y-%m', at, '+8 hours')`;
  const key = sql.join([
    ...[sql`kind`, month, sql`admin_code`, sql`street_code`, sql`community_code`, sql`source`],
    ...[sql`coalesce(department_id, '')`, sql`coalesce(variant, '')`, sql`coalesce(on_time, -1)`],
    ...[sql`coalesce(ok, -1)`, sql`coalesce(flag, -1)`, sql`excluded`],
  ]);
  const cols = sql.join(KEY.map((c) => sql.id(c)));
  const sums = sql`count(*), sum(case when hours is not null then 1 else 0 end), coalesce(sum(hours), 0)`;
  await sql`insert into indicator_rollups (${cols}, n, hn, h)
    select ${key}, ${sums} from indicator_facts group by ${key}`.execute(db);
  await sql`insert into indicator_snapshot_rollups (publication_id, ${cols}, n, hn, h)
    select publication_id, ${key}, ${sums} from indicator_snapshot_facts
    group by publication_id, ${key}`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_facts_suspensions').ifExists().execute();
  await db.schema.dropTable('indicator_snapshot_rollups').ifExists().execute();
  await db.schema.dropTable('indicator_rollups').ifExists().execute();
}
