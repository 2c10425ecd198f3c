/**
 * Vocabulary of 实有人口 (docs/domain.md §5.1): the closed lists a person record uses, with their Chinese labels.
 * Stored values are the snake_case identifiers; the UI shows the labels.
 */

/** 证件类型: a resident ID (GB 11643, also 外国人永久居留身份证), a passport, or another document. */
export const PERSON_ID_TYPES = ['resident_id', 'passport', 'other'] as const;
export type PersonIdType = (typeof PERSON_ID_TYPES)[number];

/** 人口类型: 户籍 / 流动 / 未落户 / 境外. */
export const POPULATION_TYPES = ['registered', 'floating', 'unregistered', 'foreign'] as const;
export type PopulationType = (typeof POPULATION_TYPES)[number];

/** 人户状态 of registered residents: 人户一致 / 人在户不在 / 户在人不在. */
export const HOUSEHOLD_STATUSES = [
  'together',
  'present_not_at_registered',
  'registered_absent',
] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/** Moving out and death are states, never deletions. */
export const PERSON_STATUSES = ['active', 'moved_out', 'deceased'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** 数据状态: 录入 → 认领 (a grid worker takes ownership) → 已核实 (seen on a visit). */
export const DATA_STATES = ['entered', 'claimed', 'verified'] as const;
export type DataState = (typeof DATA_STATES)[number];

/** 居住类型: 自有 / 租住 / 借住 / 其他. */
export const RESIDENCE_TYPES = ['own', 'rent', 'lodge', 'other'] as const;
export type ResidenceType = (typeof RESIDENCE_TYPES)[number];

/** 与户主关系. */
export const HOUSEHOLDER_RELATIONS = [
  'self',
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'child_in_law',
  'other_relative',
  'non_relative',
] as const;
export type HouseholderRelation = (typeof HOUSEHOLDER_RELATIONS)[number];

/** 性别 (GB/T 2261.1: 男, 女, 未知). */
export const PERSON_GENDERS = ['male', 'female', 'unknown'] as const;
export type PersonGender = (typeof PERSON_GENDERS)[number];

/** What happens to a person record; the history is append-only. */
export const PERSON_EVENT_ACTIONS = [
  'created',
  'updated',
  'moved_in',
  'moved_out',
  'claimed',
  'verified',
  'deceased',
  'merged',
] as const;
export type PersonEventAction = (typeof PERSON_EVENT_ACTIONS)[number];

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const PERSON_ID_TYPE_LABELS: Labels<PersonIdType> = {
  resident_id: { zh: '居民身份证', en: 'Resident ID' },
  passport: { zh: '护照', en: 'Passport' },
  other: { zh: '其他证件', en: 'Other document' },
};

export const POPULATION_TYPE_LABELS: Labels<PopulationType> = {
  registered: { zh: '户籍人口', en: 'Registered' },
  floating: { zh: '流动人口', en: 'Floating' },
  unregistered: { zh: '未落户人口', en: 'Unregistered' },
  foreign: { zh: '境外人员', en: 'Foreign' },
};

export const HOUSEHOLD_STATUS_LABELS: Labels<HouseholdStatus> = {
  together: { zh: '人户一致', en: 'Living at registered address' },
  present_not_at_registered: { zh: '人在户不在', en: 'Living here, registered elsewhere' },
  registered_absent: { zh: '户在人不在', en: 'Registered here, living elsewhere' },
};

export const PERSON_STATUS_LABELS: Labels<PersonStatus> = {
  active: { zh: '在册', en: 'Active' },
  moved_out: { zh: '已迁出', en: 'Moved out' },
  deceased: { zh: '已死亡', en: 'Deceased' },
};

export const DATA_STATE_LABELS: Labels<DataState> = {
  entered: { zh: '录入', en: 'Entered' },
  claimed: { zh: '认领', en: 'Claimed' },
  verified: { zh: '已核实', en: 'Verified' },
};

export const RESIDENCE_TYPE_LABELS: Labels<ResidenceType> = {
  own: { zh: '自有', en: 'Own' },
  rent: { zh: '租住', en: 'Rent' },
  lodge: { zh: '借住', en: 'Lodging' },
  other: { zh: '其他', en: 'Other' },
};

export const HOUSEHOLDER_RELATION_LABELS: Labels<HouseholderRelation> = {
  self: { zh: '本人', en: 'Householder' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandparent: { zh: '(外)祖父母', en: 'Grandparent' },
  grandchild: { zh: '(外)孙子女', en: 'Grandchild' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  child_in_law: { zh: '儿媳/女婿', en: 'Child-in-law' },
  other_relative: { zh: '其他亲属', en: 'Other relative' },
  non_relative: { zh: '非亲属', en: 'Not related' },
};

export const PERSON_GENDER_LABELS: Labels<PersonGender> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
  unknown: { zh: '未知', en: 'Unknown' },
};

export const PERSON_EVENT_LABELS: Labels<PersonEventAction> = {
  created: { zh: '登记', en: 'Registered' },
  updated: { zh: '修改', en: 'Updated' },
  moved_in: { zh: '迁入', en: 'Moved in' },
  moved_out: { zh: '迁出', en: 'Moved out' },
  claimed: { zh: '认领', en: 'Claimed' },
  verified: { zh: '核实', en: 'Verified' },
  deceased: { zh: '死亡', en: 'Deceased' },
  merged: { zh: '合并', en: 'Merged' },
};

/** Passport and other document numbers: 5–20 letters or digits (upper-cased before storing). */
export const PERSON_DOC_PATTERN = /^[A-Z0-9]{5,20}$/;
export const PERSON_DOC_MESSAGE = '证件号码应为5–20位字母或数字';

/**
 * The searchable form of a name: full-width to half-width (NFKC), lower case, without spaces, the 间隔号 of
 * transliterated names (·•・) and the LIKE wildcards. Stored beside the name and applied to the search text,
 * so a prefix search is a plain LIKE 'x%' on an index.
 */
export function normalizeNameSearch(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•・.．%_\\]/g, '');
}

/** Most rows one export may hold; a larger result must be narrowed by its filter. */
export const PERSONS_EXPORT_MAX = 50_000;
