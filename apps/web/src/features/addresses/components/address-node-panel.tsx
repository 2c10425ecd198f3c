import { Breadcrumb, Button, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, HomeOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { childLevelsOf, type AddressDetail } from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, labelOf, useI18n } from '../../../lib/i18n';
import { useHasPermission } from '../../auth/api';
import { useAddress, useHouseOfRoom } from '../api';
import { LABELS, LEVEL_COLORS, housePath, levelLabel } from '../address-format';

interface AddressNodePanelProps {
  id: string;
  onSelect: (id: string) => void;
  onAddChild: (parent: AddressDetail) => void;
  onEdit: (node: AddressDetail) => void;
  onRegisterHouse: (room: AddressDetail) => void;
}

/** One node: its path, where it is filed, former names, 楼栋 attributes, children, and the house of a 户室. */
export function AddressNodePanel({
  id,
  onSelect,
  onAddChild,
  onEdit,
  onRegisterHouse,
}: AddressNodePanelProps) {
  const { t, lang } = useI18n();
  const canManage = useHasPermission('registry.manage');
  const query = useAddress(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const n = query.data;
  const b = n.building;

  return (
    <div data-testid="address-node" data-address-id={n.id}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          ...n.path.map((p) => ({
            key: p.id,
            title: <a onClick={() => onSelect(p.id)}>{p.name}</a>,
          })),
          { key: n.id, title: n.name },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {n.fullName} <Tag color={LEVEL_COLORS[n.level]}>{levelLabel(n.level, lang)}</Tag>
      </Typography.Title>
      {canManage ? (
        <Space wrap style={{ marginBottom: 12 }}>
          {childLevelsOf(n.level).length > 0 ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() => onAddChild(n)}
              data-testid="address-add-child"
            >
              {t('addr.addChild')}
            </Button>
          ) : null}
          <Button icon={<EditOutlined />} onClick={() => onEdit(n)} data-testid="address-edit">
            {t('addr.edit')}
          </Button>
        </Space>
      ) : null}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('addr.area')}>
          {n.areaName ?? '—'}{' '}
          <span className="area-code">
            {n.gridCode ?? n.communityCode ?? n.streetCode ?? n.adminCode}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('addr.point')}>
          {n.lng !== null && n.lat !== null
            ? `${n.lng.toFixed(6)}, ${n.lat.toFixed(6)}`
            : t('addr.noPoint')}
        </Descriptions.Item>
        {n.formerNames.length ? (
          <Descriptions.Item label={t('addr.formerNames')}>
            {n.formerNames
              .map(
                (f) => `${f.name}（${t('addr.until', { date: formatDateTime(f.until, lang) })}）`,
              )
              .join('；')}
          </Descriptions.Item>
        ) : null}
        {b ? (
          <Descriptions.Item label={t('addr.buildingInfo')}>
            {[
              b.floorsAbove != null ? t('addr.floorsAboveN', { n: b.floorsAbove }) : null,
              b.floorsBelow ? t('addr.floorsBelowN', { n: b.floorsBelow }) : null,
              b.structure ? labelOf(LABELS.structure, b.structure, lang) : null,
              b.use ? labelOf(LABELS.buildingUse, b.use, lang) : null,
              b.builtYear ? t('addr.builtYearN', { n: b.builtYear }) : null,
            ]
              .filter(Boolean)
              .join(' · ') || '—'}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {n.level === 'room' ? (
        <RoomHouse room={n} onRegister={onRegisterHouse} canManage={canManage} />
      ) : (
        <Children node={n} onSelect={onSelect} />
      )}
    </div>
  );
}

function Children({ node, onSelect }: { node: AddressDetail; onSelect: (id: string) => void }) {
  const { t, lang } = useI18n();
  if (node.children.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('addr.noChildren')} />;
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">
        {t('addr.childrenCount', { n: node.childCount })}
      </Typography.Text>
      <div
        style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 6 }}
        data-testid="address-children"
      >
        {node.children.map((c) => (
          <Button
            key={c.id}
            size="small"
            onClick={() => onSelect(c.id)}
            title={levelLabel(c.level, lang)}
          >
            {c.name}
          </Button>
        ))}
      </div>
    </div>
  );
}

function RoomHouse({
  room,
  onRegister,
  canManage,
}: {
  room: AddressDetail;
  onRegister: (room: AddressDetail) => void;
  canManage: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const house = useHouseOfRoom(room.id);
  if (house.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  return (
    <div style={{ marginTop: 12 }}>
      {house.data ? (
        <Button
          type="primary"
          icon={<HomeOutlined />}
          onClick={() => void navigate(housePath(house.data!.id))}
          data-testid="address-open-house"
        >
          {t('addr.openHouse')}
        </Button>
      ) : canManage ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => onRegister(room)}
          data-testid="address-register-house"
        >
          {t('house.register')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('addr.noHouse')}</Typography.Text>
      )}
    </div>
  );
}
