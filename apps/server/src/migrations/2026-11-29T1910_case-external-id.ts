import { sql, type Kysely } from 'kysely';

// The 12345 work-order id of a hotline case (docs/case-workflow.md §5). The centre may re-send a 派单, so the order id
// is unique: the second one answers the case the first one made. Only hotline cases have one, so the index is
// partial, like the idempotency key's. 12345's own deadline lives in the snapshot JSON: it is shown and lit,
// never queried.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('external_id', 'text').execute();
  await db.schema
    .createIndex('cases_external_id')
    .on('cases')
    .column('external_id')
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_external_id').ifExists().execute();
  await db.schema.alterTable('cases').dropColumn('external_id').execute();
}
