import { useState } from 'react';
import { Button } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useHasPermission } from '../features/auth/api';
import { useI18n, type MessageKey } from '../lib/i18n';
import { UnmaskDialog, type UnmaskDialogProps } from './unmask-dialog';

export interface UnmaskButtonProps<F extends string, V>
  extends Omit<UnmaskDialogProps<F, V>, 'open' | 'onClose'> {
  label: MessageKey;
  /** False when the record holds nothing to reveal: no button then. */
  available?: boolean;
  testId?: string;
}

/**
 * A record page's 查看完整信息 action: the button and its dialog. Shown only with personal.unmask (the server checks it
 * again), so every register hides it the same way.
 */
export function UnmaskButton<F extends string, V>({
  label,
  available = true,
  testId,
  ...dialog
}: UnmaskButtonProps<F, V>) {
  const { t } = useI18n();
  const canUnmask = useHasPermission('personal.unmask');
  const [open, setOpen] = useState(false);
  if (!canUnmask || !available) return null;
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {t(label)}
      </Button>
      <UnmaskDialog {...dialog} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
