import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';
import { castCases, type CaseCast } from '../cases/cases.test-util';
import { trackLength } from './track';

let t: TestApp;
let cast: CaseCast;
let east: Session;
let eastWalker: Session;

const start = (s: Session, body: Record<string, unknown>) => s.post('/api/patrols', body);
const points = (s: Session, id: string, body: Record<string, unknown>) =>
  s.post(`/api/patrols/${id}/points`, body);
const at = (minute: number) => `2026-12-10T09:${String(minute).padStart(2, '0')}:00+08:00`;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  east = await userSession(t, {
    username: 'east-boss',
    roles: ['street_leader'],
    areaCodes: [CITY.streetE],
  });
  eastWalker = await userSession(t, {
    username: 'east-insp',
    roles: ['inspector'],
    areaCodes: [CITY.streetE],
  });
});
afterAll(async () => t.close());

describe('巡查', () => {
  it('starts once per phone id, in the grid at the start point; another user cannot take the id', async () => {
    const body = { id: 'patrol-start-01', startedAt: at(0), lng: CITY.inA[0], lat: CITY.inA[1] };
    const first = await start(cast.inspector, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      id: 'patrol-start-01',
      areaCode: CITY.gridA,
      startedAt: '2026-12-10T01:00:00.000Z',
      endedAt: null,
      pointCount: 0,
    });
    expect((await start(cast.inspector, body)).json()).toEqual(first.json());
    expectRefusal(await start(eastWalker, body), { code: 'conflict', field: 'id' });
  });

  it('stores a batch once, however often it is sent, and measures the track', async () => {
    const id = 'patrol-track-01';
    await start(cast.inspector, { id, startedAt: at(0), areaCode: CITY.gridA });
    const batch = {
      points: [
        { at: at(1), lng: 113.02, lat: 34.05, accuracy: 8 },
        { at: at(2), lng: 113.021, lat: 34.05 },
        { at: at(3), lng: 113.022, lat: 34.05 },
      ],
    };
    const sent = await points(cast.inspector, id, batch);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ stored: 3, total: 3 });
    expect((await points(cast.inspector, id, batch)).json()).toEqual({ stored: 0, total: 3 });
    // The same instants written in UTC are the same points.
    const utc = { points: [{ at: '2026-12-10T01:02:00Z', lng: 113.021, lat: 34.05 }] };
    expect((await points(cast.inspector, id, utc)).json()).toEqual({ stored: 0, total: 3 });
    const detail = (await cast.leader.get(`/api/patrols/${id}`)).json();
    expect(detail.track).toEqual([
      [113.02, 34.05],
      [113.021, 34.05],
      [113.022, 34.05],
    ]);
    expect(detail.distanceM).toBe(Math.round(trackLength(detail.track)));
    expect(detail.distanceM).toBeGreaterThan(150);
    expect(detail.distanceM).toBeLessThan(200);
  });

  it('converts points declared GCJ-02 to WGS-84 (the published Tiananmen offset)', async () => {
    const id = 'patrol-gcj-0001';
    await start(cast.inspector, { id, startedAt: at(0), areaCode: CITY.gridA });
    const res = await points(cast.inspector, id, {
      crs: 'gcj02',
      points: [{ at: at(5), lng: 116.403674, lat: 39.910628 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [lng, lat] = (await cast.inspector.get(`/api/patrols/${id}`)).json().track[0];
    expect(Math.abs(lng - 116.397428)).toBeLessThan(1e-4);
    expect(Math.abs(lat - 39.90923)).toBeLessThan(1e-4);
  });

  it('stops once; check-ins are kept once per key with their grid', async () => {
    const id = 'patrol-stop-001';
    await start(cast.inspector, { id, startedAt: at(0), areaCode: CITY.gridA });
    const checkin = {
      key: 'checkin-0001',
      at: at(10),
      lng: CITY.inB[0],
      lat: CITY.inB[1],
      note: '菜场东门',
    };
    const c1 = await cast.inspector.post(`/api/patrols/${id}/checkins`, checkin);
    expect(c1.statusCode, c1.body).toBe(200);
    expect(c1.json()).toMatchObject({ gridCode: CITY.gridB, note: '菜场东门' });
    expect((await cast.inspector.post(`/api/patrols/${id}/checkins`, checkin)).json()).toEqual(
      c1.json(),
    );
    const stop = await cast.inspector.post(`/api/patrols/${id}/stop`, { endedAt: at(30) });
    expect(stop.json().endedAt).toBe('2026-12-10T01:30:00.000Z');
    const again = await cast.inspector.post(`/api/patrols/${id}/stop`, { endedAt: at(45) });
    expect(again.json().endedAt).toBe('2026-12-10T01:30:00.000Z');
    expect((await cast.inspector.get(`/api/patrols/${id}`)).json().checkins).toHaveLength(1);
  });

  it('a walker writes to their own patrols only; readers see their area’s patrols', async () => {
    const id = 'patrol-scope-01';
    await start(cast.inspector, { id, startedAt: at(0), areaCode: CITY.gridA });
    const batch = { points: [{ at: at(1), lng: 113.02, lat: 34.05 }] };
    expectRefusal(await points(eastWalker, id, batch), { code: 'not_found' });
    expectRefusal(await eastWalker.post(`/api/patrols/${id}/stop`, { endedAt: at(2) }), {
      code: 'not_found',
    });
    expectRefusal(await east.get(`/api/patrols/${id}`), { code: 'not_found' });
    expect((await cast.leader.get(`/api/patrols/${id}`)).statusCode).toBe(200);
    const listed = (await cast.leader.get('/api/patrols?date=2026-12-10')).json().items;
    expect(listed.map((p: { id: string }) => p.id)).toContain(id);
    expect((await east.get('/api/patrols?date=2026-12-10')).json().items).toHaveLength(0);
    expect((await cast.leader.get('/api/patrols?date=2026-12-11')).json().items).toHaveLength(0);
    const mine = (await eastWalker.get('/api/patrols?mine=true')).json().items;
    expect(mine).toHaveLength(0);
  });

  it('refuses bad input with the field named', async () => {
    const id = 'patrol-bad-0001';
    expectRefusal(await start(cast.inspector, { id, startedAt: at(0), areaCode: CITY.gridC }), {
      code: 'forbidden',
    });
    expectRefusal(await start(cast.inspector, { id: 'x', startedAt: at(0) }), {
      code: 'validation_failed',
      field: 'id',
    });
    await start(cast.inspector, { id, startedAt: at(0), areaCode: CITY.gridA });
    expectRefusal(
      await points(cast.inspector, id, { points: [{ at: at(1), lng: 200, lat: 34 }] }),
      {
        code: 'validation_failed',
        field: 'points.0.lng',
      },
    );
    const many = Array.from({ length: 501 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 11, 10, 1, 0, i)).toISOString(),
      lng: 113.02,
      lat: 34.05,
    }));
    expectRefusal(await points(cast.inspector, id, { points: many }), {
      code: 'validation_failed',
      field: 'points',
    });
    expectRefusal(
      await points(cast.inspector, id, { points: [{ at: 'yesterday', lng: 113, lat: 34 }] }),
      {
        code: 'validation_failed',
        field: 'points.0.at',
      },
    );
  });
});
