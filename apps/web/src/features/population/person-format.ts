import {
  DATA_STATE_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  HOUSEHOLDER_RELATION_LABELS,
  PERSON_EVENT_LABELS,
  PERSON_GENDER_LABELS,
  PERSON_ID_TYPE_LABELS,
  PERSON_STATUS_LABELS,
  POPULATION_TYPE_LABELS,
  RESIDENCE_TYPE_LABELS,
} from '@wangge/shared';
import type { FormInstance } from 'antd';
import { isApiError } from '../../lib/api-client';
import { type Lang } from '../../lib/i18n';

const enc = encodeURIComponent;
export const personPath = (id: string) => `/persons/${enc(id)}`;
export const personEditPath = (id: string) => `/persons/${enc(id)}/edit`;

type Table = Record<string, { zh: string; en: string }>;
const label = (table: Table) => (v: string | null | undefined, lang: Lang) =>
  v ? (table[v]?.[lang] ?? v) : '';

/** Labels of the stored identifiers, in the current language ('' for null). */
export const fmt = {
  gender: label(PERSON_GENDER_LABELS),
  idType: label(PERSON_ID_TYPE_LABELS),
  populationType: label(POPULATION_TYPE_LABELS),
  householdStatus: label(HOUSEHOLD_STATUS_LABELS),
  status: label(PERSON_STATUS_LABELS),
  dataState: label(DATA_STATE_LABELS),
  residenceType: label(RESIDENCE_TYPE_LABELS),
  relation: label(HOUSEHOLDER_RELATION_LABELS),
  event: label(PERSON_EVENT_LABELS),
};

/** Options of a Select from a label table. */
export const optionsOf = <K extends string>(
  values: readonly K[],
  table: Record<K, { zh: string; en: string }>,
  lang: Lang,
) => values.map((v) => ({ value: v, label: table[v][lang] }));

/** Today in Shanghai (YYYY-MM-DD), the day the server checks dates against. */
export const todayShanghai = (): string =>
  new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export const DATA_STATE_COLORS: Record<string, string> = {
  entered: 'default',
  claimed: 'processing',
  verified: 'success',
};
export const STATUS_COLORS: Record<string, string> = {
  active: 'green',
  moved_out: 'orange',
  deceased: 'default',
};

/**
 * Puts a server error beside the form field it names (`field`, possibly dotted like details.stayUntil); returns the
 * message when no field of this form matches, for an alert above the buttons.
 */
export function fieldError(
  form: FormInstance,
  err: unknown,
  fields: readonly string[],
): string | null {
  const message = err instanceof Error ? err.message : String(err);
  const field = isApiError(err) ? err.field : undefined;
  const path = (field ?? '').split('.');
  if (field && fields.includes(path[0]!)) {
    form.setFields([{ name: path, errors: [message] }]);
    return null;
  }
  return message;
}
