import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { CheckCircleOutlined, UserAddOutlined } from '@ant-design/icons';
import type { PersonDetail } from '@wangge/shared';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { DATA_STATE_COLORS, fmt } from '../person-format';
import { useClaimPerson, useVerifyPerson } from '../population-api';

/** 数据状态: 录入 → 认领 (a grid worker takes the record) → 已核实 (seen on a visit; may be renewed). */
export function DataStateCard({
  person: p,
  canManage,
  onError,
}: {
  person: PersonDetail;
  canManage: boolean;
  onError: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const claim = useClaimPerson(p.id);
  const verify = useVerifyPerson(p.id);
  const fail = (err: Error) => onError(err.message);
  return (
    <Card
      size="small"
      title={t('persons.dataState')}
      style={{ marginBottom: 12 }}
      extra={
        canManage ? (
          <Space wrap>
            {p.dataState === 'entered' ? (
              <Button
                size="small"
                icon={<UserAddOutlined />}
                loading={claim.isPending}
                onClick={() =>
                  claim.mutate(undefined, {
                    onSuccess: () => notifySuccess(t('persons.claimed')),
                    onError: fail,
                  })
                }
                data-testid="person-claim"
              >
                {t('persons.claim')}
              </Button>
            ) : null}
            <Button
              size="small"
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={verify.isPending}
              onClick={() =>
                verify.mutate(undefined, {
                  onSuccess: () => notifySuccess(t('persons.verified')),
                  onError: fail,
                })
              }
              data-testid="person-verify"
            >
              {p.dataState === 'verified' ? t('persons.reverify') : t('persons.verify')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('persons.dataState')}>
          <Tag color={DATA_STATE_COLORS[p.dataState]} data-testid="person-data-state">
            {fmt.dataState(p.dataState, lang)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('persons.claimedBy')}>
          {p.claimedByName ? `${p.claimedByName} · ${formatDateTime(p.claimedAt ?? '', lang)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('persons.verifiedBy')}>
          {p.verifiedByName
            ? `${p.verifiedByName} · ${formatDateTime(p.verifiedAt ?? '', lang)}`
            : ''}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
