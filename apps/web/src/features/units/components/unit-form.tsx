import { Card, Form, Input, InputNumber, Select } from 'antd';
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
import { focusTagLabel, unitStatusLabel, unitTypeLabel } from '../unit-format';
import { useCreateUnit, useUpdateUnit } from '../units-api';
import { optionalText } from './form-rules';
import {
  IntervalItem,
  LocationCard,
  PhoneItem,
  SaveFooter,
  useLocatedSave,
} from './record-form-parts';

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

const FIELDS = [
  'name',
  'creditCode',
  'registrationNo',
  'unitType',
  'focusTags',
  'industry',
  'address',
  'legalRepName',
  'legalRepPhone',
  'contactName',
  'contactPhone',
  'employeeCount',
  'status',
  'inspectionIntervalDays',
];

/** 登记/修改单位. The credit code is checked here with the same rule the server applies (GB 32100 check character). */
export function UnitForm({
  unit,
  onSaved,
}: {
  unit?: UnitDetail;
  onSaved: (u: UnitDetail) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<UnitFormValues>();
  const located = useLocatedSave(form, unit?.position, FIELDS);
  const create = useCreateUnit();
  const update = useUpdateUnit(unit?.id ?? '');

  const submit = (v: UnitFormValues) => {
    const position = located.position(!unit);
    if (!position) return;
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
      ...located.interval(!unit, v.inspectionIntervalDays),
      // A phone left empty on an edit keeps the stored one (the form only ever sees it masked).
      ...(v.legalRepPhone?.trim() ? { legalRepPhone: v.legalRepPhone.trim() } : {}),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
      ...position,
    };
    const onError = located.onError;
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
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('units.nameRequired') }]}
        >
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
                } else if (form.getFieldValue('unitType') !== 'individual_business')
                  throw new Error(t('units.creditCodeRequired'));
              },
            },
          ]}
        >
          <Input
            maxLength={18}
            style={{ textTransform: 'uppercase' }}
            data-testid="unit-credit-code"
          />
        </Form.Item>
        {unitType === 'individual_business' ? (
          <Form.Item
            name="registrationNo"
            label={t('units.registrationNo')}
            dependencies={['creditCode']}
            rules={[
              {
                validator: async (_, v?: string) => {
                  if (!v?.trim() && !form.getFieldValue('creditCode'))
                    throw new Error(t('units.registrationNoRequired'));
                },
              },
            ]}
          >
            <Input maxLength={30} />
          </Form.Item>
        ) : null}
        <Form.Item name="focusTags" label={t('units.focusTags')} extra={t('units.focusTagsHint')}>
          <Select
            mode="multiple"
            allowClear
            options={FOCUS_TAGS.map((v) => ({ value: v, label: focusTagLabel(v, lang) }))}
          />
        </Form.Item>
        <Form.Item name="industry" label={t('units.industry')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="employeeCount" label={t('units.employeeCount')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <IntervalItem extra={t('units.intervalHint')} />
        {unit ? (
          <Form.Item name="status" label={t('units.status')}>
            <Select
              options={UNIT_STATUSES.map((v) => ({ value: v, label: unitStatusLabel(v, lang) }))}
            />
          </Form.Item>
        ) : null}
      </Card>
      <Card size="small" title={t('units.people')} style={{ marginBottom: 12 }}>
        <Form.Item name="legalRepName" label={t('units.legalRepName')}>
          <Input maxLength={50} />
        </Form.Item>
        <PhoneItem
          name="legalRepPhone"
          label={t('units.legalRepPhone')}
          stored={unit?.legalRepPhone}
        />
        <Form.Item name="contactName" label={t('units.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <PhoneItem
          name="contactPhone"
          label={t('units.contactPhone')}
          stored={unit?.contactPhone}
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
        testId="unit-submit"
      />
    </Form>
  );
}
