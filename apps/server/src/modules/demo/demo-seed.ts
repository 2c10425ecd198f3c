import { GRID_ROLE_LABELS } from '@wangge/shared';
import type { Services } from '../../app';
import { hashPassword } from '../../core/auth/password';
import { GRID_ROLE_TO_ROLE } from '../users';
import { generateCity, DEMO_DISTRICT_CODE } from './city-generator';
import { seedDemoCases } from './demo-cases';
import type { DemoClock } from './demo-clock';
import { seedDemoHistory } from './demo-history';
import { seedDemoRegistries } from './demo-registries';
import { pointOnSurface } from '../areas';

export const DEMO_PASSWORD = 'Wangge@2026';

export interface DemoAccount {
  username: string;
  role: string;
  area: string;
}

/**
 * Fills an empty database with the demo city: areas, departments, one account per role and
 * the staff of every grid. All accounts share one password (and one argon2 hash, so seeding
 * 1,500 accounts takes seconds, not half a minute). Given the services' clock (`demoClock`), it also
 * writes about three months of backdated case history over the whole district (demo-history.ts).
 */
export async function seedDemo(
  s: Services,
  seed = 42,
  opts: { clock?: DemoClock } = {},
): Promise<{
  accounts: DemoAccount[];
  grids: number;
  staff: number;
  cases: number;
  /** Backdated cases (0 without a settable clock). */
  historyCases: number;
  houses: number;
  persons: number;
  units: number;
}> {
  const city = generateCity(seed);
  const report = await s.areas.import(
    s.system,
    { geojson: toFeatureCollection(city.areas), crs: 'wgs84', dryRun: false },
    null,
  );
  if (!report.ok)
    throw new Error(`Demo city failed validation: ${JSON.stringify(report.errors.slice(0, 3))}`);

  const deptIds = new Map<string, string>();
  for (const d of city.departments) {
    const created = await s.departments.create(
      s.system,
      { code: d.code, name: d.name, creditCode: d.creditCode, areaCode: d.areaCode },
      null,
    );
    deptIds.set(d.code, created.id);
  }

  const hash = await hashPassword(DEMO_PASSWORD);
  const street = city.areas.find((a) => a.level === 'street')!;
  const community = city.areas.find(
    (a) => a.level === 'community' && a.parentCode === street.code,
  )!;
  const accounts: (DemoAccount & {
    displayName: string;
    roles: string[];
    areaCodes: string[];
    departmentId?: string | null;
  })[] = [
    {
      username: 'admin',
      displayName: '系统管理员',
      role: '系统管理员',
      roles: ['admin'],
      areaCodes: [DEMO_DISTRICT_CODE],
      area: '全区',
    },
    {
      username: 'qu_leader',
      displayName: '王区长',
      role: '区领导',
      roles: ['district_leader'],
      areaCodes: [DEMO_DISTRICT_CODE],
      area: '示范区',
    },
    {
      username: 'jd_leader',
      displayName: '李主任',
      role: '街道领导',
      roles: ['street_leader'],
      areaCodes: [street.code],
      area: street.name,
    },
    {
      username: 'sq_leader',
      displayName: '赵书记',
      role: '社区领导',
      roles: ['community_leader'],
      areaCodes: [community.code],
      area: community.name,
    },
    {
      username: 'inspector',
      displayName: '陈监督',
      role: '监督员',
      roles: ['inspector'],
      areaCodes: [street.code],
      area: street.name,
    },
    {
      username: 'intake',
      displayName: '刘受理',
      role: '受理员',
      roles: ['intake_operator'],
      areaCodes: [DEMO_DISTRICT_CODE],
      area: '示范区',
    },
    {
      username: 'shift',
      displayName: '周值班',
      role: '值班长',
      roles: ['shift_leader'],
      areaCodes: [DEMO_DISTRICT_CODE],
      area: '示范区',
    },
    {
      username: 'dispatcher',
      displayName: '吴派遣',
      role: '派遣员',
      roles: ['dispatcher'],
      areaCodes: [DEMO_DISTRICT_CODE],
      area: '示范区',
    },
    {
      username: 'dept_sz',
      displayName: '郑处置',
      role: '专业部门处置人员',
      roles: ['department_handler'],
      areaCodes: [DEMO_DISTRICT_CODE],
      area: city.departments[0]?.name ?? '',
      departmentId: deptIds.get('municipal') ?? null,
    },
    {
      username: 'dept_hw',
      displayName: '钱环卫',
      role: '专业部门处置人员',
      roles: ['department_handler'],
      areaCodes: [DEMO_DISTRICT_CODE],
      area: city.departments[1]?.name ?? '',
      departmentId: deptIds.get('sanitation') ?? null,
    },
    {
      username: 'observer',
      displayName: '孙观察',
      role: '只读观察员',
      roles: ['observer'],
      areaCodes: [DEMO_DISTRICT_CODE],
      area: '示范区',
    },
  ];
  for (const a of accounts) await s.users.createDirect({ ...a, passwordHash: hash });

  // Grid staff: one account per person (a person may serve several grids), scoped to their grids.
  const people = new Map<
    string,
    { displayName: string; phone: string; grids: Set<string>; roles: Set<string> }
  >();
  for (const st of city.staff) {
    const p = people.get(st.username) ?? {
      displayName: st.displayName,
      phone: st.phone,
      grids: new Set(),
      roles: new Set(),
    };
    p.grids.add(st.gridCode);
    p.roles.add(GRID_ROLE_TO_ROLE[st.role]);
    people.set(st.username, p);
  }
  const ids = new Map<string, string>();
  await s.db.transaction().execute(async (tx) => {
    for (const [username, p] of people) {
      const row = await s.users.createDirect(
        {
          username,
          displayName: p.displayName,
          phone: p.phone,
          passwordHash: hash,
          roles: [...p.roles],
          areaCodes: [...p.grids],
        },
        tx,
      );
      ids.set(username, row.id);
    }
  });
  await s.areas.assignStaffBulk(
    city.staff.map((st) => ({
      areaCode: st.gridCode,
      userId: ids.get(st.username)!,
      role: st.role,
    })),
  );

  const firstGrid = city.staff[0]!.gridCode;
  const gridAccounts: DemoAccount[] = city.staff
    .filter((st) => st.gridCode === firstGrid)
    .map((st) => ({
      username: st.username,
      role: GRID_ROLE_LABELS[st.role].zh,
      area: city.areas.find((a) => a.code === firstGrid)?.name ?? firstGrid,
    }));
  const listed = [
    ...accounts.map(({ username, role, area }) => ({ username, role, area })),
    ...gridAccounts,
  ];
  // The inspector patrols the first street; sample cases sit in its grids.
  const streetGrids = city.areas.filter(
    (a) => a.level === 'grid' && a.code.startsWith(street.code),
  );
  const adminOf = new Map(
    city.staff
      .filter((st) => st.role === 'gridAdministrator')
      .map((st) => [st.gridCode, st.username]),
  );
  const cases = await seedDemoCases(s, {
    deptIds,
    districtCode: DEMO_DISTRICT_CODE,
    grids: streetGrids.map((g) => ({
      code: g.code,
      center: pointOnSurface(g.geometry),
      admin: adminOf.get(g.code)!,
    })),
    seed,
  });
  const historyCases = opts.clock
    ? await seedDemoHistory(s, opts.clock, {
        deptIds,
        grids: city.areas
          .filter((a) => a.level === 'grid')
          .map((g) => ({
            code: g.code,
            center: pointOnSurface(g.geometry),
            admin: adminOf.get(g.code)!,
          })),
        passwordHash: hash,
        seed,
      })
    : 0;
  // 一标三实 and care records of the first community (the community leader's and the g001 staff's area).
  const communityGrids = streetGrids.filter((g) => g.code.startsWith(community.code));
  const registries = await seedDemoRegistries(
    s,
    communityGrids.map((g) => ({ code: g.code, center: pointOnSurface(g.geometry) })),
    seed,
  );
  await s.settings.set('demo.accounts', listed);
  await s.settings.set('demo.password', DEMO_PASSWORD);
  return {
    accounts: listed,
    grids: city.areas.filter((a) => a.level === 'grid').length,
    staff: city.staff.length,
    cases,
    historyCases,
    ...registries,
  };
}

function toFeatureCollection(areas: ReturnType<typeof generateCity>['areas']) {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      properties: {
        code: a.code,
        name: a.name,
        level: a.level,
        parentCode: a.parentCode,
        gridType: a.gridType,
      },
      geometry: a.geometry,
    })),
  };
}
