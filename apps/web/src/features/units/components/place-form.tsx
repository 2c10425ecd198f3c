import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { PLACE_INSPECTION_DAYS, PLACE_TYPES, type Place, type PlaceType } from '@wangge/shared';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useI18n } from '../../../lib/i18n';
import type { LngLat } from '../../areas/map/area-map';
import { LocationPicker } from '../../cases/components/location-picker';
import { useCreatePlace, useUpdatePlace } from '../places-api';
import { placeTypeLabel, showServerError } from '../unit-format';
import { useUnitList } from '../units-api';
import { PHONE_PATTERN, optionalText } from './form-rules';

interface PlaceFormValues {
  name: string;
  placeType: PlaceType;
  unitId?: string | null;
  responsibleName?: string;
  responsiblePhone?: string;
  address: string;
  inspectionIntervalDays?: number | null;
  remarks?: string;
}

const FIELDS = ['name', 'placeType', 'unitId', 'responsibleName', 'responsiblePhone', 'address', 'inspectionIntervalDays', 'remarks'];

/** 登记/修改重点场所: type (which sets the default inspection interval), the unit it belongs to, the responsible person. */
export function PlaceForm({ place, onSaved }: { place?: Place; onSaved: (p: Place) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<PlaceFormValues>();
  const [point, setPoint] = useState<LngLat | null>(place?.position ?? null);
  const [pointError, setPointError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unitSearch, setUnitSearch] = useState('');
  const unitQuery = useDebouncedValue(unitSearch, 300);
  const units = useUnitList({ q: unitQuery, limit: 20 });
  const create = useCreatePlace();
  const update = useUpdatePlace(place?.id ?? '');
  const placeType = Form.useWatch('placeType', form);
  const moved = point !== null && (point[0] !== place?.position?.[0] || point[1] !== place?.position?.[1]);

  const submit = (v: PlaceFormValues) => {
    if (!point && !place) {
      setPointError(t('units.pointRequired'));
      return;
    }
    setError(null);
    const common = {
      name: v.name.trim(),
      placeType: v.placeType,
      unitId: v.unitId ?? null,
      responsibleName: optionalText(v.responsibleName),
      address: v.address.trim(),
      remarks: optionalText(v.remarks),
      ...(!place || form.isFieldTouched('inspectionIntervalDays') ? { inspectionIntervalDays: v.inspectionIntervalDays ?? null } : {}),
      ...(v.responsiblePhone?.trim() ? { responsiblePhone: v.responsiblePhone.trim() } : {}),
      ...(moved && point ? { lng: point[0], lat: point[1] } : {}),
      crs: 'wgs84' as const,
    };
    const onError = (err: Error) => setError(showServerError(form, err, FIELDS, setPointError));
    if (place) update.mutate({ ...common, version: place.version }, { onSuccess: onSaved, onError });
    else create.mutate(common, { onSuccess: onSaved, onError });
  };

  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (place?.unitId && !unitOptions.some((o) => o.value === place.unitId)) unitOptions.unshift({ value: place.unitId, label: place.unitName ?? place.unitId });

  return (
    <Form<PlaceFormValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      scrollToFirstError
      data-testid="place-form"
      initialValues={{
        name: place?.name,
        placeType: place?.placeType ?? 'public_activity',
        unitId: place?.unitId ?? undefined,
        responsibleName: place?.responsibleName ?? undefined,
        address: place?.address,
        inspectionIntervalDays: place?.inspectionIntervalDays ?? null,
        remarks: place?.remarks ?? undefined,
      }}
    >
      <Card size="small" title={t('units.basics')} style={{ marginBottom: 12 }}>
        <Form.Item name="name" label={t('places.name')} rules={[{ required: true, min: 2, whitespace: true, message: t('places.nameRequired') }]}>
          <Input maxLength={100} data-testid="place-name" />
        </Form.Item>
        <Form.Item name="placeType" label={t('places.placeType')} rules={[{ required: true }]}>
          <Select options={PLACE_TYPES.map((v) => ({ value: v, label: placeTypeLabel(v, lang) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('places.unit')} extra={t('places.unitHint')}>
          <Select allowClear showSearch={{ filterOption: false, onSearch: setUnitSearch }} options={unitOptions} loading={units.isFetching} placeholder={t('places.unitSearch')} />
        </Form.Item>
        <Form.Item name="inspectionIntervalDays" label={t('units.interval')} extra={t('places.intervalDefault', { n: PLACE_INSPECTION_DAYS[placeType ?? 'other'] })}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} suffix={t('units.days')} />
        </Form.Item>
        <Form.Item name="remarks" label={t('places.remarks')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('places.responsible')} style={{ marginBottom: 12 }}>
        <Form.Item name="responsibleName" label={t('places.responsibleName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="responsiblePhone" label={t('places.responsiblePhone')} extra={place?.responsiblePhone ? t('units.phoneKeep', { masked: place.responsiblePhone }) : undefined} rules={[{ pattern: PHONE_PATTERN, message: t('units.phoneInvalid') }]}>
          <Input inputMode="tel" maxLength={13} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('units.location')} style={{ marginBottom: 12 }}>
        <Form.Item name="address" label={t('units.address')} rules={[{ required: true, min: 2, whitespace: true, message: t('units.addressRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <LocationPicker
          value={point}
          onChange={(p) => {
            setPoint(p);
            setPointError(null);
          }}
        />
        {pointError ? <Typography.Text type="danger" role="alert">{pointError}</Typography.Text> : null}
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" size="large" block loading={create.isPending || update.isPending} data-testid="place-submit">
        {t('units.save')}
      </Button>
    </Form>
  );
}
