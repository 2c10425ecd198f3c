import { Card, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import type { House } from '@wangge/shared';
import { labelOf, useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-media-query';
import { LABELS, USE_COLORS } from '../address-format';

interface HouseListProps {
  items: House[];
  loading: boolean;
  onOpen: (id: string) => void;
}

/** Houses in address order: a table on desktop, cards on phones. Landlord name and phone arrive masked. */
export function HouseList({ items, loading, onOpen }: HouseListProps) {
  const isMobile = useIsMobile();
  return isMobile ? (
    <HouseCards items={items} loading={loading} onOpen={onOpen} />
  ) : (
    <HouseTable items={items} loading={loading} onOpen={onOpen} />
  );
}

function UseTag({ house }: { house: House }) {
  const { lang } = useI18n();
  return <Tag color={USE_COLORS[house.use]}>{labelOf(LABELS.use, house.use, lang)}</Tag>;
}

const landlord = (h: House) => [h.landlordName, h.landlordPhone].filter(Boolean).join(' ') || '—';

function HouseTable({ items, loading, onOpen }: HouseListProps) {
  const { t, lang } = useI18n();
  return (
    <Table<House>
      size="middle"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="house-table"
      onRow={(row) => ({
        onClick: () => onOpen(row.id),
        style: { cursor: 'pointer' },
        'data-house-id': row.id,
      })}
      columns={[
        { title: t('house.address'), dataIndex: 'fullAddress' },
        { title: t('house.use'), width: 90, render: (_v, row) => <UseTag house={row} /> },
        {
          title: t('house.ownership'),
          width: 90,
          render: (_v, row) => labelOf(LABELS.ownership, row.ownership, lang),
        },
        {
          title: t('house.area'),
          width: 90,
          render: (_v, row) => (row.areaM2 !== null ? `${row.areaM2} m²` : '—'),
        },
        { title: t('house.landlord'), width: 170, render: (_v, row) => landlord(row) },
        {
          title: t('house.grid'),
          width: 150,
          render: (_v, row) => row.gridName ?? row.communityName ?? row.communityCode,
        },
      ]}
    />
  );
}

function HouseCards({ items, loading, onOpen }: HouseListProps) {
  const { t } = useI18n();
  if (loading && items.length === 0) return <Skeleton active style={{ padding: 12 }} />;
  if (items.length === 0) return <Empty description={t('house.empty')} style={{ padding: 24 }} />;
  return (
    <div data-testid="house-cards">
      {items.map((h) => (
        <Card
          key={h.id}
          size="small"
          style={{ margin: 8 }}
          onClick={() => onOpen(h.id)}
          data-house-id={h.id}
          hoverable
        >
          <div style={{ fontWeight: 500, wordBreak: 'break-all' }}>{h.fullAddress}</div>
          <div style={{ marginTop: 4 }}>
            <UseTag house={h} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.gridName ?? h.communityName ?? ''} · {landlord(h)}
            </Typography.Text>
          </div>
        </Card>
      ))}
    </div>
  );
}
