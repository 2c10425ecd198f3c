import type { Kysely } from 'kysely';

// 特殊人群 and 重点青少年: group definitions, memberships, visit schedules, visit tasks, visits (stub: filled by the module's author)

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function up(db: Kysely<any>): Promise<void> {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function down(db: Kysely<any>): Promise<void> {}
