/**
 * 管理部件 (managed city components) per GB/T 47678.5-2026 表2: codes, conditions and the
 * field names import files use. Pure data and functions, shared by the server and the web app
 * (the import template lists the same columns the server reads).
 */

/** 管理部件状态 (表2 field 10). */
export const COMPONENT_STATUSES = ['intact', 'damaged', 'lost', 'abandoned', 'removed'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export const COMPONENT_STATUS_LABELS: Record<ComponentStatus, { zh: string; en: string }> = {
  intact: { zh: '完好', en: 'Intact' },
  damaged: { zh: '破损', en: 'Damaged' },
  lost: { zh: '丢失', en: 'Lost' },
  abandoned: { zh: '废弃', en: 'Abandoned' },
  removed: { zh: '移除', en: 'Removed' },
};

/** A status from its code or its Chinese label (files written by people use either). */
export function parseComponentStatus(text: string): ComponentStatus | null {
  const t = text.trim();
  for (const s of COMPONENT_STATUSES)
    if (s === t.toLowerCase() || COMPONENT_STATUS_LABELS[s].zh === t) return s;
  return null;
}

/** 管理部件标识码 (GB/T 47678.5-2026): 6 admin + 2 大类 + 3 小类 + 6 serial. */
export const COMPONENT_CODE_PATTERN = /^\d{17}$/;
/** 部件标识码 of CJ/T 214 / GB/T 30428.2: 6 admin + 2 大类 + 2 小类 + 6 serial. Kept only as an alias. */
export const LEGACY_COMPONENT_CODE_PATTERN = /^\d{16}$/;

export interface ComponentCodeParts {
  adminCode: string;
  classCode: string;
  serial: string;
}

/** The parts of a 17-digit code, or null when it is not one. */
export function splitComponentCode(code: string): ComponentCodeParts | null {
  if (!COMPONENT_CODE_PATTERN.test(code)) return null;
  return { adminCode: code.slice(0, 6), classCode: code.slice(6, 11), serial: code.slice(11) };
}

/** The fields an import row can carry, as named in the API. */
export type ComponentImportField =
  | 'code'
  | 'name'
  | 'deptCode'
  | 'deptName'
  | 'ownerCode'
  | 'ownerName'
  | 'maintainerCode'
  | 'maintainerName'
  | 'gridCode'
  | 'status'
  | 'initialDate'
  | 'changeDate'
  | 'dataSource'
  | 'remarks'
  | 'streetCode'
  | 'streetName'
  | 'communityCode'
  | 'communityName'
  | 'classCode'
  | 'legacyCode'
  | 'lng'
  | 'lat';

export interface ComponentImportColumn {
  field: ComponentImportField;
  /** 字段名称 of 表2 (or a descriptive Chinese name for our own columns). */
  zh: string;
  /** 字段代码 of 表2, when the standard has one. */
  abbr: string | null;
  /** Other spellings seen in files (case-insensitive). */
  aliases: readonly string[];
  required: boolean;
  /**
   * Derived from the location on import (所在网格, 街道, 社区): a value in the file is compared
   * with the located one and a difference is reported as a warning; the located value is stored.
   */
  derived: boolean;
}

const col = (
  field: ComponentImportField,
  zh: string,
  abbr: string | null,
  o: { required?: boolean; derived?: boolean; aliases?: string[] } = {},
): ComponentImportColumn => ({
  field,
  zh,
  abbr,
  aliases: o.aliases ?? [],
  required: o.required ?? false,
  derived: o.derived ?? false,
});

/** Every column the importer reads, in the order of 表2, then our own. Other columns become local extension attributes. */
export const COMPONENT_IMPORT_COLUMNS: readonly ComponentImportColumn[] = [
  col('code', '管理部件标识码', 'GLBJBSM', { required: true }),
  col('name', '管理部件名称', 'GLBJMC', { required: true }),
  col('deptCode', '主管部门代码', 'ZGBMDM', { required: true }),
  col('deptName', '主管部门名称', 'ZGBMMC', { required: true }),
  col('ownerCode', '权属单位代码', 'QSDWDM'),
  col('ownerName', '权属单位名称', 'QSDWMC'),
  col('maintainerCode', '养护单位代码', 'YHDWDM'),
  col('maintainerName', '养护单位名称', 'YHDWMC'),
  col('gridCode', '所在单元网格标识码', 'SZDYWGBSM', { derived: true }),
  col('status', '管理部件状态', 'GLBJZT'),
  col('initialDate', '初始日期', 'CSRQ', { required: true }),
  col('changeDate', '变更日期', 'BGRQ'),
  col('dataSource', '数据来源', 'SJLY'),
  col('remarks', '备注', 'BZ'),
  col('streetCode', '所在街道（镇、乡）代码', 'SZJDDM', { derived: true }),
  col('streetName', '所在街道（镇、乡）名称', 'SZJDMC', { derived: true }),
  col('communityCode', '所在社区（村）代码', 'SZSQDM', { derived: true }),
  col('communityName', '所在社区（村）名称', 'SZSQMC', { derived: true }),
  col('classCode', '部件小类代码', null, { aliases: ['class_code'] }),
  col('legacyCode', '旧部件标识码', null, { aliases: ['legacy_code'] }),
  col('lng', '经度', null, { required: true, aliases: ['lon', 'longitude', 'X坐标'] }),
  col('lat', '纬度', null, { required: true, aliases: ['latitude', 'Y坐标'] }),
];

/** Header spellings differ in width of brackets, spaces and letter case; compare them normalised. */
export function normalizeColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[,，]/g, '、')
    .toUpperCase();
}

const COLUMN_BY_NAME: ReadonlyMap<string, ComponentImportColumn> = new Map(
  COMPONENT_IMPORT_COLUMNS.flatMap((c) =>
    [c.field, c.zh, ...(c.abbr ? [c.abbr] : []), ...c.aliases].map(
      (n) => [normalizeColumnName(n), c] as const,
    ),
  ),
);

/** The column a header or property name stands for: 表2 name, abbreviation, API field name or alias. */
export function componentColumnFor(name: string): ComponentImportColumn | null {
  return COLUMN_BY_NAME.get(normalizeColumnName(name)) ?? null;
}
