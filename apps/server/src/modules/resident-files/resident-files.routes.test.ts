import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import {
  insertPerson,
  movableClock,
  staffSession,
} from '../special-groups/special-groups.test-util';
import { houseInGridB } from './resident-files.test-util';
import { expectRefusal } from '../../../test/refusal';

const time = movableClock();
let t: TestApp;
let admin: Session, worker: Session, informant: Session, workerC: Session, observer: Session;
let personA: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock: time.clock });
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  worker = await staffSession(t, {
    username: 'workerA',
    roles: ['grid_administrator'],
    areaCodes: [CITY.gridA],
    gridRole: 'gridAdministrator',
  });
  informant = await staffSession(t, {
    username: 'infoA',
    roles: ['resident_informant'],
    areaCodes: [CITY.gridA],
    gridRole: 'residentInformant',
  });
  workerC = await staffSession(t, {
    username: 'workerC',
    roles: ['grid_administrator'],
    areaCodes: [CITY.gridC],
    gridRole: 'gridAdministrator',
  });
  observer = await userSession(t, {
    username: 'obs',
    roles: ['observer'],
    areaCodes: [CITY.district],
  });
  personA = await insertPerson(t, '钱九', CITY.gridA);
});
afterAll(async () => t.close());

describe('民情档案', () => {
  it('refuses anonymous callers and roles without the permission, and bad bodies', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/resident-files' })).statusCode).toBe(
      401,
    );
    expectRefusal(await observer.get('/api/resident-files'), { status: 403, code: 'forbidden' });
    expectRefusal(
      await observer.post('/api/resident-files', { kind: 'work_log', raised: '路灯不亮' }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await worker.post('/api/resident-files', { kind: 'diary', raised: '路灯不亮' }), {
      status: 400,
      code: 'validation_failed',
      field: 'kind',
    });
    expect(
      (await worker.post('/api/resident-files', { kind: 'work_log', raised: 'x' })).json().error
        .field,
    ).toBe('raised');
  });

  it('records entries about a person, about a grid, and in the author’s only grid', async () => {
    const aboutPerson = await worker.post('/api/resident-files', {
      kind: 'visit_log',
      personId: personA,
      raised: '独居老人，希望有人定期上门',
      followUp: '已联系社区志愿者',
    });
    expect(aboutPerson.statusCode).toBe(201);
    expect(aboutPerson.json()).toMatchObject({
      kind: 'visit_log',
      personId: personA,
      personName: '钱*',
      gridCode: CITY.gridA,
      gridName: '西社区第1网格',
      status: 'open',
      version: 1,
      authorName: 'workerA',
    });
    ids.person = aboutPerson.json().id;
    const byInformant = await informant.post('/api/resident-files', {
      kind: 'public_opinion',
      raised: '小区门口夜间噪音扰民',
      at: '2026-11-29T20:00:00+08:00',
    });
    expect(byInformant.json()).toMatchObject({
      gridCode: CITY.gridA,
      at: '2026-11-29T12:00:00.000Z',
    });
    ids.informant = byInformant.json().id;
    const grid = await admin.post('/api/resident-files', {
      kind: 'work_log',
      gridCode: CITY.gridC,
      raised: '菜市场周边占道经营',
    });
    expect(grid.json()).toMatchObject({
      gridCode: CITY.gridC,
      streetCode: CITY.streetE,
      communityCode: CITY.communityE,
    });
    ids.c = grid.json().id;
    const house = await houseInGridB(admin);
    const aboutHouse = await admin.post('/api/resident-files', {
      kind: 'visit_log',
      houseId: house,
      raised: '楼道堆放杂物',
    });
    expect(aboutHouse.json()).toMatchObject({
      houseId: house,
      gridCode: CITY.gridB,
      communityCode: CITY.communityW,
    });
    // A house of another grid is a reference outside scope: as unknown (404), not a 403 that confirms it exists.
    expectRefusal(
      await worker.post('/api/resident-files', {
        kind: 'visit_log',
        houseId: house,
        raised: '越界',
      }),
      { status: 404, code: 'not_found', field: 'houseId' },
    );
    expect(
      (
        await admin.post('/api/resident-files', {
          kind: 'visit_log',
          houseId: 'nope',
          raised: '无此房屋',
        })
      ).json().error.field,
    ).toBe('houseId');
    expect(
      (await admin.post('/api/resident-files', { kind: 'work_log', raised: '未指明网格' })).json()
        .error.field,
    ).toBe('gridCode');
    expect(
      (
        await admin.post('/api/resident-files', {
          kind: 'work_log',
          gridCode: CITY.communityW,
          raised: '不是网格',
        })
      ).json().error.field,
    ).toBe('gridCode');
    expectRefusal(
      await worker.post('/api/resident-files', {
        kind: 'work_log',
        gridCode: CITY.gridC,
        raised: '越界记录',
      }),
      { status: 403, code: 'forbidden' },
    );
    expect(
      (
        await worker.post('/api/resident-files', {
          kind: 'work_log',
          personId: 'nope',
          raised: '不存在的人',
        })
      ).json().error.field,
    ).toBe('personId');
    expect(
      (
        await worker.post('/api/resident-files', {
          kind: 'work_log',
          raised: '照片',
          attachments: ['nope'],
        })
      ).json().error.field,
    ).toBe('attachments');
  });

  it('lists newest first within scope; other grids answer 404 and 403', async () => {
    const list = async (s: Session, q = '') => (await s.get(`/api/resident-files${q}`)).json();
    expect((await list(worker)).items.map((f: { id: string }) => f.id)).toEqual([
      ids.person,
      ids.informant,
    ]);
    expect((await list(admin)).total).toBe(4);
    expect(
      (await list(admin, '?kind=public_opinion')).items.map((f: { id: string }) => f.id),
    ).toEqual([ids.informant]);
    expect((await list(admin, `?personId=${personA}`)).total).toBe(1);
    expect(
      (await list(admin, `?areaCode=${CITY.streetE}`)).items.map((f: { id: string }) => f.id),
    ).toEqual([ids.c]);
    expect((await list(workerC)).items.map((f: { id: string }) => f.id)).toEqual([ids.c]);
    expectRefusal(await workerC.get(`/api/resident-files/${ids.person}`), {
      status: 404,
      code: 'not_found',
    });
    expectRefusal(
      await workerC.patch(`/api/resident-files/${ids.person}`, { version: 1, status: 'closed' }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(
      await workerC.post(`/api/resident-files/${ids.person}/raise-case`, {
        lng: CITY.inA[0],
        lat: CITY.inA[1],
        address: '西社区1号楼',
      }),
      { status: 403, code: 'forbidden' },
    );
    expectRefusal(await worker.get('/api/resident-files/nope'), { status: 404, code: 'not_found' });
  });

  it('follows up with a version check', async () => {
    expectRefusal(
      await worker.patch(`/api/resident-files/${ids.person}`, { version: 3, status: 'closed' }),
      { status: 409, code: 'conflict' },
    );
    const res = await worker.patch(`/api/resident-files/${ids.person}`, {
      version: 1,
      followUp: '志愿者每周二上门',
      status: 'followed_up',
    });
    expect(res.json()).toMatchObject({
      followUp: '志愿者每周二上门',
      status: 'followed_up',
      version: 2,
    });
  });

  it('turns an entry into a 民生服务 case reported by the grid worker, once', async () => {
    const res = await worker.post(`/api/resident-files/${ids.informant}/raise-case`, {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '西社区北门',
    });
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file.caseId).toEqual(expect.any(String));
    expect(file).toMatchObject({ status: 'followed_up', caseNo: expect.any(String) });
    const c = (await admin.get(`/api/cases/${file.caseId}`)).json();
    expect(c).toMatchObject({
      classCode: 'Z03001',
      source: 'patrol',
      description: '小区门口夜间噪音扰民',
      gridCode: CITY.gridA,
    });
    expect(
      errorCode(
        await worker.post(`/api/resident-files/${ids.informant}/raise-case`, {
          lng: CITY.inA[0],
          lat: CITY.inA[1],
          address: '西社区北门',
        }),
      ),
    ).toBe('conflict');
    const bad = await worker.post(`/api/resident-files/${ids.person}/raise-case`, {
      categoryCode: 'Z99999',
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '西社区1号楼',
    });
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'classCode' });
    const other = await worker.post(`/api/resident-files/${ids.person}/raise-case`, {
      categoryCode: 'Z04002',
      description: '独居老人需要定期探访',
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '西社区1号楼',
    });
    expect(other.statusCode).toBe(201);
    expect((await admin.get(`/api/cases/${other.json().caseId}`)).json()).toMatchObject({
      classCode: 'Z04002',
      description: '独居老人需要定期探访',
    });
  });
});
