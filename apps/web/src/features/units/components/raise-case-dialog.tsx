import { useState } from 'react';
import { Alert, Form, Input, Modal, Switch, Typography } from 'antd';
import type { Hazard, Inspection } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { CategoryPicker } from '../../cases/components/category-picker';
import { useRaiseCase } from '../places-api';
import { showServerError } from '../unit-format';

interface RaiseValues {
  classCode: string;
  description?: string;
  urgent: boolean;
}

/** 隐患生成案件: the user picks the case category; the case is located at the inspected unit or place. */
export function RaiseCaseDialog({
  inspection,
  hazard,
  onClose,
  onRaised,
}: {
  inspection: Inspection;
  hazard: Hazard;
  onClose: () => void;
  onRaised: (caseId: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<RaiseValues>();
  const [error, setError] = useState<string | null>(null);
  const raise = useRaiseCase(inspection);
  const submit = (v: RaiseValues) => {
    setError(null);
    raise.mutate(
      {
        hazardId: hazard.id,
        classCode: v.classCode,
        urgent: v.urgent,
        ...(v.description?.trim() ? { description: v.description.trim() } : {}),
      },
      {
        onSuccess: (r) => onRaised(r.caseId),
        onError: (err) => setError(showServerError(form, err, ['classCode', 'description'])),
      },
    );
  };
  return (
    <Modal
      open
      title={t('units.raiseCase')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={raise.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('units.raiseCaseHint', { name: inspection.targetName })}
      </Typography.Paragraph>
      <Typography.Paragraph>{hazard.description}</Typography.Paragraph>
      <Form<RaiseValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ urgent: hazard.level === 'major' }}
      >
        <Form.Item
          name="classCode"
          label={t('report.category')}
          rules={[{ required: true, message: t('units.categoryRequired') }]}
        >
          <CategoryPicker testId="raise-case-category" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('units.caseDescription')}
          extra={t('units.caseDescriptionHint')}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="urgent" label={t('report.urgent')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
