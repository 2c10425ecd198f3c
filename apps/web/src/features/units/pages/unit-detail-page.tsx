import { Button, Card, Descriptions, List } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { UnmaskButton } from '../../../components/unmask-button';
import { UnmaskedValues } from '../../../components/unmasked-values';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { useHasPermission } from '../../auth/api';
import { EmployeesCard } from '../components/employees-card';
import { InspectionHistory } from '../components/inspection-history';
import { RecordHeader, useBack } from '../components/record-header';
import { QueryState } from '../../../components/query-state';
import { DueTag, UnitTags } from '../components/unit-tags';
import { usePlaceList } from '../places-api';
import {
  placePath,
  placeTypeLabel,
  UNMASK_LABELS,
  UNMASK_MIN_REASON,
  unitEditPath,
  unitStatusLabel,
  unitTypeLabel,
} from '../unit-format';
import { useUnit, useUnmaskUnit } from '../units-api';

/** 单位详情: attributes, focus tags, employees, the unit's key places and its inspections with hazards. */
export function UnitDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const back = useBack(PATHS.units);
  const query = useUnit(id);
  const places = usePlaceList({ unitId: id, limit: 50 }, Boolean(query.data));
  const unmask = useUnmaskUnit(id);
  const canManage = useHasPermission('registry.manage');

  if (!query.data)
    return (
      <QueryState query={query} notFound={{ title: t('units.notFound'), backTo: PATHS.units }} />
    );
  const u = query.data;
  const unmaskFields = [
    { value: 'legalRepPhone' as const, label: t('units.legalRepPhone') },
    { value: 'contactPhone' as const, label: t('units.contactPhone') },
  ];
  const dash = (v: string | number | null) => (v === null || v === '' ? '—' : v);

  return (
    <div className="page-container" data-unit-id={u.id}>
      <RecordHeader
        title={u.name}
        back={back}
        actions={
          <>
            <UnmaskButton
              label="units.unmask"
              testId="unit-unmask"
              available={Boolean(u.legalRepPhone || u.contactPhone)}
              labels={UNMASK_LABELS}
              minReason={UNMASK_MIN_REASON}
              fields={unmaskFields}
              reveal={(reason, fields) => unmask.mutateAsync({ reason, fields })}
              renderRevealed={(values) => <UnmaskedValues fields={unmaskFields} values={values} />}
            />
            {canManage ? (
              <Button
                icon={<EditOutlined />}
                onClick={() => void navigate(unitEditPath(u.id))}
                data-testid="unit-edit"
              >
                {t('units.edit')}
              </Button>
            ) : null}
          </>
        }
      >
        <UnitTags unit={u} />
      </RecordHeader>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('units.creditCode')}>{dash(u.creditCode)}</Descriptions.Item>
          <Descriptions.Item label={t('units.registrationNo')}>
            {dash(u.registrationNo)}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.unitType')}>
            {unitTypeLabel(u.unitType, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.industry')}>{dash(u.industry)}</Descriptions.Item>
          <Descriptions.Item label={t('units.address')}>{u.address}</Descriptions.Item>
          <Descriptions.Item label={t('units.area')}>
            {[u.streetName, u.communityName, u.gridName ?? u.gridCode].filter(Boolean).join(' / ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.legalRep')}>
            {[u.legalRepName, u.legalRepPhone].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.contact')}>
            {[u.contactName, u.contactPhone].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.employeeCount')}>
            {dash(u.employeeCount)}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.status')}>
            {unitStatusLabel(u.status, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.interval')}>
            {u.inspectionIntervalDays
              ? t('units.everyNDays', { n: u.inspectionIntervalDays })
              : t('units.noSchedule')}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.nextDue')}>
            {u.nextInspectionDue ? <DueTag due={u.nextInspectionDue} /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.lastInspected')}>
            {u.lastInspectedAt ? formatDateTime(u.lastInspectedAt, lang) : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <EmployeesCard unit={u} canManage={canManage} />
      {places.data?.items.length ? (
        <Card size="small" title={t('units.unitPlaces')} style={{ marginBottom: 12 }}>
          <List
            size="small"
            dataSource={places.data.items}
            renderItem={(p) => (
              <List.Item
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(placePath(p.id))}
              >
                {p.name} · {placeTypeLabel(p.placeType, lang)}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <InspectionHistory target={{ type: 'unit', id: u.id, name: u.name }} />
    </div>
  );
}
