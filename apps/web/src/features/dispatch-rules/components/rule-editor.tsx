import { useEffect } from 'react';
import { Alert, Form, InputNumber, Modal, Radio, Select } from 'antd';
import type { DispatchRole, DispatchRule } from '@wangge/shared';
import { AreaSelect } from '../../../components/area-select';
import { CategoryPicker } from '../../cases/components/category-picker';
import { useDepartments } from '../../departments/api';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useCreateRule, useUpdateRule } from '../api';

interface Values {
  classCode?: string;
  areaCode?: string | null;
  departmentId?: string;
  role: DispatchRole;
  priority: number;
}
const FIELDS = ['classCode', 'areaCode', 'departmentId', 'role', 'priority', 'conditionId'];

/** 新增 / 修改派遣规则: class × area → department as 主办 or 协办, with a priority; refusals shown at their field. */
export function RuleEditor({ rule, onClose }: { rule: DispatchRule | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const depts = useDepartments();
  const create = useCreateRule();
  const update = useUpdateRule();
  const error = (create.error ?? update.error) as unknown;
  useEffect(() => {
    form.setFieldsValue(
      rule
        ? {
            classCode: rule.classCode,
            areaCode: rule.areaCode,
            departmentId: rule.departmentId,
            role: rule.role,
            priority: rule.priority,
          }
        : { role: 'primary', priority: 0 },
    );
  }, [rule, form]);
  const onError = (e: unknown) => {
    if (isApiError(e) && e.field && FIELDS.includes(e.field))
      form.setFields([{ name: e.field as keyof Values, errors: [e.message] }]);
  };
  const submit = (v: Values) => {
    const body = {
      classCode: v.classCode ?? '',
      areaCode: v.areaCode ?? '',
      departmentId: v.departmentId ?? '',
      role: v.role,
      priority: v.priority ?? 0,
    };
    if (rule) update.mutate({ id: rule.id, body }, { onSuccess: onClose, onError });
    else create.mutate(body, { onSuccess: onClose, onError });
  };
  const general =
    error && !(isApiError(error) && error.field && FIELDS.includes(error.field))
      ? isApiError(error)
        ? error.message
        : String(error)
      : null;
  return (
    <Modal
      open
      title={rule ? t('matrix.editTitle') : t('matrix.addTitle')}
      okText={t('matrix.save')}
      cancelText={t('matrix.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => (create.reset(), update.reset())}
        data-testid="matrix-editor"
      >
        <Form.Item
          name="classCode"
          label={t('matrix.class')}
          extra={t('matrix.classHint')}
          rules={[{ required: true, message: t('matrix.required') }]}
        >
          <CategoryPicker testId="matrix-class" />
        </Form.Item>
        <Form.Item
          name="areaCode"
          label={t('matrix.area')}
          extra={t('matrix.areaHint')}
          rules={[{ required: true, message: t('matrix.required') }]}
        >
          <AreaSelect
            placeholder={t('matrix.areaPlaceholder')}
            showCode
            style={{ width: '100%' }}
            testId="matrix-area"
          />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t('matrix.department')}
          rules={[{ required: true, message: t('matrix.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={depts.isPending}
            options={(depts.data?.items ?? []).map((d) => ({
              value: d.id,
              label: `${d.name}（${d.code}）`,
            }))}
            data-testid="matrix-department"
          />
        </Form.Item>
        <Form.Item name="role" label={t('matrix.role')}>
          <Radio.Group
            options={[
              { value: 'primary', label: t('matrix.role.primary') },
              { value: 'backup', label: t('matrix.role.backup') },
            ]}
            data-testid="matrix-role"
          />
        </Form.Item>
        <Form.Item name="priority" label={t('matrix.priority')} extra={t('matrix.priorityHint')}>
          <InputNumber min={0} max={999} data-testid="matrix-priority" />
        </Form.Item>
        {general ? <Alert type="error" showIcon title={general} /> : null}
      </Form>
    </Modal>
  );
}
