import type { Kysely } from 'kysely';

// 巡查 (modules/patrols): patrols with their track points and check-ins. Points are keyed by (patrol, time) so a
// batch resent from a phone after a lost answer stores nothing twice; check-ins by (user, client key).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('patrols')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('point_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('distance_m', 'double precision', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('patrols_area_started')
    .on('patrols')
    .columns(['area_code', 'started_at'])
    .execute();
  await db.schema
    .createIndex('patrols_user_started')
    .on('patrols')
    .columns(['user_id', 'started_at'])
    .execute();
  await db.schema
    .createTable('patrol_points')
    .addColumn('patrol_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('accuracy', 'double precision')
    .addPrimaryKeyConstraint('patrol_points_pk', ['patrol_id', 'at'])
    .execute();
  await db.schema
    .createTable('patrol_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patrol_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('op_key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('note', 'text')
    .addUniqueConstraint('patrol_checkins_key', ['user_id', 'op_key'])
    .execute();
  await db.schema
    .createIndex('patrol_checkins_patrol')
    .on('patrol_checkins')
    .columns(['patrol_id', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('patrol_checkins').ifExists().execute();
  await db.schema.dropTable('patrol_points').ifExists().execute();
  await db.schema.dropTable('patrols').ifExists().execute();
}
