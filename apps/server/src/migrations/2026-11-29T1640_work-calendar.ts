import type { Kysely } from 'kysely';
import { CN_2026_ROWS, CN_2026_SOURCE } from './2026-11-29T1640_work-calendar.cn-2026';

// The editable working calendar: one row per date that departs from (or restates) the Monday–Friday default,
// seeded with the 2026 notice so deadlines stay as before. Working-hour windows live in `settings`
// ('calendar.windows'); they are seeded too, so an administrator sees the values in force.

const DEFAULT_WINDOWS = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '17:30' },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('work_calendar')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('work_calendar')
    .values(
      CN_2026_ROWS.map(([date, kind, name]) => ({
        date,
        kind,
        name,
        source: CN_2026_SOURCE,
        updated_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('settings')
    .values({ key: 'calendar.windows', value: JSON.stringify(DEFAULT_WINDOWS), updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'calendar.windows').execute();
  await db.schema.dropTable('work_calendar').execute();
}
