import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatePersonRequestSchema } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, createUser, seedCity, userSession } from '../../../test/factories';
import { createHouse, residentId } from './population.test-util';

let t: TestApp;
let actor: Actor;
let house: string;
const row = (id: string, more: Record<string, unknown> = {}) =>
  CreatePersonRequestSchema.parse({
    name: '钱七',
    idNumber: id,
    populationType: 'registered',
    areaCode: CITY.gridA,
    ...more,
  });

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  house = await createHouse(
    await userSession(t, { username: 'root', roles: ['admin'] }),
    CITY.inB,
    '101室',
  );
  const user = await createUser(t, {
    username: 'importer',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityW],
  });
  const access = await t.services.users.access(user.id);
  actor = {
    ...t.services.system,
    id: user.id,
    username: 'importer',
    displayName: '导入员',
    scope: access!.scope,
  };
});
afterAll(async () => t.close());

describe('upsertPersons (the import use-case)', () => {
  it('inserts new persons, matches re-imports on the document number and changes nothing the second time', async () => {
    const rows = [
      row(residentId('19800101', 1)),
      row(residentId('19800101', 3), {
        name: '孙八',
        phone: '13700001111',
        houseId: house,
        areaCode: undefined,
      }),
    ];
    const first = await t.services.population.upsertPersons(actor, rows);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const again = await t.services.population.upsertPersons(actor, rows);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, ids: first.ids });
    const changed = await t.services.population.upsertPersons(actor, [
      row(residentId('19800101', 1), { ethnicity: '满族' }),
    ]);
    expect(changed).toMatchObject({ updated: 1, ids: [first.ids[0]] });
    const other = await createHouse(
      await userSession(t, { username: 'root2', roles: ['admin'] }),
      CITY.inA,
      '102室',
      '乙路',
    );
    const moved = await t.services.population.upsertPersons(actor, [
      row(residentId('19800101', 3), {
        name: '孙八',
        phone: '13700001111',
        houseId: other,
        areaCode: undefined,
      }),
    ]);
    expect(moved).toMatchObject({ updated: 1 });
    expect(
      (await t.services.population.get(actor, first.ids[1]!)).residences.map((r) => [
        r.houseId,
        r.movedOutAt,
      ]),
    ).toEqual([
      [other, null],
      [house, new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)],
    ]);
    const back = await t.services.population.upsertPersons(actor, [
      row(residentId('19800101', 3), {
        name: '孙八',
        phone: '13700001111',
        houseId: house,
        areaCode: undefined,
      }),
    ]);
    expect(back.updated).toBe(1);
    const [ref] = await t.services.population.personRefs([first.ids[1]!]);
    expect(ref).toMatchObject({
      name: '孙八',
      maskedName: '孙*',
      houseId: house,
      gridCode: CITY.gridB,
      status: 'active',
      birthYear: 1980,
      gender: 'male',
    });
  });

  it('checks every row before writing any, naming the row at fault', async () => {
    const before = (await t.services.population.list(actor, { limit: 50, offset: 0 })).total;
    const problems = await t.services.population.checkPersonRows(actor, [
      row(residentId('19810101', 1)),
      row('110105194912310021'),
      row(residentId('19810101', 5), { areaCode: CITY.gridC }),
      row(residentId('19810101', 1)),
    ]);
    expect(problems).toEqual([
      { index: 1, field: 'idNumber', code: 'validation_failed', message: '身份证号码校验位错误' },
      { index: 2, field: 'areaCode', code: 'forbidden', message: '该区域不在您的管辖范围内' },
      {
        index: 3,
        field: 'idNumber',
        code: 'validation_failed',
        message: '与第 1 条的证件号码重复',
      },
    ]);
    await expect(
      t.services.population.upsertPersons(actor, [
        row(residentId('19810101', 1)),
        row('110105194912310021'),
      ]),
    ).rejects.toMatchObject({ code: 'validation_failed', field: 'rows.1.idNumber' });
    await expect(
      t.services.population.upsertPersons(actor, [
        row(residentId('19810101', 1)),
        row(residentId('19810101', 1)),
      ]),
    ).rejects.toMatchObject({ field: 'rows.1.idNumber' });
    await expect(
      t.services.population.upsertPersons(actor, [
        row(residentId('19810101', 1)),
        row(residentId('19810101', 5), { areaCode: CITY.gridC }),
      ]),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await t.services.population.list(actor, { limit: 50, offset: 0 })).total).toBe(before);
  });

  it('joins the caller’s transaction, and rolls back with it', async () => {
    const id = residentId('19820101', 1);
    // Checks ask other modules on their own connection: plan before the transaction, apply inside it.
    const plan = await t.services.population.planPersonUpsert(actor, [row(id)]);
    await expect(
      t.services.db.transaction().execute(async (trx) => {
        expect((await t.services.population.applyPersonUpsert(actor, plan, trx)).created).toBe(1);
        throw new Error('import aborted');
      }),
    ).rejects.toThrow('import aborted');
    expect(
      await t.services.db
        .selectFrom('persons')
        .select('id')
        .where('id_hash', '=', t.services.cipher.lookupHash(id))
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});
