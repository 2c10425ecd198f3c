import { Card, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import type { PersonListItem } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-media-query';
import { DATA_STATE_COLORS, fmt, STATUS_COLORS } from '../person-format';

interface PersonListProps {
  items: PersonListItem[];
  loading: boolean;
  onOpen: (id: string) => void;
}

function Badges({ p }: { p: PersonListItem }) {
  const { lang } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag>{fmt.populationType(p.populationType, lang)}</Tag>
      <Tag color={DATA_STATE_COLORS[p.dataState]}>{fmt.dataState(p.dataState, lang)}</Tag>
      {p.status !== 'active' ? (
        <Tag color={STATUS_COLORS[p.status]}>{fmt.status(p.status, lang)}</Tag>
      ) : null}
    </Space>
  );
}

/** Masked rows as the server sends them: a table on desktop, cards on phones. */
export function PersonList(props: PersonListProps) {
  return useIsMobile() ? <PersonCards {...props} /> : <PersonTable {...props} />;
}

function PersonTable({ items, loading, onOpen }: PersonListProps) {
  const { t, lang } = useI18n();
  return (
    <Table<PersonListItem>
      size="middle"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 980 }}
      data-testid="person-table"
      onRow={(row) => ({
        onClick: () => onOpen(row.id),
        style: { cursor: 'pointer' },
        'data-person-id': row.id,
      })}
      locale={{ emptyText: t('persons.empty') }}
      columns={[
        { title: t('persons.name'), dataIndex: 'name', width: 110, fixed: 'start' },
        {
          title: t('persons.gender'),
          dataIndex: 'gender',
          width: 70,
          render: (v: string | null) => fmt.gender(v, lang),
        },
        {
          title: t('persons.idNumber'),
          dataIndex: 'idNumber',
          width: 200,
          render: (v: string) => <span className="area-code">{v}</span>,
        },
        {
          title: t('persons.phone'),
          dataIndex: 'phone',
          width: 130,
          render: (v: string | null) => v ?? '',
        },
        {
          title: t('persons.community'),
          dataIndex: 'communityName',
          width: 140,
          ellipsis: true,
          render: (v: string | null, r) => v ?? r.communityCode,
        },
        {
          title: t('persons.grid'),
          dataIndex: 'gridName',
          width: 140,
          ellipsis: true,
          render: (v: string | null, r) => v ?? r.gridCode ?? '',
        },
        { title: t('persons.state'), key: 'badges', render: (_v, r) => <Badges p={r} /> },
      ]}
    />
  );
}

function PersonCards({ items, loading, onOpen }: PersonListProps) {
  const { t, lang } = useI18n();
  if (!loading && items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('persons.empty')} />;
  return (
    <Spin spinning={loading}>
      <div data-testid="person-cards" style={{ minHeight: 80 }}>
        {items.map((p) => (
          <Card
            key={p.id}
            size="small"
            hoverable
            onClick={() => onOpen(p.id)}
            data-person-id={p.id}
            style={{ margin: 8 }}
          >
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Text strong>
                {p.name} {fmt.gender(p.gender, lang)}
              </Typography.Text>
              <Badges p={p} />
            </Space>
            <div className="area-code">{p.idNumber}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[p.phone, p.gridName ?? p.communityName].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Card>
        ))}
      </div>
    </Spin>
  );
}
