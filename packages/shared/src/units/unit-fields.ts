/** Value lists of 实有单位 and 重点场所 (docs/domain.md §6), with labels the web app and exports share. */

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const UNIT_TYPES = [
  'party_government',
  'school',
  'hospital',
  'enterprise',
  'individual_business',
  'hazardous_chemicals',
  'social_organization',
  'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const UNIT_TYPE_LABELS: Labels<UnitType> = {
  party_government: { zh: '党政机关', en: 'Party or government body' },
  school: { zh: '学校', en: 'School' },
  hospital: { zh: '医院', en: 'Hospital' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  individual_business: { zh: '个体工商户', en: 'Individual business' },
  hazardous_chemicals: { zh: '危化品存放单位', en: 'Hazardous chemicals store' },
  social_organization: { zh: '社会组织', en: 'Social organisation' },
  other: { zh: '其他', en: 'Other' },
};

export const FOCUS_TAGS = [
  'work_safety',
  'fire_safety',
  'public_security',
  'pollution_source',
  'above_scale',
  'below_scale',
] as const;
export type FocusTag = (typeof FOCUS_TAGS)[number];
export const FOCUS_TAG_LABELS: Labels<FocusTag> = {
  work_safety: { zh: '安全生产重点', en: 'Work safety' },
  fire_safety: { zh: '消防安全重点', en: 'Fire safety' },
  public_security: { zh: '治安重点', en: 'Public security' },
  pollution_source: { zh: '污染源', en: 'Pollution source' },
  above_scale: { zh: '规上企业', en: 'Above designated size' },
  below_scale: { zh: '规下企业', en: 'Below designated size' },
};

/**
 * Days between periodic inspections for each tag that puts a unit under focus. 规上/规下 only classify an
 * enterprise's size, so they do not make it a 重点单位 on their own.
 */
export const FOCUS_TAG_INSPECTION_DAYS: Partial<Record<FocusTag, number>> = {
  work_safety: 30,
  fire_safety: 30,
  public_security: 30,
  pollution_source: 90,
};
/** A 危化品存放单位 is inspected like a work-safety focus unit even without the tag. */
export const HAZARDOUS_UNIT_INSPECTION_DAYS = 30;

export const UNIT_STATUSES = ['operating', 'closed'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_LABELS: Labels<UnitStatus> = {
  operating: { zh: '在营', en: 'Operating' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** 重点单位: a focus tag that calls for inspections, or a hazardous-chemicals store. */
export function isKeyUnit(unitType: UnitType, tags: readonly FocusTag[]): boolean {
  return (
    unitType === 'hazardous_chemicals' ||
    tags.some((t) => FOCUS_TAG_INSPECTION_DAYS[t] !== undefined)
  );
}

/** The default inspection interval of a unit: the strictest of its reasons, or null for an ordinary unit. */
export function defaultUnitInspectionDays(
  unitType: UnitType,
  tags: readonly FocusTag[],
): number | null {
  const days = tags
    .map((t) => FOCUS_TAG_INSPECTION_DAYS[t])
    .filter((d): d is number => d !== undefined);
  if (unitType === 'hazardous_chemicals') days.push(HAZARDOUS_UNIT_INSPECTION_DAYS);
  return days.length ? Math.min(...days) : null;
}

export const PLACE_TYPES = [
  'public_activity',
  'transport',
  'entertainment',
  'commerce',
  'internet_cafe',
  'lodging',
  'catering',
  'tourism',
  'construction',
  'logistics',
  'religious',
  'underground',
  'shelter',
  'other',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];
export const PLACE_TYPE_LABELS: Labels<PlaceType> = {
  public_activity: { zh: '公共活动场所', en: 'Public activity venue' },
  transport: { zh: '交通场所', en: 'Transport hub' },
  entertainment: { zh: '娱乐场所', en: 'Entertainment venue' },
  commerce: { zh: '商贸场所', en: 'Commercial venue' },
  internet_cafe: { zh: '网吧', en: 'Internet café' },
  lodging: { zh: '住宿服务场所', en: 'Lodging' },
  catering: { zh: '餐饮服务场所', en: 'Catering' },
  tourism: { zh: '旅游场所', en: 'Tourist site' },
  construction: { zh: '施工场所', en: 'Construction site' },
  logistics: { zh: '寄递物流点', en: 'Delivery and logistics point' },
  religious: { zh: '宗教场所', en: 'Religious site' },
  underground: { zh: '地下空间', en: 'Underground space' },
  shelter: { zh: '应急避难场所', en: 'Emergency shelter' },
  other: { zh: '其他', en: 'Other' },
};

/** Default days between inspections by place type: crowded or fast-changing places more often. Editable per place. */
export const PLACE_INSPECTION_DAYS: Record<PlaceType, number> = {
  public_activity: 30,
  transport: 30,
  entertainment: 15,
  commerce: 30,
  internet_cafe: 15,
  lodging: 30,
  catering: 30,
  tourism: 60,
  construction: 7,
  logistics: 30,
  religious: 60,
  underground: 30,
  shelter: 90,
  other: 90,
};

export const INSPECTION_TARGET_TYPES = ['unit', 'place'] as const;
export type InspectionTargetType = (typeof INSPECTION_TARGET_TYPES)[number];

export const INSPECTION_RESULTS = ['passed', 'hazards_found'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const INSPECTION_RESULT_LABELS: Labels<InspectionResult> = {
  passed: { zh: '合格', en: 'Passed' },
  hazards_found: { zh: '发现隐患', en: 'Hazards found' },
};

export const HAZARD_LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];
export const HAZARD_LEVEL_LABELS: Labels<HazardLevel> = {
  general: { zh: '一般隐患', en: 'General' },
  major: { zh: '重大隐患', en: 'Major' },
};

/** Personal fields of a unit that an audited unmasking may reveal. */
export const UNIT_UNMASK_FIELDS = ['legalRepPhone', 'contactPhone'] as const;
export type UnitUnmaskField = (typeof UNIT_UNMASK_FIELDS)[number];
export const PLACE_UNMASK_FIELDS = ['responsiblePhone'] as const;
export type PlaceUnmaskField = (typeof PLACE_UNMASK_FIELDS)[number];

/** Upper bound of one page of a registry list. */
export const UNITS_PAGE_MAX = 200;
/** Rows one export may hold; a larger selection must be narrowed by area or type. */
export const UNITS_EXPORT_MAX = 50_000;
