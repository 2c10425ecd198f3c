import { useState } from 'react';
import { Alert, Checkbox, Descriptions, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';

interface UnmaskDialogProps<F extends string> {
  open: boolean;
  onClose: () => void;
  /** The personal fields the user may choose to reveal, with their labels. */
  fields: { value: F; label: string }[];
  reveal: (reason: string, fields: F[]) => Promise<Partial<Record<F, string | null>>>;
}

/**
 * 查看完整信息: the user states why (at least 4 characters) and picks the fields; the server writes the audit
 * entry and answers the full values, shown here only until the dialog closes.
 */
export function UnmaskDialog<F extends string>({ open, onClose, fields, reveal }: UnmaskDialogProps<F>) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState<F[]>(fields.map((f) => f.value));
  const [values, setValues] = useState<Partial<Record<F, string | null>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setValues(null);
    setReason('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setValues(await reveal(reason.trim(), chosen));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('units.unmaskTitle')}
      onCancel={close}
      onOk={values ? close : () => void submit()}
      okText={values ? t('common.close') : t('units.unmaskSubmit')}
      okButtonProps={{ disabled: !values && (reason.trim().length < 4 || chosen.length === 0) }}
      confirmLoading={busy}
      cancelButtonProps={{ style: values ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {values ? (
        <Descriptions column={1} size="small" data-testid="unmask-values">
          {fields
            .filter((f) => f.value in values)
            .map((f) => (
              <Descriptions.Item key={f.value} label={f.label}>
                <Typography.Text copyable={Boolean(values[f.value])}>{values[f.value] ?? t('common.none')}</Typography.Text>
              </Descriptions.Item>
            ))}
        </Descriptions>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('units.unmaskHint')}</Typography.Paragraph>
          {fields.length > 1 ? (
            <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as F[])} options={fields} style={{ marginBottom: 8 }} />
          ) : null}
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('units.unmaskReason')}
            data-testid="unmask-reason"
          />
          {reason.length > 0 && reason.trim().length < 4 ? <Typography.Text type="danger">{t('units.unmaskReasonShort')}</Typography.Text> : null}
        </>
      )}
      {error ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={error} /> : null}
    </Modal>
  );
}
