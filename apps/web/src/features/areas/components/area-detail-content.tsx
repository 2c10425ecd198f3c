import { Descriptions, Empty, Skeleton, Tag, Typography } from 'antd';
import type { AreaRef } from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { useAreaCounts, useAreaDetail } from '../api';
import { areaTypeLabel, formatKm2, levelLabel } from '../area-labels';
import { AreaPathBreadcrumb } from './area-path-breadcrumb';
import { StaffTable } from './staff-table';

interface AreaDetailContentProps {
  id: string;
  onPickAncestor?: (area: AreaRef) => void;
}

/** Everything the platform knows about one area: code, type, chain, size, version, staff. */
export function AreaDetailContent({ id, onPickAncestor }: AreaDetailContentProps) {
  const { t, lang } = useI18n();
  const { data, isPending, isError, error, refetch } = useAreaDetail(id);

  if (isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (isError) return <QueryError error={error} onRetry={() => void refetch()} />;

  return (
    <div data-area-id={data.id} data-area-code={data.code}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {data.name}{' '}
        <Tag color={data.level === 'grid' ? 'blue' : 'default'}>{levelLabel(data.level, lang)}</Tag>
      </Typography.Title>
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('area.code')}>
          <Typography.Text className="area-code" copyable data-testid="area-code">
            {data.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('area.type')}>{areaTypeLabel(data, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('area.path')}>
          <AreaPathBreadcrumb path={data.path} onPick={onPickAncestor} />
        </Descriptions.Item>
        <Descriptions.Item label={t('area.size')}>{formatKm2(data.areaKm2)}</Descriptions.Item>
        <Descriptions.Item label={t('area.version')}>
          v{data.version} · {formatDateTime(data.validFrom, lang)}
        </Descriptions.Item>
        {data.level === 'grid' ? null : (
          <Descriptions.Item label={t('area.children')}>{data.childCount}</Descriptions.Item>
        )}
      </Descriptions>
      <AreaCounts id={data.id} />
      {data.level === 'grid' ? (
        <>
          <Typography.Title level={5}>{t('area.staff')}</Typography.Title>
          <StaffTable areaId={data.id} staff={data.staff} />
        </>
      ) : data.staff.length > 0 ? (
        <StaffTable areaId={data.id} staff={data.staff} />
      ) : null}
    </div>
  );
}

/** 实有人口, 实有房屋, 在办案件 in the area; a number the user may not read is left out. */
function AreaCounts({ id }: { id: string }) {
  const { t } = useI18n();
  const counts = useAreaCounts(id);
  if (!counts.data) return null;
  const items = (
    [
      ['area.persons', counts.data.persons, 'area-count-persons'],
      ['area.houses', counts.data.houses, 'area-count-houses'],
      ['area.openCases', counts.data.openCases, 'area-count-open-cases'],
    ] as const
  ).filter(([, n]) => n !== null);
  if (items.length === 0) return null;
  return (
    <div className="area-counts" data-testid="area-counts">
      {items.map(([label, n, testId]) => (
        <div key={label} className="area-counts__item">
          <div className="area-counts__n" data-testid={testId}>
            {n}
          </div>
          <div className="area-counts__label">{t(label)}</div>
        </div>
      ))}
    </div>
  );
}

export function AreaDetailEmpty() {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}
