import type { Geometry, Position, Ring } from '../areas';
import { SeededRandom } from '../../core/seeded-random';

/*
 * Deterministic demo city: 示范区 (a made-up 410199 inside Zhengzhou's 4101 prefix) with
 * 6 streets × 5 communities × 10 grids. Every boundary comes from one shared lattice of
 * jittered nodes and noisy edge points, and every polygon walks its outline through those
 * same points, so grids tile communities, communities tile streets and streets tile the
 * district exactly, vertex for vertex, while still looking hand-drawn.
 */

export type DemoAreaLevel = 'district' | 'street' | 'community' | 'grid';
export type DemoGridRole =
  | 'gridLeader'
  | 'gridAdministrator'
  | 'residentInformant'
  | 'gridPoliceOfficer'
  | 'gridSupervisor';

export interface DemoArea {
  code: string;
  name: string;
  level: DemoAreaLevel;
  parentCode: string | null;
  gridType?: 'unit';
  geometry: Geometry;
}
export interface DemoDepartment {
  code: string;
  name: string;
  creditCode: string;
  areaCode: string;
}
export interface DemoStaff {
  username: string;
  displayName: string;
  phone: string;
  gridCode: string;
  role: DemoGridRole;
}
export interface DemoCity {
  areas: DemoArea[];
  departments: DemoDepartment[];
  staff: DemoStaff[];
}

export const DEMO_DISTRICT_CODE = '410199';
const CENTER: Position = [113.7, 34.78];
const WIDTH_M = 12000;
const HEIGHT_M = 8000;
// 20 × 15 cells: streets are 10 × 5 blocks (2 across, 3 down), communities 2 × 5 strips.
const COLS = 20;
const ROWS = 15;
const CELL_W = WIDTH_M / COLS;
const CELL_H = HEIGHT_M / ROWS;
// A node moves at most 28 % of the shorter cell side; twice that stays below the
// corner-to-diagonal distance of a cell, so every cell stays convex and simple.
const NODE_JITTER_M = 0.28 * Math.min(CELL_W, CELL_H);
const EDGE_WOBBLE = 0.05; // perpendicular noise of edge points, fraction of edge length
const M_PER_DEG = 111195;

const STREET_NAMES = '花园路街道 文化路街道 经八路街道 丰产路街道 人民路街道 杜岭街道'.split(' ');
// Community name stems; 30 of them are drawn per city.
const COMMUNITY_STEMS = (
  '银河 红旗 金桥 翠竹 桂园 锦绣 和平 东风 朝阳 建设 新华 光明 幸福 友谊 长青 丽水 梧桐 枫林 ' +
  '振兴 育才 明珠 兴华 阳光 晨曦 康宁 瑞祥 福寿 景园 青年 黄河 纬五 博颂 凤凰 园丁 龙湖 柳林'
).split(' ');
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文辉鹏飞宇浩欣怡婷雪晨阳晓海峰丹琳慧颖俊';
const ROLES: [DemoGridRole, string][] = [
  ['gridLeader', 'leader'],
  ['gridAdministrator', 'admin'],
  ['residentInformant', 'informant'],
  ['gridPoliceOfficer', 'police'],
  ['gridSupervisor', 'supervisor'],
];
/** [code, name, credit-code prefix: 11 = 机关, 12 = 事业单位, 91 = 企业] */
const DEPARTMENTS: [string, string, string][] = [
  ['municipal', '示范区市政设施管理中心', '12'],
  ['sanitation', '示范区环境卫生管理中心', '12'],
  ['landscaping', '示范区园林绿化中心', '12'],
  ['enforcement', '示范区城市管理综合执法大队', '11'],
  ['traffic', '示范区交通运输局', '11'],
  ['water', '示范区供水有限公司', '91'],
  ['power', '国网示范区供电公司', '91'],
  ['gas', '示范区燃气有限公司', '91'],
  ['police', '示范区公安分局', '11'],
  ['housing', '示范区住房和城乡建设局', '11'],
];

export function generateCity(seed = 42): DemoCity {
  const rng = new SeededRandom(seed);
  const lattice = buildLattice(rng);
  const areas: DemoArea[] = [
    {
      code: DEMO_DISTRICT_CODE,
      name: '示范区',
      level: 'district',
      parentCode: null,
      geometry: lattice.block(0, 0, COLS, ROWS),
    },
  ];
  const stems = rng.shuffle(COMMUNITY_STEMS);
  const grids: DemoArea[] = [];
  for (let s = 0; s < 6; s++) {
    const streetCode = DEMO_DISTRICT_CODE + pad(s + 1, 3);
    const sc0 = (s % 2) * 10;
    const sr1 = ROWS - Math.floor(s / 2) * 5; // row 0 is the southern edge; streets go north to south
    const sr0 = sr1 - 5;
    areas.push({
      code: streetCode,
      name: STREET_NAMES[s]!,
      level: 'street',
      parentCode: DEMO_DISTRICT_CODE,
      geometry: lattice.block(sc0, sr0, sc0 + 10, sr1),
    });
    for (let k = 0; k < 5; k++) {
      const communityCode = streetCode + pad(k + 1, 3);
      const communityName = `${stems[s * 5 + k]!}社区`;
      const cc0 = sc0 + k * 2;
      areas.push({
        code: communityCode,
        name: communityName,
        level: 'community',
        parentCode: streetCode,
        geometry: lattice.block(cc0, sr0, cc0 + 2, sr1),
      });
      // Grids numbered left to right, top to bottom, so 01/02, 03/04 … sit side by side.
      for (let n = 1; n <= 10; n++) {
        const c = cc0 + ((n - 1) % 2);
        const r = sr1 - 1 - Math.floor((n - 1) / 2);
        grids.push({
          code: communityCode + pad(n, 2),
          name: `${communityName}第${n}网格`,
          level: 'grid',
          parentCode: communityCode,
          gridType: 'unit',
          geometry: lattice.block(c, r, c + 1, r + 1),
        });
      }
    }
  }
  // Grids last so the list reads top-down (district, streets, communities, grids).
  const sorted = areas.sort((a, b) => a.code.length - b.code.length || cmp(a.code, b.code));
  return {
    areas: [...sorted, ...grids],
    departments: makeDepartments(rng),
    staff: makeStaff(rng, grids),
  };
}

interface Lattice {
  block(c0: number, r0: number, c1: number, r1: number): Geometry;
}

function buildLattice(rng: SeededRandom): Lattice {
  const kx = M_PER_DEG * Math.cos((CENTER[1] * Math.PI) / 180);
  const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;
  const toLngLat = (x: number, y: number): Position => [
    round7(CENTER[0] + x / kx),
    round7(CENTER[1] + y / M_PER_DEG),
  ];

  // Nodes in metres (row-major, (COLS + 1) per row), jittered uniformly over a disc.
  const nodesM: [number, number][] = [];
  for (let r = 0; r <= ROWS; r++) {
    for (let c = 0; c <= COLS; c++) {
      const a = rng.next() * 2 * Math.PI;
      const d = NODE_JITTER_M * Math.sqrt(rng.next());
      nodesM.push([
        c * CELL_W - WIDTH_M / 2 + d * Math.cos(a),
        r * CELL_H - HEIGHT_M / 2 + d * Math.sin(a),
      ]);
    }
  }
  const nodeM = (c: number, r: number): [number, number] => nodesM[r * (COLS + 1) + c]!;
  const nodes = nodesM.map(([x, y]) => toLngLat(x, y));
  const node = (c: number, r: number): Position => nodes[r * (COLS + 1) + c]!;

  // 2–3 noisy points strictly between two nodes, ordered from a to b.
  const edgePoints = (a: [number, number], b: [number, number]): Position[] => {
    const k = rng.int(2, 3);
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const out: Position[] = [];
    for (let i = 1; i <= k; i++) {
      const t = (i + rng.range(-0.25, 0.25)) / (k + 1);
      const off = rng.range(-EDGE_WOBBLE, EDGE_WOBBLE); // times length, along the unit normal
      out.push(toLngLat(a[0] + t * dx - off * dy, a[1] + t * dy + off * dx));
    }
    return out;
  };
  // hEdges[r][c]: node(c, r) → node(c + 1, r); vEdges[r][c]: node(c, r) → node(c, r + 1).
  const hEdges: Position[][][] = [];
  const vEdges: Position[][][] = [];
  for (let r = 0; r <= ROWS; r++) {
    const hRow: Position[][] = [];
    const vRow: Position[][] = [];
    for (let c = 0; c <= COLS; c++) {
      if (c < COLS) hRow.push(edgePoints(nodeM(c, r), nodeM(c + 1, r)));
      if (r < ROWS) vRow.push(edgePoints(nodeM(c, r), nodeM(c, r + 1)));
    }
    hEdges.push(hRow);
    vEdges.push(vRow);
  }
  const h = (r: number, c: number): Position[] => hEdges[r]![c]!;
  const v = (r: number, c: number): Position[] => vEdges[r]![c]!;

  // Outline of cells [c0, c1) × [r0, r1), counter-clockwise from the south-west node.
  const block = (c0: number, r0: number, c1: number, r1: number): Geometry => {
    const ring: Ring = [];
    for (let c = c0; c < c1; c++) ring.push(node(c, r0), ...h(r0, c));
    for (let r = r0; r < r1; r++) ring.push(node(c1, r), ...v(r, c1));
    for (let c = c1; c > c0; c--)
      ring.push(
        node(c, r1),
        ...h(r1, c - 1)
          .slice()
          .reverse(),
      );
    for (let r = r1; r > r0; r--)
      ring.push(
        node(c0, r),
        ...v(r - 1, c0)
          .slice()
          .reverse(),
      );
    ring.push(node(c0, r0));
    // Fresh tuples so callers may mutate one area's geometry without touching another's.
    return { type: 'Polygon', coordinates: [ring.map((p) => [p[0], p[1]])] };
  };
  return { block };
}

function makeStaff(rng: SeededRandom, grids: DemoArea[]): DemoStaff[] {
  const phones = new Set<string>();
  const person = (): { displayName: string; phone: string } => {
    let phone: string;
    do {
      phone = `1${rng.int(3, 9)}${pad(rng.int(0, 999999999), 9)}`;
    } while (phones.has(phone));
    phones.add(phone);
    const given = rng.pick([...GIVEN]) + (rng.next() < 0.6 ? rng.pick([...GIVEN]) : '');
    return { displayName: rng.pick([...SURNAMES]) + given, phone };
  };
  const staff: DemoStaff[] = [];
  let leader: DemoStaff | undefined;
  grids.forEach((grid, i) => {
    const serial = pad(i + 1, 3);
    const odd = i % 2 === 0; // local serials 01, 03, … (every community has an even count)
    for (const [role, short] of ROLES) {
      if (role === 'gridLeader' && !odd && leader) {
        // One 网格长 leads both grids of a pair: same person, second assignment.
        staff.push({ ...leader, gridCode: grid.code });
        continue;
      }
      const entry: DemoStaff = {
        username: `g${serial}_${short}`,
        ...person(),
        gridCode: grid.code,
        role,
      };
      if (role === 'gridLeader') leader = entry;
      staff.push(entry);
    }
  });
  return staff;
}

function makeDepartments(rng: SeededRandom): DemoDepartment[] {
  return DEPARTMENTS.map(([code, name, kind]) => ({
    code,
    name,
    creditCode: creditCode(rng, kind, DEMO_DISTRICT_CODE),
    areaCode: DEMO_DISTRICT_CODE,
  }));
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 32100 统一社会信用代码 with genuine check characters, so validators accept it. */
function creditCode(rng: SeededRandom, kind: string, region: string): string {
  const body = Array.from({ length: 8 }, () => rng.int(0, 9));
  const orgCheck = 11 - (body.reduce((s, d, i) => s + d * ORG_WEIGHTS[i]!, 0) % 11);
  const org = body.join('') + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
  const first17 = kind + region + org;
  return first17 + uniformCreditCheckChar(first17);
}

export function uniformCreditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i] ?? '0') * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
