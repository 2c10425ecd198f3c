import { Alert, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { AreaRef, LocateResponse } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { AreaPathBreadcrumb } from './area-path-breadcrumb';
import { Colon } from '../../../components/label-colon';

interface LocateResultCardProps {
  result: LocateResponse | null;
  loading: boolean;
  lngLat: [number, number] | null;
  onPick: (area: AreaRef) => void;
  onClose: () => void;
}

/** What /api/areas/locate said about the clicked (or GPS) point. */
export function LocateResultCard({
  result,
  loading,
  lngLat,
  onPick,
  onClose,
}: LocateResultCardProps) {
  const { t } = useI18n();
  if (!loading && !result) return null;
  return (
    <Card
      size="small"
      className="map-locate-card"
      title={t('map.locateResult')}
      extra={
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={t('common.close')}
          onClick={onClose}
        />
      }
      data-testid="locate-result"
    >
      {lngLat ? (
        <Typography.Text type="secondary" className="area-code" style={{ fontSize: 12 }}>
          {lngLat[0].toFixed(6)}, {lngLat[1].toFixed(6)}
        </Typography.Text>
      ) : null}
      {loading ? (
        <div style={{ paddingTop: 8 }}>
          <Spin size="small" />
        </div>
      ) : result?.found ? (
        <Space orientation="vertical" size={6} style={{ width: '100%', paddingTop: 6 }}>
          <AreaPathBreadcrumb path={result.path} onPick={onPick} />
          <Typography.Text className="area-code">{result.grid.code}</Typography.Text>
          {result.otherGrids.length > 0 ? (
            <div>
              <Typography.Text type="secondary">
                {t('map.otherGrids')}
                <Colon />
              </Typography.Text>
              {result.otherGrids.map((g) => (
                <Tag key={g.id} style={{ cursor: 'pointer' }} onClick={() => onPick(g)}>
                  {g.name}
                </Tag>
              ))}
            </div>
          ) : null}
        </Space>
      ) : result ? (
        <Alert
          type="info"
          showIcon
          title={t('map.notInGrid')}
          description={result.message}
          style={{ marginTop: 6 }}
        />
      ) : null}
    </Card>
  );
}
