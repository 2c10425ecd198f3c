import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity } from '../../../test/factories';
import { scopedActor } from './addresses.test-util';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
});
afterAll(async () => t.close());

const PATH = [
  { level: 'street_lane', name: '金水路' },
  { level: 'door_plate', name: '12号' },
  { level: 'building', name: '3号楼' },
  { level: 'entrance', name: '3单元' },
  { level: 'room', name: '502室' },
] as const;

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, field: err.field, message: err.message };
    throw err;
  }
  throw new Error('expected a failure');
};

describe('ensurePath (find-or-create for imports)', () => {
  it('creates a whole path once, then finds it, whatever the width and spacing of the names', async () => {
    const a = t.services.addresses;
    const first = await a.ensurePath(t.services.system, [...PATH], { gridCode: CITY.gridA });
    expect(first).toMatchObject({ level: 'room', fullAddress: '金水路12号3号楼3单元502室' });
    expect(first.created).toHaveLength(5);
    const again = await a.ensurePath(t.services.system, [...PATH], { gridCode: CITY.gridA });
    expect(again).toEqual({ ...first, created: [] });
    const wide = await a.ensurePath(
      t.services.system,
      PATH.map((s) => ({ ...s, name: s.name.replace('502', '５０２').replace('3单元', '3 单元') })),
    );
    expect(wide.id).toBe(first.id);

    const [road, room] = await a.refs([first.created[0]!, first.id]);
    expect(road).toMatchObject({
      level: 'street_lane',
      adminCode: CITY.district,
      streetCode: null,
      gridCode: null,
    });
    expect(room).toEqual({
      id: first.id,
      addressId: first.id,
      level: 'room',
      fullAddress: '金水路12号3号楼3单元502室',
      adminCode: CITY.district,
      streetCode: CITY.streetW,
      communityCode: CITY.communityW,
      gridCode: CITY.gridA,
    });
  });

  it('extends an existing path, filing new nodes at the given point', async () => {
    const r = await t.services.addresses.ensurePath(
      t.services.system,
      [...PATH.slice(0, 4), { level: 'room', name: '503室' }],
      { lng: CITY.inA[0], lat: CITY.inA[1] },
    );
    expect(r.created).toHaveLength(1);
    const [room] = await t.services.addresses.refs([r.id]);
    expect(room?.gridCode).toBe(CITY.gridA);
  });

  it('refuses bad level sequences, a level clash with an existing node, and places outside the parent', async () => {
    const a = t.services.addresses;
    expect(
      await failure(
        a.ensurePath(t.services.system, [{ level: 'door_plate', name: '1号' }], {
          gridCode: CITY.gridA,
        }),
      ),
    ).toMatchObject({ field: 'path.0.level' });
    expect(
      await failure(
        a.ensurePath(t.services.system, [PATH[0], { level: 'room', name: '1室' }], {
          gridCode: CITY.gridA,
        }),
      ),
    ).toMatchObject({ field: 'path.1.level' });
    expect(
      await failure(
        a.ensurePath(t.services.system, [PATH[0], { level: 'door_plate', name: ' ' }], {
          gridCode: CITY.gridA,
        }),
      ),
    ).toMatchObject({ field: 'path.1.name' });
    expect(await failure(a.ensurePath(t.services.system, [], {}))).toMatchObject({ field: 'path' });
    expect(
      await failure(
        a.ensurePath(t.services.system, [PATH[0], PATH[1], { level: 'compound', name: '3号楼' }], {
          gridCode: CITY.gridA,
        }),
      ),
    ).toMatchObject({ field: 'path.2.level' });
    expect(
      await failure(
        a.ensurePath(
          t.services.system,
          [...PATH.slice(0, 3), { level: 'entrance', name: '9单元' }],
          { gridCode: CITY.gridC },
        ),
      ),
    ).toMatchObject({ field: 'gridCode' });
    // Without a grid or point, only a scope inside one district says where a new 街巷 goes.
    expect(
      await failure(a.ensurePath(t.services.system, [{ level: 'street_lane', name: '新路' }], {})),
    ).toMatchObject({ field: 'gridCode' });
  });

  it('stays within the caller’s scope and leaves nothing half-written', async () => {
    const a = t.services.addresses;
    const gridB = scopedActor(t, [CITY.gridB]);
    // The existing 门牌 is in grid A: a grid-B worker may neither use nor extend it.
    expect(
      await failure(
        a.ensurePath(gridB, [...PATH.slice(0, 2), { level: 'building', name: '7号楼' }], {}),
      ),
    ).toMatchObject({ code: 'forbidden' });
    const path = [
      PATH[0],
      { level: 'door_plate', name: '14号' },
      { level: 'building', name: '1号楼' },
    ] as const;
    // Inheriting the road's district-wide place would file the 门牌 outside the worker's grid.
    expect(await failure(a.ensurePath(gridB, [...path], {}))).toMatchObject({ code: 'forbidden' });
    const created = await a.ensurePath(gridB, [...path], { gridCode: CITY.gridB });
    expect(created.created).toHaveLength(2);
    expect((await a.refs([created.id]))[0]?.gridCode).toBe(CITY.gridB);
    // A new road would be created, then the grid check fails: the transaction leaves no road behind.
    expect(
      await failure(
        a.ensurePath(
          gridB,
          [
            { level: 'street_lane', name: '回滚路' },
            { level: 'door_plate', name: '1号' },
          ],
          { gridCode: CITY.gridC },
        ),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect((await a.search(t.services.system, { q: '回滚路', limit: 20 })).items).toEqual([]);
  });
});
