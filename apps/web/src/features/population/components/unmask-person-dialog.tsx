import { useState } from 'react';
import { Alert, Checkbox, Input, Modal, Typography } from 'antd';
import type { PersonUnmaskResponse } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { unmaskPerson } from '../population-api';

type Field = 'idNumber' | 'phone';

interface UnmaskPersonDialogProps {
  personId: string;
  open: boolean;
  onClose: () => void;
  /** The full values, shown on the page until the user leaves it (never cached). */
  onRevealed: (values: PersonUnmaskResponse) => void;
}

/** 查看完整信息: the user states why (2–200 characters) and picks the fields; the server audits the request. */
export function UnmaskPersonDialog({ personId, open, onClose, onRevealed }: UnmaskPersonDialogProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Field[]>(['idNumber', 'phone']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tooShort = reason.trim().length < 2;

  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onRevealed(await unmaskPerson(personId, { reason: reason.trim(), fields }));
      close();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('persons.unmaskTitle')}
      onCancel={close}
      onOk={() => void submit()}
      okText={t('persons.unmaskSubmit')}
      okButtonProps={{ disabled: tooShort || fields.length === 0, 'data-testid': 'unmask-submit' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('persons.unmaskHint')}</Typography.Paragraph>
      <Checkbox.Group
        value={fields}
        onChange={(v) => setFields(v as Field[])}
        options={[
          { value: 'idNumber', label: t('persons.idNumberLabel') },
          { value: 'phone', label: t('persons.phone') },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Input.TextArea
        rows={2}
        maxLength={200}
        showCount
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('persons.unmaskReason')}
        data-testid="unmask-reason"
      />
      {reason.length > 0 && tooShort ? <Typography.Text type="danger">{t('persons.unmaskReasonShort')}</Typography.Text> : null}
      {error ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={error} /> : null}
    </Modal>
  );
}
