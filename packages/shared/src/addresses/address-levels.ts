/**
 * 标准地址 levels (docs/domain.md §4.2) and the text rules both sides apply: which level may hang under which, and how
 * names are normalised for display, uniqueness and search.
 */

/** From the 街巷 down to the 户室, in tree order. */
export const ADDRESS_LEVELS = [
  'street_lane',
  'door_plate',
  'compound',
  'building',
  'entrance',
  'floor',
  'room',
] as const;
export type AddressLevel = (typeof ADDRESS_LEVELS)[number];

export const ADDRESS_LEVEL_LABELS: Record<AddressLevel, { zh: string; en: string }> = {
  street_lane: { zh: '街巷', en: 'Street / lane' },
  door_plate: { zh: '门牌', en: 'Door plate' },
  compound: { zh: '小区/院落', en: 'Compound' },
  building: { zh: '楼栋', en: 'Building' },
  entrance: { zh: '单元', en: 'Entrance' },
  floor: { zh: '楼层', en: 'Floor' },
  room: { zh: '户室', en: 'Room' },
};

/** Levels a path may skip: not every door plate has a 小区, not every register records floors. */
export const OPTIONAL_ADDRESS_LEVELS: readonly AddressLevel[] = ['compound', 'floor'];

/**
 * The levels a child of `parent` may have (null: a root, which is always a 街巷): the next level, or past it when
 * the levels in between are optional. 门牌 → 小区 or 楼栋; 单元 → 楼层 or 户室.
 */
export function childLevelsOf(parent: AddressLevel | null): AddressLevel[] {
  if (parent === null) return ['street_lane'];
  const out: AddressLevel[] = [];
  for (let i = ADDRESS_LEVELS.indexOf(parent) + 1; i < ADDRESS_LEVELS.length; i++) {
    const level = ADDRESS_LEVELS[i]!;
    out.push(level);
    if (!OPTIONAL_ADDRESS_LEVELS.includes(level)) break;
  }
  return out;
}

/**
 * A name as stored: NFKC (full-width digits and letters become half-width, ideographic spaces become spaces),
 * whitespace collapsed and trimmed. "１２ 号" → "12 号".
 */
export function cleanAddressName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * Search form of a text: as cleanAddressName, without any whitespace and in lower case. The search text of a node
 * is the concatenation of its path's keys, so a token typed as "3单元" or "３ 单元" finds the same rows.
 */
export function addressSearchKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Tokens of a search query: "金水路 12号，3单元" → ["金水路", "12号", "3单元"] (at most 8). */
export function addressSearchTokens(q: string): string[] {
  return q
    .normalize('NFKC')
    .split(/[\s,，、|/;；]+/)
    .map((t) => addressSearchKey(t).replace(/[%_\\]/g, ''))
    .filter(Boolean)
    .slice(0, 8);
}
