import { useMemo, useState } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  ATTENTION_LEVELS,
  ATTENTION_LEVEL_LABELS,
  type AttentionLevel,
  type Membership,
} from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { labelOf, useI18n } from '../../../lib/i18n';
import { useHasPermission } from '../../auth/api';
import { useAreaIndex } from '../../cases/lookups-api';
import { useMemberships, useSpecialGroups, type MembershipListParams } from '../api';
import { CompleteVisitForm } from '../components/complete-visit-form';
import { EndMembershipForm } from '../components/end-membership-form';
import { MembershipForm } from '../components/membership-form';
import { AttentionTag } from '../special-format';

const PAGE_SIZE = 20;

/** 特殊人群 list (special.read): filter by group, attention level and area; 列管, edit, end, record a visit. */
export function SpecialGroupsPage() {
  const { t, lang } = useI18n();
  const canManage = useHasPermission('special.manage');
  const canRecord = useHasPermission('visits.record');
  const [filters, setFilters] = useState<Omit<MembershipListParams, 'limit' | 'offset'>>({
    active: 'true',
  });
  const [page, setPage] = useState(1);
  const list = useMemberships({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const groups = useSpecialGroups();
  const areas = useAreaIndex();
  const [editing, setEditing] = useState<Membership | 'new' | null>(null);
  const [ending, setEnding] = useState<Membership | null>(null);
  const [visiting, setVisiting] = useState<Membership | null>(null);
  const areaOptions = useMemo(
    () =>
      (areas.data?.items ?? [])
        .filter((a) => a.level !== 'district')
        .map((a) => ({ value: a.code, label: a.name })),
    [areas.data],
  );
  const set = (patch: Partial<MembershipListParams>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <PageContainer
      title={t('special.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="membership-new"
          >
            {t('special.newMembership')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            allowClear
            placeholder={t('special.group')}
            style={{ width: 200 }}
            value={filters.groupCode}
            onChange={(v?: string) => set({ groupCode: v })}
            options={(groups.data?.items ?? []).map((g) => ({ value: g.code, label: g.name }))}
            data-testid="filter-group"
          />
          <Select
            allowClear
            placeholder={t('special.attention')}
            style={{ width: 120 }}
            value={filters.attentionLevel}
            onChange={(v?: MembershipListParams['attentionLevel']) => set({ attentionLevel: v })}
            options={ATTENTION_LEVELS.map((l) => ({
              value: l,
              label: labelOf(ATTENTION_LEVEL_LABELS, l, lang),
            }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('special.area')}
            style={{ width: 200 }}
            value={filters.areaCode}
            onChange={(v?: string) => set({ areaCode: v })}
            options={areaOptions}
          />
          <Select<'true' | 'false' | 'all'>
            style={{ width: 120 }}
            value={filters.active}
            onChange={(v) => set({ active: v })}
            options={[
              { value: 'true', label: t('special.activeOnly') },
              { value: 'false', label: t('special.endedOnly') },
              { value: 'all', label: t('special.all') },
            ]}
          />
        </Space>
      </Card>
      <Card size="small">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Membership>
            size="middle"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 900 }}
            data-testid="memberships-table"
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t('common.total', { n }),
              onChange: setPage,
            }}
            columns={[
              {
                title: t('special.person'),
                dataIndex: 'personName',
                width: 100,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('special.group'),
                dataIndex: 'groupName',
                width: 180,
                render: (v: string | null, m) => <Tag color="purple">{v ?? m.groupCode}</Tag>,
              },
              {
                title: t('special.attention'),
                dataIndex: 'attentionLevel',
                width: 90,
                render: (v: AttentionLevel) => <AttentionTag level={v} lang={lang} />,
              },
              {
                title: t('special.grid'),
                dataIndex: 'gridName',
                width: 160,
                render: (v: string | null, m) => v ?? m.gridCode ?? m.communityCode,
              },
              {
                title: t('special.nextVisit'),
                dataIndex: 'nextVisitDue',
                width: 120,
                render: (v: string | null) => v ?? '—',
              },
              { title: t('special.startedAt'), dataIndex: 'startedAt', width: 110 },
              {
                title: t('special.actions'),
                key: 'actions',
                width: 220,
                render: (_: unknown, m) =>
                  m.active ? (
                    <Space size={0} wrap>
                      {canRecord ? (
                        <Button type="link" size="small" onClick={() => setVisiting(m)}>
                          {t('visits.recordShort')}
                        </Button>
                      ) : null}
                      {canManage ? (
                        <Button type="link" size="small" onClick={() => setEditing(m)}>
                          {t('special.editShort')}
                        </Button>
                      ) : null}
                      {canManage ? (
                        <Button type="link" size="small" danger onClick={() => setEnding(m)}>
                          {t('special.end')}
                        </Button>
                      ) : null}
                    </Space>
                  ) : (
                    <Tag>{t('special.ended')}</Tag>
                  ),
              },
            ]}
          />
        )}
      </Card>
      {editing ? (
        <MembershipForm
          membership={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {ending ? <EndMembershipForm membership={ending} onClose={() => setEnding(null)} /> : null}
      {visiting ? (
        <CompleteVisitForm
          membershipId={visiting.id}
          personName={visiting.personName}
          attentionLevel={visiting.attentionLevel}
          onClose={() => setVisiting(null)}
        />
      ) : null}
    </PageContainer>
  );
}
