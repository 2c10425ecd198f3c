import type { Kysely } from 'kysely';

// A 专业部门 user belongs to one department: the case engine checks it for 签收/处置 and for
// the separation of duties (a department never checks or closes its own case).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('department_id', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('department_id').execute();
}
