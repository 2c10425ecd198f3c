import { useState, type ReactNode } from 'react';
import { Alert, Checkbox, Input, Modal, Typography } from 'antd';
import { useI18n, type MessageKey } from '../lib/i18n';

/** The feature's own strings: each register words its request in its own terms (registered in its i18n file). */
export interface UnmaskLabels {
  title: MessageKey;
  /** Says the request is audited. */
  hint: MessageKey;
  /** Placeholder of the reason box. */
  reason: MessageKey;
  /** Shown under a reason shorter than minReason; without it the OK button is only disabled. */
  reasonShort?: MessageKey;
  /** OK button text; antd's default (确定/OK) without it. */
  submit?: MessageKey;
}

export interface UnmaskDialogProps<F extends string, V> {
  open: boolean;
  onClose: () => void;
  labels: UnmaskLabels;
  /** The server's minimum reason length for this endpoint (trimmed), so the button says so before sending. */
  minReason: number;
  /** Fields the user may choose among (a checkbox each when more than one); all are chosen at first. */
  fields?: { value: F; label: string }[];
  /** Calls the unmask endpoint; the server writes the audit entry. */
  reveal: (reason: string, fields: F[]) => Promise<V>;
  /** Takes the clear values and closes the dialog (the caller shows them). */
  onRevealed?: (values: V) => void;
  /** Or shows the clear values in the dialog itself until it is closed. */
  renderRevealed?: (values: V) => ReactNode;
  /** Inputs shown above the reason (a search asks for the value searched). */
  children?: ReactNode;
  /** Keeps the OK button disabled, e.g. until those inputs are valid. */
  blocked?: boolean;
}

/**
 * 查看完整信息: the user states why and (optionally) picks the fields, then the clear values come back. They live only
 * in component state, never in the query cache, and are dropped when the dialog closes or the page is left.
 */
export function UnmaskDialog<F extends string, V>({
  open,
  onClose,
  labels,
  minReason,
  fields = [],
  reveal,
  onRevealed,
  renderRevealed,
  children,
  blocked = false,
}: UnmaskDialogProps<F, V>) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState<F[]>(() => fields.map((f) => f.value));
  const [revealed, setRevealed] = useState<{ values: V } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tooShort = reason.trim().length < minReason;

  const close = () => {
    setRevealed(null);
    setReason('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const values = await reveal(reason.trim(), chosen);
      if (renderRevealed) setRevealed({ values });
      else {
        onRevealed?.(values);
        close();
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(labels.title)}
      onCancel={close}
      onOk={revealed ? close : () => void submit()}
      okText={revealed ? t('common.close') : labels.submit ? t(labels.submit) : undefined}
      okButtonProps={{
        disabled: !revealed && (blocked || tooShort || (fields.length > 0 && chosen.length === 0)),
        'data-testid': 'unmask-submit',
      }}
      cancelButtonProps={{ style: revealed ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      destroyOnHidden
    >
      {revealed && renderRevealed ? (
        renderRevealed(revealed.values)
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t(labels.hint)}</Typography.Paragraph>
          {children}
          {fields.length > 1 ? (
            <Checkbox.Group
              value={chosen}
              onChange={(v) => setChosen(v as F[])}
              options={fields}
              style={{ marginBottom: 8 }}
            />
          ) : null}
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t(labels.reason)}
            data-testid="unmask-reason"
          />
          {labels.reasonShort && reason.length > 0 && tooShort ? (
            <Typography.Text type="danger">{t(labels.reasonShort)}</Typography.Text>
          ) : null}
        </>
      )}
      {error ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={error} /> : null}
    </Modal>
  );
}
