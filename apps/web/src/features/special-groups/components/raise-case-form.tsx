import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { RESIDENT_NEED_CASE_CLASS, type ResidentFile } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import type { LngLat } from '../../areas/map/area-map';
import { CategoryPicker } from '../../cases/components/category-picker';
import { LocationPicker } from '../../cases/components/location-picker';
import { useRaiseCase } from '../resident-files-api';

interface Values {
  categoryCode: string;
  description: string;
  address: string;
}

/** 转为案件: a resident's need becomes a case (民生服务 by default), reported by the caller as a grid staff report. */
export function RaiseCaseForm({
  file,
  onClose,
  onRaised,
}: {
  file: ResidentFile;
  onClose: () => void;
  onRaised: (f: ResidentFile) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [point, setPoint] = useState<LngLat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const raise = useRaiseCase();
  const submit = (v: Values) => {
    if (!point) {
      setError(t('report.pointRequired'));
      return;
    }
    setError(null);
    raise.mutate(
      {
        id: file.id,
        body: {
          categoryCode: v.categoryCode,
          description: v.description.trim(),
          address: v.address.trim(),
          lng: point[0],
          lat: point[1],
        },
      },
      {
        onSuccess: (f) => {
          onRaised(f);
          onClose();
        },
        onError: (err) => setError(err.message),
      },
    );
  };
  return (
    <Modal
      open
      title={t('files.raiseCase')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={raise.isPending}
      destroyOnHidden
      maskClosable={false}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          categoryCode: RESIDENT_NEED_CASE_CLASS,
          description: file.raised.slice(0, 2000),
          address: '',
        }}
        data-testid="raise-case-form"
      >
        <Form.Item
          name="categoryCode"
          label={t('report.category')}
          extra={t('files.categoryHint')}
          rules={[{ required: true }]}
        >
          <CategoryPicker />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('report.description')}
          rules={[{ required: true, min: 2, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('report.address')}
          rules={[
            { required: true, min: 2, whitespace: true, message: t('report.addressRequired') },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Typography.Text>{t('report.location')}</Typography.Text>
        <LocationPicker value={point} onChange={setPoint} />
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
    </Modal>
  );
}
