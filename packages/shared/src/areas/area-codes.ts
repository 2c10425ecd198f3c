import { z } from 'zod';

/** 区 → 街道 → 社区 → 网格 */
export const AREA_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
export const AreaLevelSchema = z.enum(AREA_LEVELS);

export const AREA_LEVEL_LABELS: Record<AreaLevel, { zh: string; en: string }> = {
  district: { zh: '区', en: 'District' },
  street: { zh: '街道', en: 'Street' },
  community: { zh: '社区', en: 'Community' },
  grid: { zh: '网格', en: 'Grid' },
};

/** 单元网格 / 微网格 / 专属网格 */
export const GRID_TYPES = ['unit', 'micro', 'dedicated'] as const;
export type GridType = (typeof GRID_TYPES)[number];
export const GridTypeSchema = z.enum(GRID_TYPES);
export const GRID_TYPE_LABELS: Record<GridType, { zh: string; en: string }> = {
  unit: { zh: '单元网格', en: 'Unit grid' },
  micro: { zh: '微网格', en: 'Micro-grid' },
  dedicated: { zh: '专属网格', en: 'Dedicated grid' },
};

/**
 * Grid code schemes. Real data mixes them, so each grid stores its own; the deployment
 * setting only chooses the default for new grids.
 */
export const GRID_SCHEMES = ['cjt213', 'gbt47678', 'db11'] as const;
export type GridScheme = (typeof GRID_SCHEMES)[number];
export const GridSchemeSchema = z.enum(GRID_SCHEMES);

export const GRID_SCHEME_LABELS: Record<GridScheme, string> = {
  cjt213: 'CJ/T 213 (14 位数字)',
  gbt47678: 'GB/T 47678.3 (15 位数字或大写字母)',
  db11: 'DB11 (15 位数字)',
};

const LEVEL_PATTERNS: Record<Exclude<AreaLevel, 'grid'>, RegExp> = {
  district: /^\d{6}$/,
  street: /^\d{9}$/,
  community: /^\d{12}$/,
};
const GRID_PATTERNS: Record<GridScheme, RegExp> = {
  cjt213: /^\d{14}$/,
  db11: /^\d{15}$/,
  gbt47678: /^[0-9A-Z]{15}$/,
};
/** Micro-grids subdivide a grid: the grid's code plus a 2–4 digit serial. */
const MICRO_SUFFIX = /^\d{2,4}$/;

export const PARENT_LEVEL: Record<AreaLevel, AreaLevel | null> = {
  district: null,
  street: 'district',
  community: 'street',
  grid: 'community',
};

/**
 * The scheme a grid code is written in, or null when it fits none. A 15-digit code fits
 * both DB11 and GB/T 47678.3; the deployment's default scheme decides between them.
 */
export function detectGridScheme(code: string, preferred?: GridScheme): GridScheme | null {
  if (preferred && GRID_PATTERNS[preferred].test(code)) return preferred;
  if (GRID_PATTERNS.cjt213.test(code)) return 'cjt213';
  if (GRID_PATTERNS.db11.test(code)) return 'db11';
  if (GRID_PATTERNS.gbt47678.test(code)) return 'gbt47678';
  return null;
}

/**
 * Why a code is not acceptable for its level, or null when it is. A child's code must
 * extend its parent's (the prefix rule that scoping by code relies on).
 */
export function codeProblem(input: {
  code: string;
  level: AreaLevel;
  gridType?: GridType | undefined;
  /** When the data names its scheme, the code must follow it. */
  gridScheme?: GridScheme | null | undefined;
  parentCode?: string | null | undefined;
  parentLevel?: AreaLevel | null | undefined;
}): string | null {
  const { code, level, parentCode } = input;
  if (level === 'grid') {
    if (input.gridType === 'micro') {
      if (
        !parentCode ||
        !code.startsWith(parentCode) ||
        !MICRO_SUFFIX.test(code.slice(parentCode.length))
      )
        return `微网格编码应为所属网格编码加 2–4 位序号 (${code})`;
      return null;
    }
    if (input.gridScheme && !GRID_PATTERNS[input.gridScheme].test(code))
      return `网格编码不符合 ${GRID_SCHEME_LABELS[input.gridScheme]} (${code})`;
    if (!detectGridScheme(code))
      return `网格编码应为 14 位数字 (CJ/T 213) 或 15 位 (GB/T 47678.3 / DB11) (${code})`;
  } else if (!LEVEL_PATTERNS[level].test(code)) {
    const lengths = { district: 6, street: 9, community: 12 } as const;
    return `${AREA_LEVEL_LABELS[level].zh}编码应为 ${lengths[level]} 位数字 (${code})`;
  }
  if (level === 'district' && code.endsWith('00')) return `区县编码不能以 00 结尾 (${code})`;
  if (parentCode != null && !code.startsWith(parentCode))
    return `编码 ${code} 未以上级编码 ${parentCode} 开头`;
  return null;
}
