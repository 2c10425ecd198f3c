import { Tag } from 'antd';
import {
  ATTENTION_LEVEL_LABELS,
  type AttentionLevel,
  type GroupField,
  type GroupFieldValue,
} from '@wangge/shared';
import { isApiError } from '../../lib/api-client';
import { labelOf, type Lang } from '../../lib/i18n';

const ATTENTION_COLORS: Record<AttentionLevel, string> = {
  normal: 'default',
  medium: 'orange',
  high: 'red',
};

export function AttentionTag({ level, lang }: { level: AttentionLevel; lang: Lang }) {
  return <Tag color={ATTENTION_COLORS[level]}>{labelOf(ATTENTION_LEVEL_LABELS, level, lang)}</Tag>;
}

/** A field value as text: 是/否 for booleans, — for nothing. */
export function fieldValueText(
  field: GroupField,
  value: GroupFieldValue | undefined,
  yesNo: [string, string],
): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field.type === 'boolean') return value ? yesNo[0] : yesNo[1];
  return String(value);
}

/** The server names a nested field as 'fields.key'; antd forms want a path. */
export function formPathOf(err: unknown): (string | number)[] | null {
  if (!isApiError(err) || !err.field) return null;
  return err.field.split('.');
}

/** Today as YYYY-MM-DD in the browser's time (the product's users are in China). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A datetime-local input value for now (minute precision). */
export function nowLocalInput(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return `${todayIso()}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A datetime-local value (browser time) as ISO with offset, for the API. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}
