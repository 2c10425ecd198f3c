import { idCheckChar } from '@wangge/shared';
import { CITY } from '../../../test/factories';

/** A valid 18-digit resident ID: region, YYYYMMDD birth date and a 3-digit sequence (odd = male). */
export function residentId(birth = '19800101', seq = 123, region = '410101'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A create body for a person without a house, placed in a community or grid (default: grid A). */
export function personBody(idNumber: string, more: Record<string, unknown> = {}) {
  return {
    name: '张三明',
    idNumber,
    populationType: 'registered',
    areaCode: CITY.gridA,
    phone: '13812345678',
    ...more,
  };
}

interface Poster {
  post(url: string, body?: unknown): Promise<{ statusCode: number; body: string; json(): unknown }>;
}

async function created(s: Poster, url: string, body: unknown): Promise<string> {
  const res = await s.post(url, body);
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/**
 * A house through the addresses and housing APIs: 街巷 → 门牌 (located at the point) → 楼栋 → 单元 → 户室.
 * Returns the house id. `lane` keeps roads apart between calls.
 */
export async function createHouse(
  s: Poster,
  at: [number, number],
  room: string,
  lane = '测试路',
): Promise<string> {
  const root = await created(s, '/api/addresses', {
    level: 'street_lane',
    name: `${lane}${room}`,
    lng: at[0],
    lat: at[1],
  });
  const plate = await created(s, '/api/addresses', {
    parentId: root,
    level: 'door_plate',
    name: '1号',
    lng: at[0],
    lat: at[1],
  });
  const building = await created(s, '/api/addresses', {
    parentId: plate,
    level: 'building',
    name: '1号楼',
  });
  const entrance = await created(s, '/api/addresses', {
    parentId: building,
    level: 'entrance',
    name: '1单元',
  });
  const roomId = await created(s, '/api/addresses', {
    parentId: entrance,
    level: 'room',
    name: room,
  });
  return created(s, '/api/houses', {
    addressId: roomId,
    use: 'self_occupied',
    ownership: 'private',
  });
}
