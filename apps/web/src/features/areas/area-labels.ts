import { AREA_LEVEL_LABELS, GRID_TYPE_LABELS, type AreaLevel, type GridType } from '@wangge/shared';
import type { Lang } from '../../lib/i18n';

/** 单元网格 / 微网格 / 专属网格 for grids, otherwise the level (区, 街道, 社区). */
export function areaTypeLabel(
  area: { level: AreaLevel; gridType: GridType | null },
  lang: Lang,
): string {
  if (area.level === 'grid' && area.gridType) return GRID_TYPE_LABELS[area.gridType][lang];
  return AREA_LEVEL_LABELS[area.level][lang];
}

export function levelLabel(level: AreaLevel, lang: Lang): string {
  return AREA_LEVEL_LABELS[level][lang];
}

/** Area in km² with two decimals. */
export function formatKm2(km2: number): string {
  return `${km2.toFixed(2)} km²`;
}
