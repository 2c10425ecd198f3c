import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import { CITY, createUser, login, type Session } from '../../../test/factories';
import type { TestApp } from '../../../test/test-app';

/** A clock the tests move: Monday 2026-11-30 09:00 in Shanghai. */
export function movableClock(start = '2026-11-30T09:00:00+08:00') {
  let now = new Date(start);
  const clock: Clock = { now: () => now };
  return { clock, set: (iso: string) => (now = new Date(iso)) };
}

const GRID_PARENTS: Record<string, { street: string; community: string }> = {
  [CITY.gridA]: { street: CITY.streetW, community: CITY.communityW },
  [CITY.gridB]: { street: CITY.streetW, community: CITY.communityW },
  [CITY.gridC]: { street: CITY.streetE, community: CITY.communityE },
  [CITY.gridD]: { street: CITY.streetE, community: CITY.communityE },
};

let serial = 0;

/**
 * A minimal row in the population module's `persons` table (its migration's required columns), so these tests do
 * not depend on that module's request shapes. Returns the id.
 */
export async function insertPerson(t: TestApp, name: string, gridCode: string): Promise<string> {
  const id = newId();
  const at = t.services.clock.now().toISOString();
  const n = String(++serial).padStart(4, '0');
  await t.services.db
    .insertInto('persons')
    .values({
      id,
      name,
      name_search: name,
      gender: null,
      birth_date: null,
      birth_year: null,
      birth_date_enc: null,
      ethnicity: null,
      id_type: 'resident_id',
      id_number_enc: t.services.cipher.encrypt(`41010119900101${n}`),
      id_hash: t.services.cipher.lookupHash(`test-${id}`),
      id_masked: '410101************',
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      nationality: null,
      registered_place: null,
      population_type: 'registered',
      household_status: null,
      house_id: null,
      relation: null,
      status: 'active',
      data_state: 'entered',
      claimed_by: null,
      claimed_by_name: null,
      claimed_at: null,
      verified_by: null,
      verified_by_name: null,
      verified_at: null,
      details: '{}',
      permit_no_enc: null,
      admin_code: CITY.district,
      street_code: GRID_PARENTS[gridCode]!.street,
      community_code: GRID_PARENTS[gridCode]!.community,
      grid_code: gridCode,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Moves a test person to another grid, as the population module would. */
export async function movePerson(t: TestApp, personId: string, gridCode: string): Promise<void> {
  const p = GRID_PARENTS[gridCode]!;
  await t.services.db
    .updateTable('persons')
    .set({ grid_code: gridCode, street_code: p.street, community_code: p.community })
    .where('id', '=', personId)
    .execute();
}

/** A user with a session, also made staff of a grid in a grid role when given. */
export async function staffSession(
  t: TestApp,
  o: {
    username: string;
    roles: string[];
    areaCodes: string[];
    gridRole?: 'gridAdministrator' | 'gridLeader' | 'residentInformant';
  },
): Promise<Session & { id: string }> {
  const user = await createUser(t, o);
  if (o.gridRole)
    await t.services.areas.assignStaffBulk([
      { areaCode: o.areaCodes[0]!, userId: user.id, role: o.gridRole },
    ]);
  return { ...(await login(t, o.username)), id: user.id };
}

/** A valid membership body for the released_prisoner group. */
export const prisonerBody = (personId: string, more: Record<string, unknown> = {}) => ({
  personId,
  groupCode: 'released_prisoner',
  attentionLevel: 'normal',
  startedAt: '2026-11-01',
  fields: { charge: '盗窃罪', sentence: '3年', releaseDate: '2026-10-20', recidivist: false },
  guardianName: '王建国',
  guardianPhone: '13912345678',
  helpSituation: '已安排社区公益岗位',
  ...more,
});

/** A visit record body. */
export const visitBody = (more: Record<string, unknown> = {}) => ({
  visitedAt: '2026-11-30T08:30:00+08:00',
  method: 'home',
  findings: '情绪稳定，已就业，家庭关系和睦',
  riskChange: 'none',
  ...more,
});
