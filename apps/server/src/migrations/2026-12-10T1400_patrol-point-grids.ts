import type { Kysely } from 'kysely';

// 区域覆盖率 (docs/indicators.md §4.1) asks in which grid each track point lies. The grid is located once, when the
// point is stored (modules/patrols), instead of again for every figure. Points stored before this column have none
// and count in no grid.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('patrol_points').addColumn('grid_code', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('patrol_points').dropColumn('grid_code').execute();
}
