import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteDialect } from './dialect/sqlite';
import { createGroupCommit } from './group-commit';

interface T {
  items: { id: string; n: number };
}

describe('group commit (SQLite)', () => {
  let dir: string;
  let db: Kysely<T>;
  let statements: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wangge-gc-'));
    statements = [];
    db = new Kysely<T>({
      dialect: createSqliteDialect(join(dir, 'gc.db')).kysely,
      log: (e) => void statements.push(e.query.sql),
    });
    await sql`create table items (id text primary key, n integer not null)`.execute(db);
    statements = [];
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (id: string, n: number) => async (tx: Kysely<T>) => {
    await tx.insertInto('items').values({ id, n }).execute();
    return n;
  };

  it('commits units that arrive together in one transaction and answers each with its own result', async () => {
    const run = createGroupCommit(db);
    const results = await Promise.all([1, 2, 3, 4].map((n) => run(insert(`a${n}`, n))));
    expect(results).toEqual([1, 2, 3, 4]);
    expect(statements.filter((s) => /^commit/i.test(s))).toHaveLength(1);
    expect(await db.selectFrom('items').select('n').orderBy('n').execute()).toEqual([
      { n: 1 },
      { n: 2 },
      { n: 3 },
      { n: 4 },
    ]);
  });

  it('rolls back a failing unit alone: its caller gets the error, the others are written', async () => {
    const run = createGroupCommit(db);
    await run(insert('dup', 0));
    const settled = await Promise.allSettled([
      run(insert('b1', 1)),
      run(insert('dup', 2)),
      run(insert('b3', 3)),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
    });
    expect(await db.selectFrom('items').select(['id', 'n']).orderBy('id').execute()).toEqual([
      { id: 'b1', n: 1 },
      { id: 'b3', n: 3 },
      { id: 'dup', n: 0 },
    ]);
  });

  it('undoes every write of a failed unit, not only the statement that failed', async () => {
    const run = createGroupCommit(db);
    const twoWrites = async (tx: Kysely<T>) => {
      await tx.insertInto('items').values({ id: 'half', n: 1 }).execute();
      throw new Error('second step failed');
    };
    const settled = await Promise.allSettled([run(insert('c1', 1)), run(twoWrites)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
    expect(await db.selectFrom('items').select('id').execute()).toEqual([{ id: 'c1' }]);
  });

  it('runs a lone unit as a plain transaction and keeps later arrivals for the next commit', async () => {
    const run = createGroupCommit(db);
    expect(await run(insert('solo', 7))).toBe(7);
    expect(statements.some((s) => /savepoint/i.test(s))).toBe(false);
    const later = await Promise.all(Array.from({ length: 40 }, (_, i) => run(insert(`d${i}`, i))));
    expect(later).toHaveLength(40);
    expect(
      Number(
        (
          await db
            .selectFrom('items')
            .select((eb) => eb.fn.countAll().as('c'))
            .executeTakeFirstOrThrow()
        ).c,
      ),
    ).toBe(41);
  });
});
