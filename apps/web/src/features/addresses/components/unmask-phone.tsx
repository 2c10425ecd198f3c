import { useState } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n';
import { useHasPermission } from '../../auth/api';
import { useUnmaskLandlord } from '../api';
import { showFormError } from '../form-errors';

/**
 * The landlord's phone, masked; with personal.unmask a stated reason reveals it (the server writes the audit entry).
 * The full number is kept only in this component's state, never in the query cache.
 */
export function UnmaskPhone({ houseId, masked }: { houseId: string; masked: string | null }) {
  const { t } = useI18n();
  const canUnmask = useHasPermission('personal.unmask');
  const unmask = useUnmaskLandlord(houseId);
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  if (!masked) return <>—</>;
  if (full)
    return (
      <Typography.Text copyable data-testid="landlord-phone-full">
        {full}
      </Typography.Text>
    );

  const submit = async ({ reason }: { reason: string }) => {
    try {
      const r = await unmask.mutateAsync(reason.trim());
      setFull(r.landlordPhone);
      setOpen(false);
    } catch (err) {
      showFormError(form, err, ['reason']);
    }
  };

  return (
    <span>
      <span data-testid="landlord-phone">{masked}</span>
      {canUnmask ? (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => setOpen(true)}
          data-testid="landlord-unmask"
        >
          {t('house.unmask')}
        </Button>
      ) : null}
      {open ? (
        <Modal
          open
          title={t('house.unmaskTitle')}
          onCancel={() => setOpen(false)}
          onOk={() => form.submit()}
          okText={t('house.unmaskOk')}
          cancelText={t('house.cancel')}
          confirmLoading={unmask.isPending}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">{t('house.unmaskHint')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
            <Form.Item
              name="reason"
              label={t('house.unmaskReason')}
              rules={[
                { required: true, whitespace: true, message: t('house.unmaskReasonRequired') },
                {
                  validator: async (_r, v: string | undefined) =>
                    (v ?? '').trim().length === 1
                      ? Promise.reject(new Error(t('house.unmaskReasonShort')))
                      : undefined,
                },
                { max: 200, message: t('house.tooLong', { n: 200 }) },
              ]}
            >
              <Input.TextArea rows={2} maxLength={200} data-testid="unmask-reason" />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </span>
  );
}
