import { lazy, Suspense } from 'react';
import { Card, Descriptions, Skeleton, Typography } from 'antd';
import type { CaseView } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useDepartments } from '../../departments/api';
import { limitText } from '../case-format';
import { useCategoryNames, useCondition, useLocatePoint } from '../lookups-api';
import { CasePhotos } from './case-photos';
import { Colon } from '../../../components/label-colon';

// OpenLayers is a large chunk: the details show first, the map follows.
const CaseMiniMap = lazy(() => import('./case-mini-map').then((m) => ({ default: m.CaseMiniMap })));

/** Where, what, how classified, who handles it; photos and a small map. */
export function CaseInfo({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  const categories = useCategoryNames();
  const departments = useDepartments();
  const condition = useCondition(view.conditionId);
  const located = useLocatePoint(view.position);
  const place = located.data?.found ? located.data : null;
  const dept = departments.data?.items.find((d) => d.id === view.handlingDeptId);

  return (
    <Card size="small" title={t('cases.details')} className="case-info">
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('cases.description')}>
          <Typography.Paragraph
            style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
            data-testid="case-description"
          >
            {view.description}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.address')}>{view.address}</Descriptions.Item>
        <Descriptions.Item label={t('cases.grid')}>
          {place ? place.path.map((a) => a.name).join(' / ') : null}{' '}
          <span className="area-code case-muted">{view.gridCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.category')}>
          {view.classCode ? (
            <span>
              {categories.get(view.classCode) ?? ''}{' '}
              <span className="area-code case-muted">{view.classCode}</span>
            </span>
          ) : (
            <span className="case-muted">{t('cases.unclassified')}</span>
          )}
        </Descriptions.Item>
        {condition.data ? (
          <Descriptions.Item label={t('cases.condition')}>
            <div>{condition.data.text}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cases.closureCondition')}
              <Colon />
              {condition.data.closureCondition} · {t('cases.limit')}{' '}
              {limitText(condition.data.limitValue, condition.data.limitType, lang)}
            </Typography.Text>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('cases.department')}>
          {dept ? (
            dept.name
          ) : view.handlingDeptId ? (
            <span className="area-code">{view.handlingDeptId}</span>
          ) : (
            <span className="case-muted">—</span>
          )}
        </Descriptions.Item>
        {view.photos.length > 0 ? (
          <Descriptions.Item label={t('report.photos')}>
            <CasePhotos ids={view.photos} testId="case-photos" />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Suspense
        fallback={<Skeleton.Node active style={{ width: '100%', height: 200, marginTop: 12 }} />}
      >
        <CaseMiniMap position={view.position} gridId={place ? place.grid.id : null} />
      </Suspense>
    </Card>
  );
}
