import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteDialect } from './dialect/sqlite';
import { createCompiledCache, rowShape } from './compiled-cache';

interface T {
  items: { id: string; n: number | null; label: string | null };
}

describe('compiled statement cache', () => {
  let db: Kysely<T>;
  beforeEach(async () => {
    db = new Kysely<T>({ dialect: createSqliteDialect(':memory:').kysely });
    await sql`create table items (id text primary key, n integer, label text)`.execute(db);
  });
  afterEach(() => db.destroy());

  it('binds new values to the SQL compiled for the first row of the same shape', async () => {
    const run = createCompiledCache<T>();
    let builds = 0;
    for (const row of [
      { id: 'a', n: 1, label: 'x' },
      { id: 'b', n: null, label: 'y' },
      { id: 'c', n: 3, label: null },
    ]) {
      const s = rowShape(row);
      await run(db, s.shape, s.values, () => (builds++, db.insertInto('items').values(row)));
    }
    expect(builds).toBe(1);
    expect(await db.selectFrom('items').selectAll().orderBy('id').execute()).toEqual([
      { id: 'a', n: 1, label: 'x' },
      { id: 'b', n: null, label: 'y' },
      { id: 'c', n: 3, label: null },
    ]);
  });

  it('never caches a shape whose compiled parameters differ from the values (undefined dropped by Kysely)', async () => {
    const run = createCompiledCache<T>();
    let builds = 0;
    for (const id of ['a', 'b']) {
      const row = { id, n: undefined, label: 'z' };
      const s = rowShape(row);
      await run(db, s.shape, s.values, () => (builds++, db.insertInto('items').values(row)));
    }
    expect(builds).toBe(2);
    expect(await db.selectFrom('items').select(['id', 'n']).orderBy('id').execute()).toEqual([
      { id: 'a', n: null },
      { id: 'b', n: null },
    ]);
  });

  it('keeps shapes apart by their column order', () => {
    expect(rowShape({ a: 1, b: 2 }).shape).not.toBe(rowShape({ b: 2, a: 1 }).shape);
    expect(rowShape({ a: 1 }, { b: 2 })).toEqual({ shape: 'a|b', values: [1, 2] });
  });
});
