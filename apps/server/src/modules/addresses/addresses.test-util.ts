import type { Actor } from '../../core/auth/actor';
import { scopeOf } from '../../core/auth/area-scope';
import type { Session } from '../../../test/factories';
import type { TestApp } from '../../../test/test-app';

/** Creates a node over HTTP and answers its id; fails the test on anything but 201. */
export async function addNode(s: Session, body: Record<string, unknown>): Promise<string> {
  const res = await s.post('/api/addresses', body);
  if (res.statusCode !== 201)
    throw new Error(`POST /api/addresses ${JSON.stringify(body)}: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** The system actor narrowed to some area codes, for calling use-cases directly. */
export const scopedActor = (t: TestApp, codes: string[]): Actor => ({
  ...t.services.system,
  id: 'test',
  username: 'test',
  scope: scopeOf(codes),
});

/** Builds 金水路 / 12号 (in grid A) / 阳光小区 / 3号楼 / 3单元 / 5层 / 502室 and answers the ids by level. */
export async function buildSunshine(s: Session, district: string, inA: [number, number]) {
  const road = await addNode(s, { level: 'street_lane', name: '金水路', areaCode: district });
  const plate = await addNode(s, {
    parentId: road,
    level: 'door_plate',
    name: '12号',
    lng: inA[0],
    lat: inA[1],
  });
  const compound = await addNode(s, { parentId: plate, level: 'compound', name: '阳光小区' });
  const building = await addNode(s, {
    parentId: compound,
    level: 'building',
    name: '3号楼',
    building: { floorsAbove: 18, structure: 'reinforced_concrete', use: 'residential' },
  });
  const entrance = await addNode(s, { parentId: building, level: 'entrance', name: '3单元' });
  const floor = await addNode(s, { parentId: entrance, level: 'floor', name: '5层' });
  const room = await addNode(s, { parentId: floor, level: 'room', name: '502室' });
  return { road, plate, compound, building, entrance, floor, room };
}
