import {
  creditCodeCheckChar,
  idCheckChar,
  type CreatePersonRequest,
  type CreateUnitRequest,
  type HouseUse,
} from '@wangge/shared';
import type { Services } from '../../app';
import type { PathStep } from '../addresses';

/** Deterministic pseudo-random numbers, so every demo city is the same for one seed. */
function rng(seed: number) {
  let s = seed % 2147483647 || 1;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

const LANES = [
  '文化路',
  '农业路',
  '花园路',
  '经三路',
  '纬五路',
  '红专路',
  '丰产路',
  '东风路',
  '黄河路',
  '政七街',
];
const COMPOUNDS = [
  '阳光小区',
  '幸福里',
  '金水苑',
  '桃园小区',
  '和平家园',
  '丰庆苑',
  '文博苑',
  '绿城小区',
  '紫荆苑',
  '百合园',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯健俊帆欣怡梓涵子轩雨晨';

type Rng = ReturnType<typeof rng>;
const personName = (r: Rng) =>
  r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.next() < 0.6 ? r.pick([...GIVEN]) : '');
const phone = (r: Rng) =>
  `1${r.pick(['35', '38', '39', '58', '86', '77'])}${String(r.int(1e8)).padStart(8, '0')}`;

function idNumber(r: Rng, used: Set<string>, birthYearFrom = 1940, birthYearTo = 2018): string {
  for (;;) {
    const y = birthYearFrom + r.int(birthYearTo - birthYearFrom + 1);
    const first17 = `410105${y}${String(1 + r.int(12)).padStart(2, '0')}${String(1 + r.int(28)).padStart(2, '0')}${String(r.int(1000)).padStart(3, '0')}`;
    const id = first17 + idCheckChar(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

export interface DemoGrid {
  code: string;
  center: [number, number];
}

/**
 * 一标三实 of the demo community: each grid gets a 街巷 with a 小区 of three buildings (two entrances, four floors,
 * two flats a floor), houses with owners and tenants, residents, two units and a key place; the first grid also gets
 * special-group members with visits due and 民情日志. Everything goes through the services, as an import would.
 */
export async function seedDemoRegistries(
  s: Services,
  grids: DemoGrid[],
  seed: number,
): Promise<{ houses: number; persons: number; units: number }> {
  const r = rng(seed * 7 + 3);
  const used = new Set<string>();
  let houses = 0;
  let persons = 0;
  let units = 0;
  for (const [gi, grid] of grids.entries()) {
    const lane = LANES[gi % LANES.length]!;
    const compound = COMPOUNDS[gi % COMPOUNDS.length]!;
    const door = `${10 + gi * 2}号`;
    const residents: CreatePersonRequest[] = [];
    for (let b = 1; b <= 3; b++)
      for (let e = 1; e <= 2; e++)
        for (let f = 1; f <= 4; f++)
          for (let n = 1; n <= 2; n++) {
            const path: PathStep[] = [
              { level: 'street_lane', name: lane },
              { level: 'door_plate', name: door },
              { level: 'compound', name: compound },
              { level: 'building', name: `${b}号楼` },
              { level: 'entrance', name: `${e}单元` },
              { level: 'floor', name: `${f}层` },
              { level: 'room', name: `${f}0${n}室` },
            ];
            const room = await s.addresses.ensurePath(s.system, path, { gridCode: grid.code });
            const use: HouseUse = r.pick([
              'self_occupied',
              'self_occupied',
              'self_occupied',
              'rented',
              'vacant',
            ]);
            const house = await s.housing.create(s.system, {
              addressId: room.id,
              use,
              ownership: 'private',
              areaM2: 60 + r.int(80),
              landlordName: use === 'rented' ? personName(r) : null,
              landlordPhone: use === 'rented' ? phone(r) : null,
              rental: use === 'rented' ? { purpose: 'residential' } : null,
            });
            houses++;
            if (use === 'vacant') continue;
            const size = 1 + r.int(4);
            for (let k = 0; k < size; k++) {
              const floating = use === 'rented';
              residents.push({
                name: personName(r),
                idType: 'resident_id',
                idNumber: idNumber(r, used, k === 0 ? 1945 : 1950, k === 0 ? 1995 : 2018),
                ethnicity: '汉族',
                phone: k === 0 ? phone(r) : null,
                registeredPlace: floating
                  ? r.pick(['河南省周口市', '河南省商丘市', '安徽省阜阳市', '河南省信阳市'])
                  : '河南省郑州市',
                populationType: floating ? 'floating' : 'registered',
                householdStatus: floating ? null : 'together',
                relation: k === 0 ? 'self' : r.pick(['spouse', 'child', 'parent']),
                residenceType: floating ? 'rent' : 'own',
                houseId: house.id,
              });
            }
          }
    await s.population.upsertPersons(s.system, residents);
    persons += residents.length;

    const [lng, lat] = grid.center;
    const body =
      `91410105MA${String(gi).padStart(2, '0')}${String(r.int(1e5)).padStart(5, '0')}`.slice(0, 17);
    const unitRows: CreateUnitRequest[] = [
      {
        name: `${lane}${gi + 1}号便民超市`,
        registrationNo: `4101050${String(600000 + gi * 37 + r.int(30))}`,
        unitType: 'individual_business',
        focusTags: [],
        status: 'operating',
        address: `${lane}${door}`,
        lng,
        lat,
        crs: 'wgs84',
        legalRepName: personName(r),
        legalRepPhone: phone(r),
        employeeCount: 3,
      },
      {
        name: `郑州${compound}餐饮有限公司`,
        creditCode: body + creditCodeCheckChar(body),
        unitType: 'enterprise',
        focusTags: ['fire_safety'],
        industry: '餐饮',
        status: 'operating',
        address: `${lane}${door}底商`,
        lng: lng + 0.0005,
        lat,
        crs: 'wgs84',
        legalRepName: personName(r),
        legalRepPhone: phone(r),
        contactName: personName(r),
        contactPhone: phone(r),
        employeeCount: 12 + r.int(20),
      },
    ];
    await s.units.upsertUnits(s.system, unitRows);
    units += unitRows.length;
    await s.units.places.create(s.system, {
      name: `${lane}${gi % 2 ? '网吧' : '宾馆'}`,
      placeType: gi % 2 ? 'internet_cafe' : 'lodging',
      responsibleName: personName(r),
      responsiblePhone: phone(r),
      address: `${lane}${door}旁`,
      lng,
      lat: lat + 0.0005,
      crs: 'wgs84',
    });
  }
  await seedFirstGridCare(s, grids[0]!, r);
  return { houses, persons, units };
}

/** Special-group members with visits due (one overdue), and two 民情日志 entries, in the first grid. */
async function seedFirstGridCare(s: Services, grid: DemoGrid, r: Rng): Promise<void> {
  const people = (await s.population.list(s.system, { areaCode: grid.code, limit: 6, offset: 0 }))
    .items;
  const day = (offset: number) =>
    new Date(s.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const members: {
    groupCode: string;
    attentionLevel: 'normal' | 'medium' | 'high';
    fields: Record<string, string>;
    startedAt: string;
  }[] = [
    {
      groupCode: 'released_prisoner',
      attentionLevel: 'medium',
      fields: { charge: '盗窃罪', sentence: '三年', releaseDate: day(-400) },
      startedAt: day(-35),
    },
    {
      groupCode: 'severe_mental_disorder',
      attentionLevel: 'high',
      fields: { diagnosis: '精神分裂症', riskGrade: '2', treatment: '规律服药' },
      startedAt: day(-3),
    },
    {
      groupCode: 'left_behind_child',
      attentionLevel: 'normal',
      fields: { parentsLocation: '广东省东莞市', carer: '祖母' },
      startedAt: day(-60),
    },
  ];
  for (const [i, m] of members.entries()) {
    const person = people[i];
    if (!person) break;
    await s.specialGroups.memberships.create(
      s.system,
      { personId: person.id, ...m, guardianName: personName(r), guardianPhone: phone(r) },
      null,
    );
  }
  await s.residentFiles.create(s.system, {
    kind: 'work_log',
    gridCode: grid.code,
    raised: '3号楼楼道堆放杂物，居民担心消防安全',
    followUp: '已联系物业，约定周五前清理',
  });
  await s.residentFiles.create(s.system, {
    kind: 'public_opinion',
    gridCode: grid.code,
    raised: '多位老人反映小区缺少休息座椅，希望增设',
    followUp: null,
  });
}
