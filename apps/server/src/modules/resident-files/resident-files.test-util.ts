import { CITY, type Session } from '../../../test/factories';
import { buildSunshine } from '../addresses/addresses.test-util';

/** A house in grid B, built through the addresses and housing APIs as a registry clerk would. */
export async function houseInGridB(admin: Session): Promise<string> {
  const { room } = await buildSunshine(admin, CITY.district, CITY.inB);
  const res = await admin.post('/api/houses', {
    addressId: room,
    use: 'self_occupied',
    ownership: 'private',
  });
  if (res.statusCode !== 201) throw new Error(`POST /api/houses: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}
