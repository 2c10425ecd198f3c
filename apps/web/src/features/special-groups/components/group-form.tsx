import { Alert, Button, Checkbox, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  GROUP_FIELD_TYPES,
  GROUP_KINDS,
  GROUP_SENSITIVITIES,
  type GroupField,
  type SpecialGroup,
  type VisitIntervals,
} from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useCreateGroup, useUpdateGroup } from '../api';
import { SaveModal, useFormError } from './save-modal';

interface FieldRow {
  key: string;
  label: string;
  type: GroupField['type'];
  options?: string;
  required?: boolean;
}

interface Values {
  code: string;
  name: string;
  kind: SpecialGroup['kind'];
  sensitivity: SpecialGroup['sensitivity'];
  intervals: VisitIntervals;
  active: boolean;
  fields: FieldRow[];
}

const toField = (r: FieldRow): GroupField => {
  const options = (r.options ?? '')
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    key: r.key.trim(),
    label: r.label.trim(),
    type: r.type,
    ...(r.type === 'select' ? { options } : {}),
    ...(r.required ? { required: true } : {}),
  };
};

/** Adds a local group (信访人员 …) with its own fields, or edits a group's name, fields, intervals and active flag. */
export function GroupForm({ group, onClose }: { group?: SpecialGroup; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { error, clear, fail } = useFormError(form);
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const submit = (v: Values) => {
    clear();
    const fields = (v.fields ?? []).map(toField);
    if (group)
      update.mutate(
        {
          code: group.code,
          body: {
            version: group.version,
            name: v.name,
            sensitivity: v.sensitivity,
            intervals: v.intervals,
            active: v.active,
            fields,
          },
        },
        { onSuccess: onClose, onError: fail },
      );
    else
      create.mutate(
        {
          code: v.code.trim(),
          name: v.name.trim(),
          kind: v.kind,
          sensitivity: v.sensitivity,
          intervals: v.intervals,
          active: v.active,
          fields,
        },
        { onSuccess: onClose, onError: fail },
      );
  };

  return (
    <SaveModal
      title={group ? t('groups.edit', { name: group.name }) : t('groups.add')}
      form={form}
      pending={create.isPending || update.isPending}
      onClose={onClose}
      width={720}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="group-form"
        initialValues={{
          code: group?.code ?? '',
          name: group?.name ?? '',
          kind: group?.kind ?? 'local',
          sensitivity: group?.sensitivity ?? 'general',
          intervals: group?.intervals ?? { normal: 90, medium: 30, high: 7 },
          active: group?.active ?? true,
          fields: (group?.fields ?? []).map((f) => ({ ...f, options: f.options?.join(',') })),
        }}
      >
        <Space wrap align="start">
          <Form.Item
            name="code"
            label={t('groups.code')}
            rules={[
              { required: true, pattern: /^[a-z][a-z0-9_]{2,40}$/, message: t('groups.codeRule') },
            ]}
          >
            <Input disabled={Boolean(group)} placeholder="petitioner" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="name" label={t('groups.name')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={40} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('groups.kind')}>
            <Select
              disabled={Boolean(group)}
              style={{ width: 140 }}
              options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groups.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="sensitivity" label={t('groups.sensitivity')}>
            <Select
              style={{ width: 140 }}
              options={GROUP_SENSITIVITIES.map((s) => ({
                value: s,
                label: t(`groups.sensitivity.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="active" label={t('groups.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item
          label={t('groups.intervals')}
          extra={t('groups.intervalsHint')}
          style={{ marginBottom: 8 }}
        >
          <Space wrap>
            {(['normal', 'medium', 'high'] as const).map((l) => (
              <Form.Item key={l} name={['intervals', l]} noStyle rules={[{ required: true }]}>
                <InputNumber
                  min={1}
                  max={366}
                  prefix={t(`groups.level.${l}`)}
                  suffix={t('groups.days')}
                  style={{ width: 150 }}
                />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Form.List name="fields">
          {(rows, { add, remove }) => (
            <>
              {rows.map(({ key, name }) => (
                <Space key={key} wrap align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[name, 'key']}
                    rules={[
                      {
                        required: true,
                        pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/,
                        message: t('groups.fieldKeyRule'),
                      },
                    ]}
                  >
                    <Input placeholder={t('groups.fieldKey')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'label']} rules={[{ required: true }]}>
                    <Input placeholder={t('groups.fieldLabel')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'type']} initialValue="text">
                    <Select
                      style={{ width: 100 }}
                      options={GROUP_FIELD_TYPES.map((ft) => ({
                        value: ft,
                        label: t(`groups.type.${ft}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'options']}>
                    <Input placeholder={t('groups.fieldOptions')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'required']} valuePropName="checked">
                    <Checkbox>{t('groups.required')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(name)}
                    aria-label={t('groups.removeField')}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ type: 'text' })}
                data-testid="group-add-field"
              >
                {t('groups.addField')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </SaveModal>
  );
}
