import type { Kysely } from 'kysely';

// A street's or a community's figures read the period's facts of a few kinds in that area (indicators.repo.ts
// `batch`, and the 挂账 rows before the period's end). By (kind, at) alone that reads the whole district's rows and
// drops the other streets' one table lookup at a time; with the area code between kind and at it is one range of
// the area's own rows per kind. Measured by `npm run bench -- --only indicators` (docs/indicators.md, Performance).
// The district and the caller-wide figures keep using (kind, at).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('indicator_facts_kind_street_at')
    .on('indicator_facts')
    .columns(['kind', 'street_code', 'at'])
    .execute();
  await db.schema
    .createIndex('indicator_facts_kind_community_at')
    .on('indicator_facts')
    .columns(['kind', 'community_code', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_facts_kind_community_at').ifExists().execute();
  await db.schema.dropIndex('indicator_facts_kind_street_at').ifExists().execute();
}
