import type { FormInstance } from 'antd';
import {
  FOCUS_TAG_LABELS,
  HAZARD_LEVEL_LABELS,
  INSPECTION_RESULT_LABELS,
  PLACE_TYPE_LABELS,
  UNIT_STATUS_LABELS,
  UNIT_TYPE_LABELS,
  type FocusTag,
  type HazardLevel,
  type InspectionResult,
  type PlaceType,
  type UnitStatus,
  type UnitType,
} from '@wangge/shared';
import { isApiError } from '../../lib/api-client';
import type { UnmaskLabels } from '../../components/unmask-dialog';
import { labelOf, type Lang } from '../../lib/i18n';

const enc = encodeURIComponent;
export const unitPath = (id: string) => `/units/${enc(id)}`;
export const unitEditPath = (id: string) => `/units/${enc(id)}/edit`;
export const placePath = (id: string) => `/places/${enc(id)}`;
export const placeEditPath = (id: string) => `/places/${enc(id)}/edit`;
export const targetPath = (type: 'unit' | 'place', id: string) =>
  type === 'unit' ? unitPath(id) : placePath(id);

/** 查看完整信息 on units and places alike; the server asks 4 characters of reason on both. */
export const UNMASK_LABELS: UnmaskLabels = {
  title: 'units.unmaskTitle',
  hint: 'units.unmaskHint',
  reason: 'units.unmaskReason',
  reasonShort: 'units.unmaskReasonShort',
  submit: 'units.unmaskSubmit',
};
export const UNMASK_MIN_REASON = 4;

export const unitTypeLabel = (v: UnitType, lang: Lang) => labelOf(UNIT_TYPE_LABELS, v, lang);
export const focusTagLabel = (v: FocusTag, lang: Lang) => labelOf(FOCUS_TAG_LABELS, v, lang);
export const unitStatusLabel = (v: UnitStatus, lang: Lang) => labelOf(UNIT_STATUS_LABELS, v, lang);
export const placeTypeLabel = (v: PlaceType, lang: Lang) => labelOf(PLACE_TYPE_LABELS, v, lang);
export const resultLabel = (v: InspectionResult, lang: Lang) =>
  labelOf(INSPECTION_RESULT_LABELS, v, lang);
export const hazardLevelLabel = (v: HazardLevel, lang: Lang) =>
  labelOf(HAZARD_LEVEL_LABELS, v, lang);

/** The label of an overdue item's kind, whichever table it comes from. */
export function kindLabel(targetType: 'unit' | 'place', kind: string, lang: Lang): string {
  const table: Record<string, { zh: string; en: string }> =
    targetType === 'unit' ? UNIT_TYPE_LABELS : PLACE_TYPE_LABELS;
  return table[kind]?.[lang] ?? kind;
}

/** Today in Shanghai (YYYY-MM-DD), the day the server compares due dates with. */
export function todayShanghai(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Puts a server error next to the form field it names (lng/lat are the map point, shown by the page).
 * Returns the message when no field took it, so the page can show it above the button.
 */
export function showServerError(
  form: FormInstance,
  err: unknown,
  fields: readonly string[],
  onPoint?: (message: string) => void,
): string | null {
  const message = err instanceof Error ? err.message : String(err);
  const field = isApiError(err) ? err.field : undefined;
  if ((field === 'lng' || field === 'lat') && onPoint) {
    onPoint(message);
    return null;
  }
  const path = (field ?? '').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (field && fields.includes(String(path[0]))) {
    form.setFields([{ name: path, errors: [message] }]);
    return null;
  }
  return message;
}
