import type { ReactNode } from 'react';
import { Card, Flex, Pagination, Typography } from 'antd';
import { useI18n } from '../lib/i18n';
import { QueryError } from './query-error';

interface PagedListCardProps {
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** The line left of the pager; "共 N 条" without it. */
  summary?: ReactNode;
  children: ReactNode;
}

/** A list page's results: the rows in a flush card with the count and a compact pager under them, or the load error. */
export function PagedListCard({
  query,
  page,
  pageSize,
  total,
  onPage,
  summary,
  children,
}: PagedListCardProps) {
  const { t } = useI18n();
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      {children}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '8px 12px' }}>
        <Typography.Text type="secondary">
          {summary ?? t('common.total', { n: total })}
        </Typography.Text>
        <Pagination
          simple
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={onPage}
          size="small"
        />
      </Flex>
    </Card>
  );
}
