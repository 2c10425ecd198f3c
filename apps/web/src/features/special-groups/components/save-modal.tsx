import { useState, type ReactNode } from 'react';
import { Modal, type FormInstance } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formPathOf } from '../special-format';

/**
 * The error of a failed save, for the form's Alert and, when the server names a field, on that field too
 * ('fields.key' → the nested form item).
 */
export function useFormError(form: FormInstance) {
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    clear: () => setError(null),
    fail: (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      setError(message);
      const path = formPathOf(err);
      if (path) form.setFields([{ name: path as never, errors: [message] }]);
    },
  };
}

interface SaveModalProps {
  title: ReactNode;
  form: FormInstance;
  pending: boolean;
  onClose: () => void;
  width?: number;
  /** While an upload runs, say. */
  okDisabled?: boolean;
  children: ReactNode;
}

/** The dialog around a special-groups form: 保存 submits the form; a stray click outside does not drop the input. */
export function SaveModal({
  title,
  form,
  pending,
  onClose,
  width,
  okDisabled,
  children,
}: SaveModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('special.save')}
      okButtonProps={okDisabled ? { disabled: true } : undefined}
      confirmLoading={pending}
      destroyOnHidden
      maskClosable={false}
      width={width}
    >
      {children}
    </Modal>
  );
}
