import { Form, Input, InputNumber, Select } from 'antd';
import type { GroupField } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';

/** The inputs of a group's own fields (data, so a local group's fields appear without a code change). */
export function GroupFieldInputs({ fields }: { fields: GroupField[] }) {
  const { t } = useI18n();
  return (
    <>
      {fields.map((f) => (
        <Form.Item
          key={f.key}
          name={['fields', f.key]}
          label={f.label}
          rules={
            f.required
              ? [{ required: true, message: t('special.fieldRequired', { label: f.label }) }]
              : []
          }
        >
          {f.type === 'number' ? (
            <InputNumber style={{ width: '100%' }} />
          ) : f.type === 'date' ? (
            <Input type="date" />
          ) : f.type === 'boolean' ? (
            <Select
              allowClear
              options={[
                { value: true, label: t('special.yes') },
                { value: false, label: t('special.no') },
              ]}
            />
          ) : f.type === 'select' ? (
            <Select allowClear options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />
          ) : (
            <Input maxLength={1000} />
          )}
        </Form.Item>
      ))}
    </>
  );
}
