import { useState, type ReactNode } from 'react';
import { Card, Flex, Pagination, Typography } from 'antd';
import { Link } from 'react-router';
import { PATHS } from '../../../app/paths';
import { QueryError } from '../../../components/query-error';
import { useHasPermission } from '../../auth/api';
import { useI18n } from '../../../lib/i18n';
import { useAuditEntries, type AuditFilters } from '../api';
import { AuditEntriesTable } from './audit-entries-table';

export interface AuditTrailProps {
  /** The audit target type of the records shown, e.g. 'dispatch_rule', 'category', 'registration_condition'. */
  targetType: string;
  /** One record's entries only; all records of the type without it. */
  targetId?: string;
  /** Only these action codes (e.g. ['condition_changed']); every action without it. */
  actions?: string[];
  /** Rows per page; 10 by default. */
  pageSize?: number;
  /** The card's title; "审计记录" without it. */
  title?: ReactNode;
}

/**
 * "This table's audit entries", for configuration pages: the entries of one target type (or one record), newest
 * first, paged, with a link to the audit page filtered the same way. Renders nothing for users without audit.read.
 */
export function AuditTrail(props: AuditTrailProps) {
  const canRead = useHasPermission('audit.read');
  return canRead ? <AuditTrailList {...props} /> : null;
}

function AuditTrailList({ targetType, targetId, actions, pageSize = 10, title }: AuditTrailProps) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const filters: AuditFilters = {
    targetType,
    ...(targetId ? { targetId } : {}),
    ...(actions?.length ? { action: actions } : {}),
  };
  const q = useAuditEntries(filters, page, pageSize);
  const link = new URLSearchParams({ targetType, ...(targetId ? { targetId } : {}) });
  if (actions?.length) link.set('action', actions.join(','));
  return (
    <Card
      size="small"
      title={title ?? t('audit.embeddedTitle')}
      extra={<Link to={`${PATHS.audit}?${link.toString()}`}>{t('audit.viewAll')}</Link>}
      styles={{ body: { padding: 0 } }}
      data-testid="audit-trail"
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <AuditEntriesTable
            rows={q.data?.items ?? []}
            loading={q.isPending}
            compact
            testId="audit-trail-table"
          />
          <Flex justify="space-between" align="center" style={{ padding: '8px 12px' }}>
            <Typography.Text type="secondary">
              {t('common.total', { n: q.data?.total ?? 0 })}
            </Typography.Text>
            <Pagination
              simple
              size="small"
              current={page}
              pageSize={pageSize}
              total={q.data?.total ?? 0}
              onChange={setPage}
            />
          </Flex>
        </>
      )}
    </Card>
  );
}
