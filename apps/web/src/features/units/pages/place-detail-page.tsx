import { Button, Card, Descriptions, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { UnmaskButton } from '../../../components/unmask-button';
import { UnmaskedValues } from '../../../components/unmasked-values';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { useHasPermission } from '../../auth/api';
import { InspectionHistory } from '../components/inspection-history';
import { RecordHeader, useBack } from '../components/record-header';
import { QueryState } from '../../../components/query-state';
import { DueTag } from '../components/unit-tags';
import { usePlace, useUnmaskPlace } from '../places-api';
import {
  placeEditPath,
  placeTypeLabel,
  UNMASK_LABELS,
  UNMASK_MIN_REASON,
  unitPath,
} from '../unit-format';

/** 重点场所详情: attributes, the responsible person (phone unmasked with a reason) and the inspection history. */
export function PlaceDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const back = useBack(PATHS.places);
  const query = usePlace(id);
  const unmask = useUnmaskPlace(id);
  const canManage = useHasPermission('registry.manage');

  if (!query.data)
    return (
      <QueryState query={query} notFound={{ title: t('places.notFound'), backTo: PATHS.places }} />
    );
  const p = query.data;
  const unmaskFields = [
    { value: 'responsiblePhone' as const, label: t('places.responsiblePhone') },
  ];

  return (
    <div className="page-container" data-place-id={p.id}>
      <RecordHeader
        title={p.name}
        back={back}
        actions={
          <>
            <UnmaskButton
              label="units.unmask"
              testId="place-unmask"
              available={Boolean(p.responsiblePhone)}
              labels={UNMASK_LABELS}
              minReason={UNMASK_MIN_REASON}
              fields={unmaskFields}
              reveal={(reason) => unmask.mutateAsync(reason)}
              renderRevealed={(values) => <UnmaskedValues fields={unmaskFields} values={values} />}
            />
            {canManage ? (
              <Button icon={<EditOutlined />} onClick={() => void navigate(placeEditPath(p.id))}>
                {t('units.edit')}
              </Button>
            ) : null}
          </>
        }
      >
        <Tag>{placeTypeLabel(p.placeType, lang)}</Tag>
      </RecordHeader>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('places.unit')}>
            {p.unitId ? <Link to={unitPath(p.unitId)}>{p.unitName ?? p.unitId}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('places.responsible')}>
            {[p.responsibleName, p.responsiblePhone].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.address')}>{p.address}</Descriptions.Item>
          <Descriptions.Item label={t('units.area')}>
            {[p.streetName, p.communityName, p.gridName ?? p.gridCode].filter(Boolean).join(' / ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.interval')}>
            {t('units.everyNDays', { n: p.inspectionIntervalDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.nextDue')}>
            <DueTag due={p.nextInspectionDue} />
          </Descriptions.Item>
          <Descriptions.Item label={t('units.lastInspected')}>
            {p.lastInspectedAt ? formatDateTime(p.lastInspectedAt, lang) : '—'}
          </Descriptions.Item>
          {p.remarks ? (
            <Descriptions.Item label={t('places.remarks')}>{p.remarks}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <InspectionHistory target={{ type: 'place', id: p.id, name: p.name }} />
    </div>
  );
}
