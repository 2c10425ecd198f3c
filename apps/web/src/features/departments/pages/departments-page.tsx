import { Card, Table, Typography } from 'antd';
import type { Department } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { useDepartments } from '../api';

/** 专业部门: the agencies cases are dispatched to, each serving an area subtree. */
export function DepartmentsPage() {
  const { t, lang } = useI18n();
  const { data, isPending, isError, error, refetch } = useDepartments();
  return (
    <PageContainer title={t('dept.title')}>
      <Card size="small">
        {isError ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<Department>
            size="middle"
            rowKey="id"
            loading={isPending}
            dataSource={data?.items ?? []}
            pagination={{
              pageSize: 20,
              hideOnSinglePage: true,
              showTotal: (n) => t('common.total', { n }),
            }}
            scroll={{ x: 820 }}
            data-testid="departments-table"
            columns={[
              {
                title: t('area.code'),
                dataIndex: 'code',
                width: 140,
                render: (v: string) => <span className="area-code">{v}</span>,
              },
              { title: t('area.name'), dataIndex: 'name' },
              {
                title: t('dept.creditCode'),
                dataIndex: 'creditCode',
                width: 200,
                render: (v: string | null) =>
                  v ? (
                    <Typography.Text className="area-code" copyable>
                      {v}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('dept.area'),
                dataIndex: 'areaCode',
                render: (_v: string, row) => (
                  <span title={row.areaCode}>
                    {row.areaName ?? <span className="area-code">{row.areaCode}</span>}
                  </span>
                ),
              },
              {
                title: t('dept.createdAt'),
                dataIndex: 'createdAt',
                width: 160,
                render: (v: string) => formatDateTime(v, lang),
              },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
