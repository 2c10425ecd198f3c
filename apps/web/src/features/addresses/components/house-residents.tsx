import { Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import {
  HOUSEHOLDER_RELATION_LABELS,
  RESIDENCE_TYPE_LABELS,
  type HouseResident,
} from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { labelOf, useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { useHouseResidents } from '../api';

/** 现住人员 and 曾住人员 of a house (population module; names arrive masked). */
export function HouseResidents({ houseId }: { houseId: string }) {
  const { t } = useI18n();
  const residents = useHouseResidents(houseId);
  let body;
  if (residents.isError)
    body = <QueryError error={residents.error} onRetry={() => void residents.refetch()} />;
  else
    body = (
      <>
        <ResidentList
          title={t('house.currentResidents')}
          items={residents.data?.current ?? []}
          loading={residents.isPending}
          testId="residents-current"
        />
        <ResidentList
          title={t('house.formerResidents')}
          items={residents.data?.former ?? []}
          loading={residents.isPending}
          testId="residents-former"
        />
      </>
    );
  return (
    <Card size="small" title={t('house.residents')}>
      {body}
    </Card>
  );
}

function ResidentList({
  title,
  items,
  loading,
  testId,
}: {
  title: string;
  items: HouseResident[];
  loading: boolean;
  testId: string;
}) {
  const { t, lang } = useI18n();
  return (
    <div style={{ marginBottom: 12 }} data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('house.noResidents')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((r) => (
            <li
              key={r.residenceId}
              style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
            >
              <div>
                <Link to={PATHS.personDetail.replace(':id', encodeURIComponent(r.personId))}>
                  {r.name}
                </Link>{' '}
                <Tag>{labelOf(RESIDENCE_TYPE_LABELS, r.residenceType, lang)}</Tag>
                {r.relation ? (
                  <Tag>{labelOf(HOUSEHOLDER_RELATION_LABELS, r.relation, lang)}</Tag>
                ) : null}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.movedOutAt
                      ? t('house.livedFromTo', { from: r.movedInAt, to: r.movedOutAt })
                      : t('house.livedFrom', { from: r.movedInAt })}
                    {r.reason ? ` · ${r.reason}` : ''}
                  </Typography.Text>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
