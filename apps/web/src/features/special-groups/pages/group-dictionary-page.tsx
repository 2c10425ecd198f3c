import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { SpecialGroup } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useSpecialGroups } from '../api';
import { GroupForm } from '../components/group-form';

/** 人群类别字典 (special.configure): the seeded groups and local ones; fields and visit intervals are data. */
export function GroupDictionaryPage() {
  const { t } = useI18n();
  const groups = useSpecialGroups();
  const [editing, setEditing] = useState<SpecialGroup | 'new' | null>(null);
  return (
    <PageContainer
      title={t('groups.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="group-new"
        >
          {t('groups.add')}
        </Button>
      }
    >
      <Card size="small">
        {groups.isError ? (
          <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
        ) : (
          <Table<SpecialGroup>
            size="middle"
            rowKey="code"
            loading={groups.isFetching}
            dataSource={groups.data?.items ?? []}
            pagination={false}
            scroll={{ x: 860 }}
            data-testid="groups-table"
            columns={[
              { title: t('groups.name'), dataIndex: 'name', width: 180 },
              {
                title: t('groups.code'),
                dataIndex: 'code',
                width: 190,
                render: (v: string) => <span className="area-code">{v}</span>,
              },
              {
                title: t('groups.kind'),
                dataIndex: 'kind',
                width: 110,
                render: (k: SpecialGroup['kind']) => t(`groups.kind.${k}`),
              },
              {
                title: t('groups.sensitivity'),
                dataIndex: 'sensitivity',
                width: 100,
                render: (s: SpecialGroup['sensitivity']) => (
                  <Tag color={s === 'general' ? 'default' : 'red'}>
                    {t(`groups.sensitivity.${s}`)}
                  </Tag>
                ),
              },
              {
                title: t('groups.fieldCount'),
                key: 'fields',
                width: 80,
                render: (_: unknown, g) => g.fields.length,
              },
              {
                title: t('groups.intervals'),
                key: 'intervals',
                width: 180,
                render: (_: unknown, g) => (
                  <Space size={4}>
                    <Tag>{g.intervals.normal}</Tag>/<Tag color="orange">{g.intervals.medium}</Tag>/
                    <Tag color="red">{g.intervals.high}</Tag>
                  </Space>
                ),
              },
              {
                title: t('groups.active'),
                dataIndex: 'active',
                width: 70,
                render: (a: boolean) =>
                  a ? <Tag color="green">{t('special.yes')}</Tag> : <Tag>{t('special.no')}</Tag>,
              },
              {
                title: t('special.actions'),
                key: 'actions',
                width: 80,
                render: (_: unknown, g) => (
                  <Button type="link" size="small" onClick={() => setEditing(g)}>
                    {t('special.editShort')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing ? (
        <GroupForm
          group={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </PageContainer>
  );
}
