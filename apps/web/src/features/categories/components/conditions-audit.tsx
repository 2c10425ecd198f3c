import { Card, List, Typography } from 'antd';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { useConditionAudit } from '../conditions-api';

function summaryOf(detail: unknown): string {
  const s = (detail as { summary?: unknown } | null)?.summary;
  return typeof s === 'string' ? s : '';
}

/**
 * The latest changes to this table, from the audit log (the audit page has the full log and its filters).
 * Shown only to those who may read the audit log.
 */
export function ConditionsAudit() {
  const { t, lang } = useI18n();
  const audit = useConditionAudit(true);
  return (
    <Card size="small" title={t('conditions.audit')} data-testid="conditions-audit">
      <List
        size="small"
        loading={audit.isPending}
        dataSource={audit.data?.items ?? []}
        locale={{ emptyText: t('conditions.auditEmpty') }}
        renderItem={(e) => (
          <List.Item data-testid="conditions-audit-entry">
            <div style={{ minWidth: 0 }}>
              <Typography.Text type="secondary">
                {formatDateTime(e.at, lang)} · {e.actorName ?? '—'}
              </Typography.Text>
              <div style={{ overflowWrap: 'anywhere' }}>{summaryOf(e.detail) || e.action}</div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
