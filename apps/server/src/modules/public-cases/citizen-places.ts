import type { AddressLevel, PublicPlace, PublicReportRequest } from '@wangge/shared';
import { AppError } from '../../core/errors';

/**
 * Where a citizen's report is: a map pick, a place found by search (the 标准地址 tree and the area names), or a
 * community/grid picked from the list. Search answers only what a resident may see anyway: the address text and a
 * point. Never who lives there, and never below the 楼栋 (单元, 楼层 and 户室 would list the homes of a building).
 */
export const PUBLIC_ADDRESS_LEVELS = [
  'street_lane',
  'door_plate',
  'compound',
  'building',
] as const satisfies readonly AddressLevel[];

/** An address node as the addresses module lists it (system scope), reduced to what is needed here. */
export interface AddressHit {
  fullName: string;
  lng: number | null;
  lat: number | null;
  gridCode: string | null;
  communityCode: string | null;
  streetCode: string | null;
  areaName: string | null;
}

export interface CitizenPlacesDeps {
  /** 标准地址 nodes of one level whose full address contains every word of `q` (addresses module). */
  addresses(level: AddressLevel, q: string, limit: number): Promise<AddressHit[]>;
  /** Streets, communities and grids by name with their label points (areas module). */
  areasByName(
    q: string,
    limit: number,
  ): Promise<{ code: string; text: string; lng: number; lat: number }[]>;
  /** The label point and path of a street, community or grid (areas module). */
  areaPoint(code: string): Promise<{ lng: number; lat: number; text: string } | null>;
}

const LIMIT = 8;

/**
 * What to search for a typed address, most specific first: as typed, then cut after its last 号 (金水路8号门前 →
 * 金水路8号), then after its last road word (→ 金水路). Citizens add 门前, 对面, 附近 to what the registry holds.
 */
export function addressCandidates(text: string): string[] {
  const t = text.replace(/\s+/g, ' ').trim();
  const out = [t];
  const cut = (re: RegExp) => {
    const m = re.exec(t);
    if (m && m[0].trim().length >= 2) out.push(m[0].trim());
  };
  cut(/^.*号/);
  cut(/^.*?(?:大道|路|街|巷|道|里|弄|胡同)/);
  return [...new Set(out)];
}

export function createCitizenPlaces(deps: CitizenPlacesDeps) {
  /** An address node's point: its own, else the label point of the finest area it is filed under. */
  async function pointOf(a: AddressHit): Promise<PublicPlace | null> {
    if (a.lng !== null && a.lat !== null)
      return { kind: 'address', text: a.fullName, lng: a.lng, lat: a.lat, areaName: a.areaName };
    const code = a.gridCode ?? a.communityCode ?? a.streetCode;
    const p = code ? await deps.areaPoint(code) : null;
    return p
      ? { kind: 'address', text: a.fullName, lng: p.lng, lat: p.lat, areaName: a.areaName }
      : null;
  }

  async function search(q: string): Promise<PublicPlace[]> {
    const perLevel = await Promise.all(
      PUBLIC_ADDRESS_LEVELS.map((level) => deps.addresses(level, q, LIMIT)),
    );
    // Coarse first: a 街巷 or 门牌 is what a citizen names; buildings come after.
    const addressHits = (await Promise.all(perLevel.flat().map(pointOf))).filter(
      (p): p is PublicPlace => p !== null,
    );
    const areas = (await deps.areasByName(q, LIMIT)).map(
      (a): PublicPlace => ({ kind: 'area', text: a.text, lng: a.lng, lat: a.lat, areaName: null }),
    );
    const seen = new Set<string>();
    return [...addressHits, ...areas]
      .filter((p) => !seen.has(p.text) && seen.add(p.text))
      .slice(0, LIMIT);
  }

  async function resolve(text: string): Promise<{ lng: number; lat: number } | null> {
    for (const candidate of addressCandidates(text)) {
      const hit = (await search(candidate))[0];
      if (hit) return { lng: hit.lng, lat: hit.lat };
    }
    return null;
  }

  return {
    search,
    resolve,

    /** A report's point: the map pick, else the picked community or grid, else the typed address found by search. */
    async pointOfReport(input: PublicReportRequest) {
      if (input.lng !== undefined && input.lat !== undefined)
        return { lng: input.lng, lat: input.lat, crs: input.crs };
      if (input.areaCode) {
        const area = await deps.areaPoint(input.areaCode);
        if (!area) throw new AppError('not_found', '所选社区或网格不存在', { field: 'areaCode' });
        return { lng: area.lng, lat: area.lat, crs: 'wgs84' as const };
      }
      const found = await resolve(input.address);
      if (!found)
        throw new AppError(
          'validation_failed',
          '未能根据地址确定位置，请从搜索结果中选择地址，或在地图上点选问题地点',
          { field: 'address' },
        );
      return { ...found, crs: 'wgs84' as const };
    },
    areaPoint: deps.areaPoint,
  };
}
export type CitizenPlaces = ReturnType<typeof createCitizenPlaces>;
