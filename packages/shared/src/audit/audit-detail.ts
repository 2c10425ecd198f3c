import {
  AUDIT_DETAIL_KEYS,
  AUDIT_DETAIL_VALUES,
  AUDIT_HIDDEN_DETAIL_KEYS,
  auditActionHasReason,
  auditActionInfo,
} from './audit-labels';

export interface AuditDetailLine {
  key: string;
  label: string;
  value: string;
}

type Lang = 'zh' | 'en';

function valueText(v: unknown, lang: Lang, depth: number): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean')
    return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (typeof v === 'string') {
    // An action filter (the export's) names action codes, one or several.
    if (/^[a-z_]+(,[a-z_]+)*$/.test(v) && v.split(',').every((c) => auditActionInfo(c)))
      return v
        .split(',')
        .map((c) => auditActionInfo(c)![lang])
        .join(lang === 'zh' ? '、' : ', ');
    return AUDIT_DETAIL_VALUES[v]?.[lang] ?? v;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v))
    return v.length === 0
      ? '—'
      : v.map((x) => valueText(x, lang, depth + 1)).join(lang === 'zh' ? '、' : ', ');
  if (typeof v === 'object') {
    if (depth > 2) return '…';
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([k, x]) => !AUDIT_HIDDEN_DETAIL_KEYS.includes(k) && x !== undefined)
      .map(([k, x]) => `${AUDIT_DETAIL_KEYS[k]?.[lang] ?? k}: ${valueText(x, lang, depth + 1)}`);
    return parts.length ? parts.join(lang === 'zh' ? '；' : '; ') : '—';
  }
  return String(v);
}

/**
 * An entry's detail as labelled lines, for the page and the export. Hashes and ids the page resolves elsewhere are
 * left out; the reason of an action that demands one is kept apart (`reason`), to be shown first. The audit never
 * stores personal values (ID numbers, phones in clear, birth dates): writers store field names, counts and masks.
 */
export function auditDetailLines(
  action: string,
  detail: unknown,
  lang: Lang,
): { reason: string | null; lines: AuditDetailLine[] } {
  if (!detail || typeof detail !== 'object' || Array.isArray(detail))
    return { reason: null, lines: [] };
  const entries = Object.entries(detail as Record<string, unknown>);
  const withReason = auditActionHasReason(action);
  let reason: string | null = null;
  const lines: AuditDetailLine[] = [];
  for (const [key, value] of entries) {
    if (AUDIT_HIDDEN_DETAIL_KEYS.includes(key) || value === undefined) continue;
    if (withReason && key === 'reason' && typeof value === 'string') {
      reason = value;
      continue;
    }
    lines.push({
      key,
      label: AUDIT_DETAIL_KEYS[key]?.[lang] ?? key,
      value: valueText(value, lang, 0),
    });
  }
  return { reason, lines };
}
