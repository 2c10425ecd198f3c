import { useState } from 'react';
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n';
import { useUnmaskGuardian } from '../api';

/** Shows the helper's phone in full after a stated reason; the server writes the audit entry. */
export function UnmaskPhoneButton({ membershipId, masked }: { membershipId: string; masked: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const unmask = useUnmaskGuardian();
  if (phone) return <Typography.Text copyable>{phone}</Typography.Text>;
  return (
    <>
      <span>{masked}</span>
      <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} aria-label={t('special.unmask')} />
      {open ? (
        <Modal
          open
          title={t('special.unmask')}
          onCancel={() => setOpen(false)}
          okButtonProps={{ disabled: reason.trim().length < 4 }}
          confirmLoading={unmask.isPending}
          onOk={() =>
            unmask.mutate(
              { id: membershipId, reason: reason.trim() },
              {
                onSuccess: (r) => {
                  setPhone(r.guardianPhone ?? '—');
                  setOpen(false);
                },
              },
            )
          }
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">{t('special.unmaskHint')}</Typography.Paragraph>
          <Input.TextArea rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('special.unmaskReason')} />
          {unmask.error ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={unmask.error.message} /> : null}
        </Modal>
      ) : null}
    </>
  );
}
