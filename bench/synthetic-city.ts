/**
 * A synthetic jurisdiction of any size for the benchmarks: one district split into street
 * bands, communities and grids on a lattice. Grid corners inside a community are jittered
 * and every edge carries extra points, so polygons look like drawn ones (about 12 vertices),
 * while community and street outlines stay straight and contain their children exactly.
 */
type Pos = [number, number];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticCity {
  featureCollection: { type: 'FeatureCollection'; features: unknown[] };
  gridRings: Pos[][];
  extent: [number, number, number, number];
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function syntheticCity(grids = 10_000, seed = 7): SyntheticCity {
  // Communities of 10 × 10 grids (codes 01–99 fit 2 digits only up to 99: use 9 × 11 = 99).
  const gx = 11;
  const gy = 9;
  const perCommunity = gx * gy;
  const communities = Math.ceil(grids / perCommunity);
  const commCols = Math.ceil(Math.sqrt(communities));
  const commRows = Math.ceil(communities / commCols);
  const cols = commCols * gx;
  const rows = commRows * gy;
  const cell = 0.004; // ≈ 400 m
  const x0 = 113.3;
  const y0 = 34.5;
  const rand = rng(seed);
  const onBlockLine = (i: number, j: number) => i % gx === 0 || j % gy === 0;
  const corner: Pos[][] = [];
  for (let i = 0; i <= cols; i++) {
    corner[i] = [];
    for (let j = 0; j <= rows; j++) {
      const jx = onBlockLine(i, j) ? 0 : (rand() - 0.5) * cell * 0.5;
      const jy = onBlockLine(i, j) ? 0 : (rand() - 0.5) * cell * 0.5;
      corner[i]![j] = [x0 + i * cell + jx, y0 + j * cell + jy];
    }
  }
  // Shared mid-edge points: keyed per edge so neighbours use the same ones.
  const edgeMid = new Map<string, Pos[]>();
  const mids = (a: Pos, b: Pos, key: string, straight: boolean): Pos[] => {
    let m = edgeMid.get(key);
    if (!m) {
      m = [1, 2].map((k) => {
        const t = k / 3;
        const off = straight ? 0 : (rand() - 0.5) * cell * 0.15;
        return [a[0] + (b[0] - a[0]) * t + off, a[1] + (b[1] - a[1]) * t - off] as Pos;
      });
      edgeMid.set(key, m);
    }
    return m;
  };
  const features: unknown[] = [];
  const gridRings: Pos[][] = [];
  const rect = (ax: number, ay: number, bx: number, by: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [ax, ay],
        [bx, ay],
        [bx, by],
        [ax, by],
        [ax, ay],
      ],
    ],
  });
  const district = '410198';
  features.push({
    type: 'Feature',
    properties: { code: district, name: '基准区', level: 'district' },
    geometry: rect(x0, y0, x0 + cols * cell, y0 + rows * cell),
  });
  // Streets are column bands of communities; at most 999 per district.
  const streetCols = Math.min(commCols, 20);
  const commPerStreetCol = Math.ceil(commCols / streetCols);
  for (let s = 0; s < streetCols; s++) {
    const sx0 = x0 + s * commPerStreetCol * gx * cell;
    const sx1 = x0 + Math.min(commCols, (s + 1) * commPerStreetCol) * gx * cell;
    features.push({
      type: 'Feature',
      properties: { code: `${district}${pad(s + 1, 3)}`, name: `街道${s + 1}`, level: 'street' },
      geometry: rect(sx0, y0, sx1, y0 + rows * cell),
    });
  }
  let made = 0;
  const commSerial = new Map<number, number>();
  for (let c = 0; c < communities && made < grids; c++) {
    const ci = c % commCols;
    const cj = Math.floor(c / commCols);
    const street = Math.floor(ci / commPerStreetCol);
    const serial = (commSerial.get(street) ?? 0) + 1;
    commSerial.set(street, serial);
    const communityCode = `${district}${pad(street + 1, 3)}${pad(serial, 3)}`;
    const cx0 = x0 + ci * gx * cell;
    const cy0 = y0 + cj * gy * cell;
    features.push({
      type: 'Feature',
      properties: { code: communityCode, name: `社区${c + 1}`, level: 'community' },
      geometry: rect(cx0, cy0, cx0 + gx * cell, cy0 + gy * cell),
    });
    let g = 0;
    for (let j = 0; j < gy && made < grids; j++) {
      for (let i = 0; i < gx && made < grids; i++) {
        const I = ci * gx + i;
        const J = cj * gy + j;
        const a = corner[I]![J]!;
        const b = corner[I + 1]![J]!;
        const cc = corner[I + 1]![J + 1]!;
        const d = corner[I]![J + 1]!;
        const south = mids(a, b, `h${I},${J}`, J % gy === 0);
        const east = mids(b, cc, `v${I + 1},${J}`, (I + 1) % gx === 0);
        const north = mids(d, cc, `h${I},${J + 1}`, (J + 1) % gy === 0)
          .slice()
          .reverse();
        const west = mids(a, d, `v${I},${J}`, I % gx === 0)
          .slice()
          .reverse();
        const ring: Pos[] = [a, ...south, b, ...east, cc, ...north, d, ...west, a];
        g++;
        features.push({
          type: 'Feature',
          properties: {
            code: `${communityCode}${pad(g, 2)}`,
            name: `网格${made + 1}`,
            level: 'grid',
          },
          geometry: { type: 'Polygon', coordinates: [ring] },
        });
        gridRings.push(ring);
        made++;
      }
    }
  }
  return {
    featureCollection: { type: 'FeatureCollection', features },
    gridRings,
    extent: [x0, y0, x0 + cols * cell, y0 + rows * cell],
  };
}
