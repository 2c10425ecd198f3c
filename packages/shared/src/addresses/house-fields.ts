/** 实有房屋 and 楼栋 attribute vocabularies, with their labels (codes in the API, labels in the UI). */

export const HOUSE_USES = [
  'self_occupied',
  'rented',
  'vacant',
  'commercial',
  'mixed',
  'other',
] as const;
export type HouseUse = (typeof HOUSE_USES)[number];
export const HOUSE_USE_LABELS: Record<HouseUse, { zh: string; en: string }> = {
  self_occupied: { zh: '自住', en: 'Owner-occupied' },
  rented: { zh: '出租', en: 'Rented' },
  vacant: { zh: '空置', en: 'Vacant' },
  commercial: { zh: '商用', en: 'Commercial' },
  mixed: { zh: '混合', en: 'Mixed' },
  other: { zh: '其他', en: 'Other' },
};
/** Uses under which a house carries rental details (出租房 registration). */
export const RENTAL_HOUSE_USES: readonly HouseUse[] = ['rented', 'mixed'];

export const HOUSE_OWNERSHIPS = ['private', 'public', 'unit', 'other'] as const;
export type HouseOwnership = (typeof HOUSE_OWNERSHIPS)[number];
export const HOUSE_OWNERSHIP_LABELS: Record<HouseOwnership, { zh: string; en: string }> = {
  private: { zh: '私产', en: 'Private' },
  public: { zh: '公房', en: 'Public housing' },
  unit: { zh: '单位产', en: 'Employer-owned' },
  other: { zh: '其他', en: 'Other' },
};

export const RENT_PURPOSES = ['residential', 'business'] as const;
export type RentPurpose = (typeof RENT_PURPOSES)[number];
export const RENT_PURPOSE_LABELS: Record<RentPurpose, { zh: string; en: string }> = {
  residential: { zh: '居住', en: 'Residential' },
  business: { zh: '经营', en: 'Business' },
};

export const BUILDING_STRUCTURES = [
  'steel',
  'reinforced_concrete',
  'brick_concrete',
  'brick_wood',
  'wood',
  'other',
] as const;
export type BuildingStructure = (typeof BUILDING_STRUCTURES)[number];
export const BUILDING_STRUCTURE_LABELS: Record<BuildingStructure, { zh: string; en: string }> = {
  steel: { zh: '钢结构', en: 'Steel' },
  reinforced_concrete: { zh: '钢筋混凝土', en: 'Reinforced concrete' },
  brick_concrete: { zh: '砖混', en: 'Brick-concrete' },
  brick_wood: { zh: '砖木', en: 'Brick-wood' },
  wood: { zh: '木结构', en: 'Wood' },
  other: { zh: '其他', en: 'Other' },
};

export const BUILDING_USES = [
  'residential',
  'commercial',
  'mixed',
  'office',
  'industrial',
  'public',
  'other',
] as const;
export type BuildingUse = (typeof BUILDING_USES)[number];
export const BUILDING_USE_LABELS: Record<BuildingUse, { zh: string; en: string }> = {
  residential: { zh: '住宅', en: 'Residential' },
  commercial: { zh: '商业', en: 'Commercial' },
  mixed: { zh: '商住混合', en: 'Mixed' },
  office: { zh: '办公', en: 'Office' },
  industrial: { zh: '工业', en: 'Industrial' },
  public: { zh: '公共设施', en: 'Public' },
  other: { zh: '其他', en: 'Other' },
};
