import { Tag, Typography } from 'antd';
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  auditActionInfo,
  auditDetailLines,
  type AuditActionGroup,
  type AuditLabel,
} from '@wangge/shared';
import { useI18n, type Lang } from '../../lib/i18n';
import type { AuditEntry } from './api';

const GROUP_COLOR: Record<AuditActionGroup, string> = {
  login: 'default',
  account: 'blue',
  personal: 'red',
  transfer: 'orange',
  registry: 'purple',
  organisation: 'cyan',
  config: 'geekblue',
  system: 'magenta',
};

export function actionLabel(code: string, lang: Lang): string {
  return auditActionInfo(code)?.[lang] ?? code;
}

export function targetTypeLabel(type: string, lang: Lang): string {
  return (AUDIT_TARGET_TYPES as Record<string, AuditLabel>)[type]?.[lang] ?? type;
}

/** The action select's options, grouped as the table of actions groups them. */
export function actionOptions(lang: Lang) {
  const groups = Object.keys(AUDIT_ACTION_GROUPS) as AuditActionGroup[];
  return groups.map((g) => ({
    label: AUDIT_ACTION_GROUPS[g][lang],
    title: AUDIT_ACTION_GROUPS[g][lang],
    options: Object.entries(AUDIT_ACTIONS)
      .filter(([, a]) => a.group === g)
      .map(([code, a]) => ({ value: code, label: a[lang] })),
  }));
}

export function targetTypeOptions(lang: Lang) {
  return Object.entries(AUDIT_TARGET_TYPES).map(([value, l]) => ({ value, label: l[lang] }));
}

export function ActionTag({ code }: { code: string }) {
  const { lang } = useI18n();
  const info = auditActionInfo(code);
  return (
    <Tag color={info ? GROUP_COLOR[info.group] : 'default'} style={{ marginInlineEnd: 0 }}>
      {actionLabel(code, lang)}
    </Tag>
  );
}

/** Type and name; a record beyond the viewer's areas shows its type only, with "(范围外)". */
export function TargetText({ entry }: { entry: AuditEntry }) {
  const { t, lang } = useI18n();
  if (!entry.targetType) return <>—</>;
  const type = targetTypeLabel(entry.targetType, lang);
  if (entry.targetOutOfScope)
    return (
      <span>
        {type}
        <Typography.Text type="secondary">{t('audit.outOfScope')}</Typography.Text>
      </span>
    );
  return (
    <span>
      <Typography.Text type="secondary">{type}</Typography.Text>
      {entry.targetName ? <> · {entry.targetName}</> : null}
    </span>
  );
}

/** The reason first (for unmasking, searches and exports), then the detail as key: value lines. */
export function DetailLines({ entry }: { entry: AuditEntry }) {
  const { t, lang } = useI18n();
  const { reason, lines } = auditDetailLines(entry.action, entry.detail, lang);
  if (!reason && lines.length === 0) return <>—</>;
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      {reason ? (
        <div data-testid="audit-reason">
          <Tag color="gold" style={{ marginInlineEnd: 4 }}>
            {t('audit.reason')}
          </Tag>
          <Typography.Text strong>{reason}</Typography.Text>
        </div>
      ) : null}
      {lines.map((l) => (
        <div key={l.key}>
          <Typography.Text type="secondary">
            {l.label}
            {lang === 'zh' ? '：' : ': '}
          </Typography.Text>
          <span style={{ wordBreak: 'break-all' }}>{l.value}</span>
        </div>
      ))}
    </div>
  );
}
