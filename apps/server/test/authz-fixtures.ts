import { expect } from 'vitest';
import { PERMISSIONS } from '@wangge/shared';
import { CITY, createUser, login, seedCity, userSession, type Session } from './factories';
import type { TestApp } from './test-app';
import {
  createHouse,
  personBody,
  residentId,
} from '../src/modules/population/population.test-util';
import { placeBody, unitBody } from '../src/modules/units/units.test-util';
import {
  body as componentBody,
  code as componentCode,
} from '../src/modules/components/components.test-util';
import { prisonerBody } from '../src/modules/special-groups/special-groups.test-util';
import { photo } from '../src/modules/cases/cases.test-util';

/**
 * The records the authorization matrix reaches for: one of each kind on the west street (the scoped user's own
 * side) and one on the east street (outside their scope), created through HTTP by an administrator. Per-user
 * records (tokens, photos) belong to the scoped user on the own side and to someone else on the other.
 */
export type RecordKind =
  | 'user'
  | 'area'
  | 'staffAssignment'
  | 'department'
  | 'dispatchRule'
  | 'case'
  | 'component'
  | 'address'
  | 'house'
  | 'person'
  | 'unit'
  | 'employee'
  | 'place'
  | 'inspection'
  | 'membership'
  | 'visitTask'
  | 'residentFile'
  | 'token'
  | 'attachment';

/** URL parameters of one record (`:id` and, for nested records, the inner parameter). */
export type Params = Record<string, string>;
export interface Side {
  own: Params;
  other: Params;
}

export interface MatrixWorld {
  admin: Session;
  /** All permissions, scope = the west street only. */
  scoped: Session;
  records: Record<RecordKind, Side>;
}

async function idOf(
  res: { statusCode: number; body: string; json(): unknown },
  what: string,
): Promise<string> {
  expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
  return (res.json() as { id: string }).id;
}

async function areaId(admin: Session, code: string): Promise<string> {
  const res = await admin.get(`/api/areas/search?q=${code}`);
  const hit = (res.json() as { items: { id: string; code: string }[] }).items.find(
    (a) => a.code === code,
  );
  if (!hit) throw new Error(`area ${code} not found: ${res.body}`);
  return hit.id;
}

/** One record of each kind on a side: `west` is inside the scoped user's street, `east` outside it. */
async function side(
  t: TestApp,
  admin: Session,
  owner: Session,
  n: number,
  west: boolean,
): Promise<Record<RecordKind, Params>> {
  const at = west ? CITY.inA : CITY.inC;
  const grid = west ? CITY.gridA : CITY.gridC;
  const street = west ? CITY.streetW : CITY.streetE;
  const tag = west ? 'w' : 'e';

  const user = (
    await createUser(t, {
      username: `matrix_user_${tag}`,
      roles: ['grid_administrator'],
      areaCodes: [grid],
    })
  ).id;
  const area = await areaId(admin, grid);
  const staffRes = await admin.post(`/api/areas/${area}/staff`, {
    userId: user,
    role: 'gridAdministrator',
  });
  expect(staffRes.statusCode, staffRes.body).toBe(200);
  const assignmentId = (staffRes.json() as { items: { id: string; userId: string }[] }).items.find(
    (s) => s.userId === user,
  )!.id;
  const department = await idOf(
    await admin.post('/api/departments', {
      code: `m${tag}`,
      name: `矩阵部门${tag}`,
      areaCode: street,
    }),
    'department',
  );
  const dispatchRule = await idOf(
    await admin.post('/api/dispatch-rules', {
      classCode: '06010',
      areaCode: street,
      departmentId: department,
    }),
    'dispatch rule',
  );
  const caseId = (
    await admin.post('/api/cases', {
      lng: at[0],
      lat: at[1],
      address: '矩阵路 1 号',
      description: '暴露垃圾',
      classCode: '06010',
    })
  ).json() as { case?: { id: string }; id?: string };
  const caseRecord = caseId.case?.id ?? caseId.id!;
  const component = await idOf(
    await admin.post('/api/components', componentBody(componentCode('01001', n), at)),
    'component',
  );
  // A 街巷 is filed at its district and seen district-wide; the door plate on it belongs to the grid it stands in.
  const lane = await idOf(
    await admin.post('/api/addresses', {
      level: 'street_lane',
      name: `矩阵路${tag}`,
      lng: at[0],
      lat: at[1],
    }),
    'lane',
  );
  const address = await idOf(
    await admin.post('/api/addresses', {
      parentId: lane,
      level: 'door_plate',
      name: '8号',
      lng: at[0],
      lat: at[1],
    }),
    'address',
  );
  const house = await createHouse(admin, at, `${n}01室`, `矩阵巷${tag}`);
  const person = await idOf(
    await admin.post(
      '/api/persons',
      personBody(residentId('19800101', 100 + n), { areaCode: grid }),
    ),
    'person',
  );
  const unit = await idOf(await admin.post('/api/units', unitBody(n, at)), 'unit');
  const employeeRes = await admin.post(`/api/units/${unit}/employees`, { personId: person });
  expect(employeeRes.statusCode, employeeRes.body).toBeLessThan(300);
  const employees = (
    (await admin.get(`/api/units/${unit}`)).json() as { employees: { id: string }[] }
  ).employees;
  const place = await idOf(
    await admin.post('/api/places', placeBody(`矩阵场所${tag}`, at)),
    'place',
  );
  const inspectionRes = await admin.post('/api/inspections', {
    targetType: 'place',
    targetId: place,
    result: 'hazards_found',
    hazards: [{ description: '灭火器过期', level: 'general', rectifyBy: '2026-12-31' }],
  });
  const inspection = await idOf(inspectionRes, 'inspection');
  const hazardId = (inspectionRes.json() as { hazards: { id: string }[] }).hazards[0]!.id;
  const membership = await idOf(
    await admin.post('/api/special-memberships', prisonerBody(person)),
    'membership',
  );
  const tasks = (await admin.get(`/api/visits/tasks?areaCode=${grid}`)).json() as {
    items: { id: string }[];
  };
  const residentFile = await idOf(
    await admin.post('/api/resident-files', {
      kind: 'work_log',
      gridCode: grid,
      raised: '菜市场周边占道经营',
    }),
    'resident file',
  );
  const token = await idOf(
    await owner.post('/api/auth/tokens', { name: `矩阵令牌${tag}` }),
    'token',
  );
  const attachment = await photo(t, owner);

  return {
    user: { id: user },
    area: { id: area, userId: user },
    staffAssignment: { id: area, assignmentId },
    department: { id: department },
    dispatchRule: { id: dispatchRule },
    case: { id: caseRecord },
    component: { id: component },
    address: { id: address },
    house: { id: house },
    person: { id: person, houseId: house },
    unit: { id: unit, personId: person },
    employee: { id: unit, employeeId: employees[0]!.id },
    place: { id: place },
    inspection: { id: inspection, hazardId },
    membership: { id: membership },
    visitTask: { id: tasks.items[0]!.id },
    residentFile: { id: residentFile },
    token: { id: token },
    attachment: { id: attachment },
  } satisfies Record<RecordKind, Params>;
}

export async function buildMatrixWorld(t: TestApp): Promise<MatrixWorld> {
  await seedCity(t);
  const admin = await userSession(t, { username: 'matrix_root', roles: ['admin'] });
  const role = await admin.post('/api/roles', {
    code: 'matrix_all',
    name: '矩阵全权限',
    nameEn: 'Matrix all',
    permissions: [...PERMISSIONS],
  });
  expect(role.statusCode, role.body).toBeLessThan(300);
  await createUser(t, {
    username: 'matrix_scoped',
    roles: ['matrix_all'],
    areaCodes: [CITY.streetW],
  });
  const scoped = await login(t, 'matrix_scoped');
  const stranger = await userSession(t, {
    username: 'matrix_stranger',
    roles: ['matrix_all'],
    areaCodes: [CITY.streetE],
  });
  const own = await side(t, admin, scoped, 1, true);
  const other = await side(t, admin, stranger, 2, false);
  const records = Object.fromEntries(
    (Object.keys(own) as RecordKind[]).map((k) => [k, { own: own[k], other: other[k] }]),
  ) as Record<RecordKind, Side>;
  return { admin, scoped, records };
}

/** Fills `:name` parameters from the record's params (unknown ones become a well-formed id that matches nothing). */
export function fillUrl(url: string, params: Params = {}): string {
  return url.replace(
    /:(\w+)/g,
    (_, name: string) =>
      params[name] ??
      (name === 'date'
        ? '2026-12-07'
        : name === 'kind'
          ? 'persons'
          : name === 'code'
            ? '06010'
            : name === 'caseNo'
              ? 'X'
              : '01900000-0000-7000-8000-000000000000'),
  );
}
