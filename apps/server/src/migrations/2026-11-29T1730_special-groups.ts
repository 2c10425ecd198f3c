import { sql, type Kysely } from 'kysely';
import { SEED_GROUPS } from './2026-11-29T1730_special-groups.seed';

// 特殊人群 and 重点青少年: the group dictionary (data, seeded), memberships, visit tasks and visits. Portable types only:
// dates as YYYY-MM-DD text, timestamps as ISO text, JSON as text, flags as integers. Memberships and visits carry one
// code column per area level, like cases, so scope filters are equalities on plain indexes.

const SEEDED_AT = '2026-11-29T17:30:00.000Z';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('special_groups')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('interval_normal', 'integer', (c) => c.notNull())
    .addColumn('interval_medium', 'integer', (c) => c.notNull())
    .addColumn('interval_high', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('special_groups')
    .values(
      SEED_GROUPS.map((g, i) => ({
        code: g.code,
        name: g.name,
        kind: g.kind,
        sensitivity: g.sensitivity,
        fields: JSON.stringify(g.fields),
        interval_normal: g.intervals[0],
        interval_medium: g.intervals[1],
        interval_high: g.intervals[2],
        active: 1,
        sort_order: (i + 1) * 10,
        version: 1,
        created_at: SEEDED_AT,
        updated_at: SEEDED_AT,
      })),
    )
    .execute();

  await db.schema
    .createTable('special_memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('group_hash', 'text', (c) => c.notNull())
    .addColumn('details_enc', 'text', (c) => c.notNull())
    .addColumn('attention_level', 'text', (c) => c.notNull())
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('last_visit_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One running membership per person and group; ended ones stay as history.
  await db.schema
    .createIndex('special_memberships_one_active')
    .on('special_memberships')
    .columns(['person_id', 'group_hash'])
    .unique()
    .where(sql.ref('active'), '=', 1)
    .execute();
  await db.schema
    .createIndex('special_memberships_group')
    .on('special_memberships')
    .columns(['group_hash', 'active'])
    .execute();
  for (const level of ['admin', 'street', 'community', 'grid'])
    await db.schema
      .createIndex(`special_memberships_${level}`)
      .on('special_memberships')
      .columns([`${level}_code`, 'active'])
      .execute();

  await db.schema
    .createTable('visit_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('membership_id', 'text', (c) => c.notNull().references('special_memberships.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name_masked', 'text')
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('assignee_user_id', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('attention_level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // "My visits due" and "overdue" both read open tasks by due date.
  await db.schema
    .createIndex('visit_tasks_assignee')
    .on('visit_tasks')
    .columns(['assignee_user_id', 'status', 'due_date'])
    .execute();
  await db.schema
    .createIndex('visit_tasks_status_due')
    .on('visit_tasks')
    .columns(['status', 'due_date'])
    .execute();
  await db.schema
    .createIndex('visit_tasks_membership')
    .on('visit_tasks')
    .columns(['membership_id', 'status'])
    .execute();
  await db.schema
    .createIndex('visit_tasks_person')
    .on('visit_tasks')
    .columns(['person_id'])
    .execute();
  for (const level of ['street', 'community', 'grid'])
    await db.schema
      .createIndex(`visit_tasks_${level}`)
      .on('visit_tasks')
      .columns([`${level}_code`, 'status'])
      .execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('membership_id', 'text', (c) => c.notNull().references('special_memberships.id'))
    .addColumn('task_id', 'text')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('admin_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('visitor_name', 'text')
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('findings_enc', 'text', (c) => c.notNull())
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('risk_change', 'text', (c) => c.notNull())
    .addColumn('attention_before', 'text', (c) => c.notNull())
    .addColumn('attention_after', 'text', (c) => c.notNull())
    .addColumn('next_visit_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visits_membership')
    .on('visits')
    .columns(['membership_id', 'visited_at'])
    .execute();
  await db.schema
    .createIndex('visits_person')
    .on('visits')
    .columns(['person_id', 'visited_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('visits').ifExists().execute();
  await db.schema.dropTable('visit_tasks').ifExists().execute();
  await db.schema.dropTable('special_memberships').ifExists().execute();
  await db.schema.dropTable('special_groups').ifExists().execute();
}
