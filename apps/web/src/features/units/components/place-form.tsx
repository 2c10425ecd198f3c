import { useState } from 'react';
import { Card, Form, Input, Select } from 'antd';
import { PLACE_INSPECTION_DAYS, PLACE_TYPES, type Place, type PlaceType } from '@wangge/shared';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useI18n } from '../../../lib/i18n';
import { useCreatePlace, useUpdatePlace } from '../places-api';
import { placeTypeLabel } from '../unit-format';
import { useUnitList } from '../units-api';
import { optionalText } from './form-rules';
import {
  IntervalItem,
  LocationCard,
  PhoneItem,
  SaveFooter,
  useLocatedSave,
} from './record-form-parts';

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

const FIELDS = [
  'name',
  'placeType',
  'unitId',
  'responsibleName',
  'responsiblePhone',
  'address',
  'inspectionIntervalDays',
  'remarks',
];

/** 登记/修改重点场所: type (which sets the default inspection interval), the unit it belongs to, the responsible person. */
export function PlaceForm({ place, onSaved }: { place?: Place; onSaved: (p: Place) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<PlaceFormValues>();
  const located = useLocatedSave(form, place?.position, FIELDS);
  const [unitSearch, setUnitSearch] = useState('');
  const unitQuery = useDebouncedValue(unitSearch, 300);
  const units = useUnitList({ q: unitQuery, limit: 20 });
  const create = useCreatePlace();
  const update = useUpdatePlace(place?.id ?? '');
  const placeType = Form.useWatch('placeType', form);

  const submit = (v: PlaceFormValues) => {
    const position = located.position(!place);
    if (!position) return;
    const common = {
      name: v.name.trim(),
      placeType: v.placeType,
      unitId: v.unitId ?? null,
      responsibleName: optionalText(v.responsibleName),
      address: v.address.trim(),
      remarks: optionalText(v.remarks),
      ...located.interval(!place, v.inspectionIntervalDays),
      ...(v.responsiblePhone?.trim() ? { responsiblePhone: v.responsiblePhone.trim() } : {}),
      ...position,
    };
    const onError = located.onError;
    if (place)
      update.mutate({ ...common, version: place.version }, { onSuccess: onSaved, onError });
    else create.mutate(common, { onSuccess: onSaved, onError });
  };

  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (place?.unitId && !unitOptions.some((o) => o.value === place.unitId))
    unitOptions.unshift({ value: place.unitId, label: place.unitName ?? place.unitId });

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
        <Form.Item
          name="name"
          label={t('places.name')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('places.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="place-name" />
        </Form.Item>
        <Form.Item name="placeType" label={t('places.placeType')} rules={[{ required: true }]}>
          <Select
            options={PLACE_TYPES.map((v) => ({ value: v, label: placeTypeLabel(v, lang) }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('places.unit')} extra={t('places.unitHint')}>
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: setUnitSearch }}
            options={unitOptions}
            loading={units.isFetching}
            placeholder={t('places.unitSearch')}
          />
        </Form.Item>
        <IntervalItem
          extra={t('places.intervalDefault', { n: PLACE_INSPECTION_DAYS[placeType ?? 'other'] })}
        />
        <Form.Item name="remarks" label={t('places.remarks')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('places.responsible')} style={{ marginBottom: 12 }}>
        <Form.Item name="responsibleName" label={t('places.responsibleName')}>
          <Input maxLength={50} />
        </Form.Item>
        <PhoneItem
          name="responsiblePhone"
          label={t('places.responsiblePhone')}
          stored={place?.responsiblePhone}
        />
      </Card>
      <LocationCard
        point={located.point}
        pointError={located.pointError}
        onPoint={located.onPoint}
      />
      <SaveFooter
        error={located.error}
        pending={create.isPending || update.isPending}
        testId="place-submit"
      />
    </Form>
  );
}
