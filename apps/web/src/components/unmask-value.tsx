import { useState } from 'react';
import { Button, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useHasPermission } from '../features/auth/api';
import { useI18n, type MessageKey } from '../lib/i18n';
import { UnmaskDialog, type UnmaskLabels } from './unmask-dialog';

interface UnmaskValueProps {
  /** The stored mask (138****5678); null shows a dash and offers nothing to reveal. */
  masked: string | null;
  /** Calls the unmask endpoint (which audits the reason) and answers the clear value. */
  reveal: (reason: string) => Promise<string | null>;
  labels: UnmaskLabels;
  minReason: number;
  /** Text beside the eye icon; an icon-only button (named by labels.title) without it, where space is short. */
  buttonLabel?: MessageKey;
  /** data-testid prefix: `${testId}` on the mask, `-unmask` on the button, `-full` on the clear value. */
  testId?: string;
  /** The permission the endpoint demands (colleagues' phones ask staff.contact.read); personal.unmask by default. */
  permission?: string;
}

/**
 * One masked value in place (a phone in a description list) with its eye button. The clear value replaces the mask
 * in this component's state only, never in the query cache, so it is gone when the page is left.
 */
export function UnmaskValue({
  masked,
  reveal,
  labels,
  minReason,
  buttonLabel,
  testId,
  permission = 'personal.unmask',
}: UnmaskValueProps) {
  const { t } = useI18n();
  const canUnmask = useHasPermission(permission);
  const [open, setOpen] = useState(false);
  const [clear, setClear] = useState<{ value: string | null } | null>(null);
  if (!masked) return <>—</>;
  if (clear)
    return (
      <Typography.Text copyable={Boolean(clear.value)} data-testid={testId && `${testId}-full`}>
        {clear.value ?? '—'}
      </Typography.Text>
    );
  return (
    <span>
      <span data-testid={testId}>{masked}</span>
      {canUnmask ? (
        <>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => setOpen(true)}
            aria-label={buttonLabel ? undefined : t(labels.title)}
            data-testid={testId && `${testId}-unmask`}
          >
            {buttonLabel ? t(buttonLabel) : null}
          </Button>
          <UnmaskDialog
            open={open}
            onClose={() => setOpen(false)}
            labels={labels}
            minReason={minReason}
            reveal={reveal}
            onRevealed={(value) => setClear({ value })}
          />
        </>
      ) : null}
    </span>
  );
}
