import { Button, Card, Table, Typography } from 'antd';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { useAuditLog, type AuditEntry } from '../api';

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const log = useAuditLog();
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <PageContainer title={t('audit.title')}>
      <Card size="small">
        {log.isError ? (
          <QueryError error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <>
            <Table<AuditEntry>
              size="small"
              rowKey="id"
              loading={log.isPending}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 960 }}
              data-testid="audit-table"
              columns={[
                {
                  title: t('audit.at'),
                  dataIndex: 'at',
                  width: 160,
                  render: (v: string) => formatDateTime(v, lang),
                },
                {
                  title: t('audit.actor'),
                  dataIndex: 'actorName',
                  width: 120,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('audit.action'),
                  dataIndex: 'action',
                  width: 170,
                  render: (v: string) => <span className="area-code">{v}</span>,
                },
                {
                  title: t('audit.target'),
                  key: 'target',
                  width: 200,
                  ellipsis: true,
                  render: (_v, row) =>
                    row.targetType
                      ? `${row.targetType}${row.targetId ? ` · ${row.targetId}` : ''}`
                      : '—',
                },
                {
                  title: t('audit.ip'),
                  dataIndex: 'ip',
                  width: 130,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('audit.detail'),
                  dataIndex: 'detail',
                  render: (v: unknown) => {
                    const text = detailText(v);
                    return text ? (
                      <Typography.Text
                        className="area-code"
                        style={{ fontSize: 12 }}
                        ellipsis={{ tooltip: text }}
                      >
                        {text}
                      </Typography.Text>
                    ) : (
                      '—'
                    );
                  },
                },
              ]}
            />
            {log.hasNextPage ? (
              <div style={{ textAlign: 'center', marginTop: 12 }}>
                <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
    </PageContainer>
  );
}
