import type { Kysely } from 'kysely';

// Standard addresses (标准地址 tree) and 实有房屋 (buildings, houses) (stub: filled by the module's author)

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function up(db: Kysely<any>): Promise<void> {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function down(db: Kysely<any>): Promise<void> {}
