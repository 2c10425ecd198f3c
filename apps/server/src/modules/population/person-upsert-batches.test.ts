import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatePersonRequestSchema } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { scopeOf } from '../../core/auth/area-scope';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity } from '../../../test/factories';
import { residentId } from './population.test-util';

// Imports check and write persons 2,000 rows at a time: what spans batches must behave as if there were none —
// duplicates inside the file, and the one transaction that writes everything or nothing.
let t: TestApp;
let west: Actor;
let east: Actor;
const row = (id: string) =>
  CreatePersonRequestSchema.parse({
    name: '周九',
    idNumber: id,
    populationType: 'registered',
    areaCode: CITY.gridA,
  });
/** n distinct IDs: birth dates spread over days, three-digit sequences within each. */
const ids = (n: number, year: string) =>
  Array.from({ length: n }, (_, i) =>
    residentId(`${year}01${String(1 + Math.floor(i / 900)).padStart(2, '0')}`, 1 + (i % 900)),
  );
const count = async () =>
  Number(
    (
      await t.services.db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  west = { ...t.services.system, scope: scopeOf([CITY.communityW]) };
  east = { ...t.services.system, scope: scopeOf([CITY.communityE]) };
});
afterAll(async () => t.close());

describe('person upsert in batches', () => {
  it('finds a document number repeated in another batch, naming the first row', async () => {
    const list = ids(4_500, '1970');
    const rows = [...list, list[1]!, list[2_001]!].map(row);
    expect(await t.services.population.checkPersonRows(west, rows)).toEqual([
      {
        index: 4_500,
        field: 'idNumber',
        code: 'validation_failed',
        message: '与第 2 条的证件号码重复',
      },
      {
        index: 4_501,
        field: 'idNumber',
        code: 'validation_failed',
        message: '与第 2002 条的证件号码重复',
      },
    ]);
  });

  it('writes every batch in one transaction: a row refused in the last batch leaves none of the earlier ones', async () => {
    const list = ids(4_100, '1971');
    const before = await count();
    const plan = await t.services.population.planPersonUpsert(west, list.map(row));
    // Registered elsewhere between the check and the write: the write refuses the row and rolls all batches back.
    await t.services.population.upsertPersons(east, [
      CreatePersonRequestSchema.parse({
        name: '吴十',
        idNumber: list[4_050],
        populationType: 'registered',
        areaCode: CITY.gridC,
      }),
    ]);
    await expect(t.services.population.applyPersonUpsert(west, plan)).rejects.toMatchObject({
      code: 'duplicate',
      field: 'rows.4050.idNumber',
    });
    expect(await count()).toBe(before + 1);

    const clean = ids(4_100, '1972');
    const first = await t.services.population.upsertPersons(west, clean.map(row));
    expect(first).toMatchObject({ created: 4_100, updated: 0, unchanged: 0 });
    expect(new Set(first.ids).size).toBe(4_100);
    const again = await t.services.population.upsertPersons(west, clean.map(row));
    expect(again).toMatchObject({ created: 0, unchanged: 4_100, ids: first.ids });
  }, 120_000);
});
