import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { HouseDetail } from '@wangge/shared';
import { QueryState } from '../../../components/query-state';
import { UnmaskValue } from '../../../components/unmask-value';
import { formatDateTime, labelOf, useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { useHasPermission } from '../../auth/api';
import { useHouse, useUnmaskLandlord } from '../api';
import { LABELS, USE_COLORS, addressNodePath } from '../address-format';
import { HouseEditForm } from '../components/house-edit-form';
import { HouseResidents } from '../components/house-residents';

/** 房屋详情: the address path, attributes (phone masked, unmask with a reason), edit form, residents. */
export function HouseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const canManage = useHasPermission('registry.manage');
  const query = useHouse(id);
  const [editing, setEditing] = useState(false);

  if (query.isPending || query.isError)
    return (
      <QueryState
        query={query}
        notFound={{ title: t('house.notFound'), backTo: PATHS.houses, backLabel: t('nav.houses') }}
      />
    );
  const house = query.data;

  return (
    <div className="page-container" data-house-id={house.id}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => void navigate(PATHS.houses)}
        style={{ paddingInline: 0, marginBottom: 8 }}
      >
        {t('nav.houses')}
      </Button>
      <Breadcrumb
        style={{ marginBottom: 4 }}
        items={house.path.map((p) => ({
          key: p.id,
          title: <Link to={addressNodePath(p.id)}>{p.name}</Link>,
        }))}
      />
      <Typography.Title level={4} style={{ marginTop: 0, wordBreak: 'break-all' }}>
        {house.fullAddress}
      </Typography.Title>
      <div
        style={{
          display: 'grid',
          gap: 12,
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
          alignItems: 'start',
        }}
      >
        <Card
          size="small"
          title={t('house.attributes')}
          extra={
            canManage && !editing ? (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                data-testid="house-edit"
              >
                {t('addr.edit')}
              </Button>
            ) : null
          }
        >
          {editing ? (
            <HouseEditForm
              house={house}
              onDone={() => setEditing(false)}
              onConflict={() => void query.refetch()}
            />
          ) : (
            <HouseAttributes house={house} />
          )}
        </Card>
        <HouseResidents houseId={house.id} />
      </div>
    </div>
  );
}

function HouseAttributes({ house: h }: { house: HouseDetail }) {
  const { t, lang } = useI18n();
  const unmask = useUnmaskLandlord(h.id);
  return (
    <Descriptions size="small" column={1} bordered data-testid="house-attributes">
      <Descriptions.Item label={t('house.use')}>
        <Tag color={USE_COLORS[h.use]}>{labelOf(LABELS.use, h.use, lang)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('house.ownership')}>
        {labelOf(LABELS.ownership, h.ownership, lang)}
      </Descriptions.Item>
      <Descriptions.Item label={t('house.area')}>
        {h.areaM2 !== null ? `${h.areaM2} m²` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('house.certificate')}>{h.certificateNo ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('house.landlord')}>{h.landlordName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('house.landlordPhone')}>
        <UnmaskValue
          masked={h.landlordPhone}
          reveal={async (reason) => (await unmask.mutateAsync(reason)).landlordPhone}
          labels={{
            title: 'house.unmaskTitle',
            hint: 'house.unmaskHint',
            reason: 'house.unmaskReason',
            reasonShort: 'house.unmaskReasonShort',
            submit: 'house.unmaskOk',
          }}
          minReason={2}
          buttonLabel="house.unmask"
          testId="landlord-phone"
        />
      </Descriptions.Item>
      {h.rental ? (
        <Descriptions.Item label={t('house.rental')}>
          {labelOf(LABELS.rentPurpose, h.rental.purpose, lang)}
          {h.rental.contractStart || h.rental.contractEnd
            ? ` · ${h.rental.contractStart ?? '…'} ~ ${h.rental.contractEnd ?? '…'}`
            : ''}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('house.grid')}>
        {h.gridName ?? h.communityName ?? '—'}{' '}
        <span className="area-code">{h.gridCode ?? h.communityCode}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('house.remarks')}>{h.remarks ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('house.updatedAt')}>
        {formatDateTime(h.updatedAt, lang)}
      </Descriptions.Item>
    </Descriptions>
  );
}
