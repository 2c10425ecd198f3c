import type { GroupFieldType } from './special-groups.constants';

/** One attribute a group definition declares (原罪名, 刑期 …); the list is data, so local groups add their own. */
export interface GroupFieldDef {
  key: string;
  label: string;
  type: GroupFieldType;
  options?: string[] | undefined;
  required?: boolean | undefined;
}

export type GroupFieldValue = string | number | boolean | null;

const isRealDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * Checks a membership's field values against its group's definition: unknown keys, missing required values, wrong
 * types, impossible dates and options outside a select list. Pure, so the web form shows the same messages.
 * Returns the first problem as { field: 'fields.<key>', message }, or null.
 */
export function groupFieldProblem(
  defs: readonly GroupFieldDef[],
  values: Readonly<Record<string, GroupFieldValue>>,
): { field: string; message: string } | null {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const key of Object.keys(values))
    if (!byKey.has(key)) return { field: `fields.${key}`, message: `该人群没有字段 ${key}` };
  for (const d of defs) {
    const v = values[d.key];
    const field = `fields.${d.key}`;
    if (v === undefined || v === null || v === '') {
      if (d.required) return { field, message: `请填写${d.label}` };
      continue;
    }
    switch (d.type) {
      case 'text':
        if (typeof v !== 'string') return { field, message: `${d.label}应为文本` };
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v))
          return { field, message: `${d.label}应为数字` };
        break;
      case 'boolean':
        if (typeof v !== 'boolean') return { field, message: `${d.label}应为是或否` };
        break;
      case 'date':
        if (typeof v !== 'string' || !isRealDate(v))
          return { field, message: `${d.label}应为日期 YYYY-MM-DD` };
        break;
      case 'select':
        if (typeof v !== 'string' || !(d.options ?? []).includes(v))
          return { field, message: `${d.label}应为 ${(d.options ?? []).join('/')} 之一` };
        break;
    }
  }
  return null;
}

/** Drops empty values so stored JSON holds only what was said. */
export function compactFieldValues(
  values: Readonly<Record<string, GroupFieldValue>>,
): Record<string, GroupFieldValue> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== ''));
}
