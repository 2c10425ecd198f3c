import { useEffect, useMemo } from 'react';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import {
  childLevelsOf,
  type AddressDetail,
  type AddressLevel,
  type BuildingInfo,
} from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-media-query';
import { useCreateAddress, useUpdateAddress } from '../api';
import { LABELS, levelLabel, optionsOf } from '../address-format';
import { showFormError } from '../form-errors';
import { AreaSelect } from '../../../components/area-select';
import { FIELD_IN_ROW, FieldRow } from './field-row';

export type NodeFormMode =
  | { kind: 'create'; parent: AddressDetail | null }
  | { kind: 'edit'; node: AddressDetail };

interface FormValues {
  level: AddressLevel;
  name: string;
  areaCode?: string | null;
  lng?: number | null;
  lat?: number | null;
  building?: BuildingInfo;
}

const FIELDS = [
  'level',
  'name',
  'areaCode',
  'lng',
  'lat',
  'building.floorsAbove',
  'building.floorsBelow',
  'building.builtYear',
];

interface AddressNodeFormProps {
  mode: NodeFormMode;
  onClose: () => void;
  onSaved: (node: AddressDetail) => void;
}

/** 新增下级 / 修改: name, where it is filed (area or coordinates, else inherited), and 楼栋 attributes. */
export function AddressNodeForm({ mode, onClose, onSaved }: AddressNodeFormProps) {
  const { t, lang } = useI18n();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const node = mode.kind === 'edit' ? mode.node : null;
  const parent = mode.kind === 'create' ? mode.parent : null;
  const create = useCreateAddress();
  const update = useUpdateAddress(node?.id ?? '');
  const levels = useMemo(
    () => (node ? [node.level] : childLevelsOf(parent?.level ?? null)),
    [node, parent],
  );
  const level = Form.useWatch('level', form) ?? levels[0];

  useEffect(() => {
    form.resetFields();
    if (node)
      form.setFieldsValue({
        level: node.level,
        name: node.name,
        lng: node.lng,
        lat: node.lat,
        building: node.building ?? {},
      });
    else form.setFieldsValue({ level: levels[0] });
  }, [form, node, levels]);

  const submit = async (v: FormValues) => {
    const point = v.lng != null && v.lat != null ? { lng: v.lng, lat: v.lat } : {};
    const building = v.level === 'building' ? (v.building ?? null) : undefined;
    try {
      if (node) {
        const moved = v.lng !== node.lng || v.lat !== node.lat;
        const saved = await update.mutateAsync({
          version: node.version,
          ...(v.name !== node.name ? { name: v.name } : {}),
          ...(v.areaCode ? { areaCode: v.areaCode } : {}),
          ...(moved ? point : {}),
          ...(building !== undefined ? { building } : {}),
          crs: 'wgs84',
        });
        onSaved(saved);
      } else {
        const saved = await create.mutateAsync({
          parentId: parent?.id ?? null,
          level: v.level,
          name: v.name,
          ...(v.areaCode ? { areaCode: v.areaCode } : {}),
          ...point,
          building,
          crs: 'wgs84',
        });
        onSaved(saved);
      }
    } catch (err) {
      showFormError(form, err, FIELDS);
    }
  };

  const title = node
    ? t('addr.editTitle', { name: node.name })
    : parent
      ? t('addr.addChildTitle', { name: parent.fullName })
      : t('addr.addRoot');
  const numberRule = (min: number, max: number, key: Parameters<typeof t>[0]) => [
    { type: 'number' as const, min, max, message: t(key, { min, max }) },
  ];

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('addr.save')}
      cancelText={t('house.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={isMobile ? '100%' : 560}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        data-testid="address-node-form"
      >
        <Form.Item
          name="level"
          label={t('addr.level')}
          rules={[{ required: true, message: t('addr.levelRequired') }]}
        >
          <Select
            disabled={Boolean(node) || levels.length < 2}
            options={levels.map((l) => ({ value: l, label: levelLabel(l, lang) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('addr.name')}
          extra={t('addr.nameHint')}
          rules={[
            { required: true, whitespace: true, message: t('addr.nameRequired') },
            { max: 50, message: t('addr.nameTooLong') },
            { pattern: /^[^|]*$/, message: t('addr.nameBar') },
          ]}
        >
          <Input maxLength={50} placeholder={t(`addr.namePlaceholder.${level}`)} />
        </Form.Item>
        <Form.Item
          name="areaCode"
          label={t('addr.area')}
          extra={
            node
              ? t('addr.areaKeep', {
                  code: node.gridCode ?? node.communityCode ?? node.streetCode ?? node.adminCode,
                })
              : parent
                ? t('addr.areaInherit')
                : t('addr.areaRoot')
          }
          rules={
            parent || node
              ? []
              : [
                  {
                    validator: async (_r, value) =>
                      value || form.getFieldValue('lng') != null
                        ? undefined
                        : Promise.reject(new Error(t('addr.areaRequired'))),
                  },
                ]
          }
        >
          <AreaSelect
            placeholder={t('addr.areaPlaceholder')}
            showCode
            style={{ width: '100%' }}
            testId="address-area"
          />
        </Form.Item>
        <FieldRow>
          <Form.Item
            name="lng"
            label={t('addr.lng')}
            style={FIELD_IN_ROW}
            rules={[
              ...numberRule(-180, 180, 'addr.rangeInvalid'),
              { validator: bothOrNeither(form, 'lat', t('addr.pointPair')) },
            ]}
          >
            <InputNumber style={{ width: '100%' }} step={0.000001} placeholder="113.625" />
          </Form.Item>
          <Form.Item
            name="lat"
            label={t('addr.lat')}
            style={FIELD_IN_ROW}
            rules={[
              ...numberRule(-90, 90, 'addr.rangeInvalid'),
              { validator: bothOrNeither(form, 'lng', t('addr.pointPair')) },
            ]}
          >
            <InputNumber style={{ width: '100%' }} step={0.000001} placeholder="34.746" />
          </Form.Item>
        </FieldRow>
        {level === 'building' ? (
          <>
            <FieldRow>
              <Form.Item
                name={['building', 'floorsAbove']}
                label={t('addr.floorsAbove')}
                style={FIELD_IN_ROW}
                rules={numberRule(1, 200, 'addr.rangeInvalid')}
              >
                <InputNumber style={{ width: '100%' }} precision={0} />
              </Form.Item>
              <Form.Item
                name={['building', 'floorsBelow']}
                label={t('addr.floorsBelow')}
                style={FIELD_IN_ROW}
                rules={numberRule(0, 20, 'addr.rangeInvalid')}
              >
                <InputNumber style={{ width: '100%' }} precision={0} />
              </Form.Item>
            </FieldRow>
            <Form.Item name={['building', 'structure']} label={t('addr.structure')}>
              <Select allowClear options={optionsOf(LABELS.structure, lang)} />
            </Form.Item>
            <Form.Item name={['building', 'use']} label={t('addr.buildingUse')}>
              <Select allowClear options={optionsOf(LABELS.buildingUse, lang)} />
            </Form.Item>
            <Form.Item
              name={['building', 'builtYear']}
              label={t('addr.builtYear')}
              rules={numberRule(1800, 2100, 'addr.rangeInvalid')}
            >
              <InputNumber style={{ width: '100%' }} precision={0} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Longitude and latitude go together: one without the other is refused. */
function bothOrNeither(
  form: ReturnType<typeof Form.useForm<FormValues>>[0],
  other: 'lng' | 'lat',
  message: string,
) {
  return async (_rule: unknown, value: number | null | undefined) => {
    const otherValue = form.getFieldValue(other) as number | null | undefined;
    if ((value == null) !== (otherValue == null)) throw new Error(message);
  };
}
