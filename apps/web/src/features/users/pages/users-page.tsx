import { useMemo, useState } from 'react';
import { Button, Card, Input, Popconfirm, Table, Tag } from 'antd';
import type { User } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useHasPermission } from '../../auth/api';
import { useRoles, useUnlockUser, useUsers } from '../api';

const PAGE_SIZE = 20;

export function UsersPage() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const users = useUsers({ q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const roles = useRoles();
  const canManage = useHasPermission('users.manage');
  const unlock = useUnlockUser();
  const roleNames = useMemo(
    () =>
      new Map((roles.data?.items ?? []).map((r) => [r.code, lang === 'zh' ? r.name : r.nameEn])),
    [roles.data, lang],
  );

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        <Input.Search
          allowClear
          placeholder={t('users.search')}
          style={{ width: 260, maxWidth: '100%' }}
          onSearch={(value) => {
            setQ(value);
            setPage(1);
          }}
          data-testid="users-search"
        />
      }
    >
      <Card size="small">
        {users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<User>
            size="middle"
            rowKey="id"
            loading={users.isFetching}
            dataSource={users.data?.items ?? []}
            scroll={{ x: 900 }}
            data-testid="users-table"
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: users.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t('common.total', { n }),
              onChange: setPage,
            }}
            columns={[
              {
                title: t('users.username'),
                dataIndex: 'username',
                width: 160,
                render: (v: string) => <span className="area-code">{v}</span>,
              },
              { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
              {
                title: t('users.phone'),
                dataIndex: 'phone',
                width: 140,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('users.roles'),
                dataIndex: 'roles',
                render: (codes: string[]) =>
                  codes.map((c) => <Tag key={c}>{roleNames.get(c) ?? c}</Tag>),
              },
              {
                title: t('users.areas'),
                dataIndex: 'areaCodes',
                render: (codes: string[]) => <span className="area-code">{codes.join(', ')}</span>,
              },
              {
                title: t('users.status'),
                dataIndex: 'status',
                width: 90,
                render: (s: User['status']) =>
                  s === 'active' ? (
                    <Tag color="green">{t('users.active')}</Tag>
                  ) : (
                    <Tag>{t('users.disabled')}</Tag>
                  ),
              },
              ...(canManage
                ? [
                    {
                      key: 'unlock',
                      width: 110,
                      render: (_v: unknown, row: User) => (
                        <Popconfirm
                          title={t('users.unlockConfirm')}
                          onConfirm={() =>
                            unlock.mutate(row.id, {
                              onSuccess: () => notifySuccess(t('users.unlocked')),
                            })
                          }
                        >
                          <Button size="small">{t('users.unlock')}</Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
