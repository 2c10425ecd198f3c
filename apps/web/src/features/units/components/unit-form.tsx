import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import {
  CREDIT_CODE_PROBLEM_MESSAGES,
  FOCUS_TAGS,
  UNIT_STATUSES,
  UNIT_TYPES,
  parseCreditCode,
  type FocusTag,
  type UnitDetail,
  type UnitStatus,
  type UnitType,
} from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import type { LngLat } from '../../areas/map/area-map';
import { LocationPicker } from '../../cases/components/location-picker';
import { focusTagLabel, showServerError, unitStatusLabel, unitTypeLabel } from '../unit-format';
import { useCreateUnit, useUpdateUnit } from '../units-api';
import { PHONE_PATTERN, optionalText } from './form-rules';

interface UnitFormValues {
  name: string;
  creditCode?: string;
  registrationNo?: string;
  unitType: UnitType;
  focusTags: FocusTag[];
  industry?: string;
  address: string;
  legalRepName?: string;
  legalRepPhone?: string;
  contactName?: string;
  contactPhone?: string;
  employeeCount?: number | null;
  status: UnitStatus;
  inspectionIntervalDays?: number | null;
}

const FIELDS = ['name', 'creditCode', 'registrationNo', 'unitType', 'focusTags', 'industry', 'address', 'legalRepName', 'legalRepPhone', 'contactName', 'contactPhone', 'employeeCount', 'status', 'inspectionIntervalDays'];

/** 登记/修改单位. The credit code is checked here with the same rule the server applies (GB 32100 check character). */
export function UnitForm({ unit, onSaved }: { unit?: UnitDetail; onSaved: (u: UnitDetail) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<UnitFormValues>();
  const [point, setPoint] = useState<LngLat | null>(unit?.position ?? null);
  const [pointError, setPointError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateUnit();
  const update = useUpdateUnit(unit?.id ?? '');
  const pending = create.isPending || update.isPending;
  const moved = point !== null && (point[0] !== unit?.position?.[0] || point[1] !== unit?.position?.[1]);

  const submit = (v: UnitFormValues) => {
    if (!point && !unit) {
      setPointError(t('units.pointRequired'));
      return;
    }
    setError(null);
    const common = {
      name: v.name.trim(),
      creditCode: v.creditCode?.trim() ? v.creditCode.trim().toUpperCase() : null,
      registrationNo: optionalText(v.registrationNo),
      unitType: v.unitType,
      focusTags: v.focusTags,
      industry: optionalText(v.industry),
      address: v.address.trim(),
      legalRepName: optionalText(v.legalRepName),
      contactName: optionalText(v.contactName),
      employeeCount: v.employeeCount ?? null,
      status: v.status,
      // Sent only when edited, so a default interval keeps following the unit's tags.
      ...(!unit || form.isFieldTouched('inspectionIntervalDays') ? { inspectionIntervalDays: v.inspectionIntervalDays ?? null } : {}),
      // A phone left empty on an edit keeps the stored one (the form only ever sees it masked).
      ...(v.legalRepPhone?.trim() ? { legalRepPhone: v.legalRepPhone.trim() } : {}),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
      ...(moved && point ? { lng: point[0], lat: point[1] } : {}),
      crs: 'wgs84' as const,
    };
    const onError = (err: Error) => setError(showServerError(form, err, FIELDS, setPointError));
    if (unit) update.mutate({ ...common, version: unit.version }, { onSuccess: onSaved, onError });
    else create.mutate(common, { onSuccess: onSaved, onError });
  };

  const unitType = Form.useWatch('unitType', form);
  return (
    <Form<UnitFormValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      scrollToFirstError
      data-testid="unit-form"
      initialValues={{
        name: unit?.name,
        creditCode: unit?.creditCode ?? undefined,
        registrationNo: unit?.registrationNo ?? undefined,
        unitType: unit?.unitType ?? 'enterprise',
        focusTags: unit?.focusTags ?? [],
        industry: unit?.industry ?? undefined,
        address: unit?.address,
        legalRepName: unit?.legalRepName ?? undefined,
        contactName: unit?.contactName ?? undefined,
        employeeCount: unit?.employeeCount ?? null,
        status: unit?.status ?? 'operating',
        inspectionIntervalDays: unit?.inspectionIntervalDays ?? null,
      }}
    >
      <Card size="small" title={t('units.basics')} style={{ marginBottom: 12 }}>
        <Form.Item name="name" label={t('units.name')} rules={[{ required: true, min: 2, whitespace: true, message: t('units.nameRequired') }]}>
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="unitType" label={t('units.unitType')} rules={[{ required: true }]}>
          <Select options={UNIT_TYPES.map((v) => ({ value: v, label: unitTypeLabel(v, lang) }))} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('units.creditCode')}
          dependencies={['unitType']}
          rules={[
            {
              validator: async (_, v?: string) => {
                if (v?.trim()) {
                  const r = parseCreditCode(v);
                  if (!r.ok) throw new Error(CREDIT_CODE_PROBLEM_MESSAGES[r.problem]);
                } else if (form.getFieldValue('unitType') !== 'individual_business') throw new Error(t('units.creditCodeRequired'));
              },
            },
          ]}
        >
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} data-testid="unit-credit-code" />
        </Form.Item>
        {unitType === 'individual_business' ? (
          <Form.Item
            name="registrationNo"
            label={t('units.registrationNo')}
            dependencies={['creditCode']}
            rules={[{ validator: async (_, v?: string) => { if (!v?.trim() && !form.getFieldValue('creditCode')) throw new Error(t('units.registrationNoRequired')); } }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        ) : null}
        <Form.Item name="focusTags" label={t('units.focusTags')} extra={t('units.focusTagsHint')}>
          <Select mode="multiple" allowClear options={FOCUS_TAGS.map((v) => ({ value: v, label: focusTagLabel(v, lang) }))} />
        </Form.Item>
        <Form.Item name="industry" label={t('units.industry')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="employeeCount" label={t('units.employeeCount')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="inspectionIntervalDays" label={t('units.interval')} extra={t('units.intervalHint')}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} suffix={t('units.days')} />
        </Form.Item>
        {unit ? (
          <Form.Item name="status" label={t('units.status')}>
            <Select options={UNIT_STATUSES.map((v) => ({ value: v, label: unitStatusLabel(v, lang) }))} />
          </Form.Item>
        ) : null}
      </Card>
      <Card size="small" title={t('units.people')} style={{ marginBottom: 12 }}>
        <Form.Item name="legalRepName" label={t('units.legalRepName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="legalRepPhone" label={t('units.legalRepPhone')} extra={unit?.legalRepPhone ? t('units.phoneKeep', { masked: unit.legalRepPhone }) : undefined} rules={[{ pattern: PHONE_PATTERN, message: t('units.phoneInvalid') }]}>
          <Input inputMode="tel" maxLength={13} />
        </Form.Item>
        <Form.Item name="contactName" label={t('units.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('units.contactPhone')} extra={unit?.contactPhone ? t('units.phoneKeep', { masked: unit.contactPhone }) : undefined} rules={[{ pattern: PHONE_PATTERN, message: t('units.phoneInvalid') }]}>
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
      <Button type="primary" htmlType="submit" size="large" block loading={pending} data-testid="unit-submit">
        {t('units.save')}
      </Button>
    </Form>
  );
}
