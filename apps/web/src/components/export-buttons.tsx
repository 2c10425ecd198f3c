import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useHasPermission } from '../features/auth/api';
import { useI18n, type MessageKey } from '../lib/i18n';
import { UnmaskDialog } from './unmask-dialog';

interface ExportButtonsProps {
  /** The sheet's URL for the current filters; with a reason, the one in clear. */
  url: (reason?: string) => string;
  label: MessageKey;
  testId: string;
}

/** Appends the reason for a clear export to an export URL (the server audits it with the export). */
export function withExportReason(url: string, reason?: string): string {
  if (!reason) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams({ reason }).toString()}`;
}

/**
 * A registry's export: the masked sheet for everyone, and for holders of registry.export a second button that asks
 * why (the unmask dialog) before downloading the sheet in clear. Downloads are plain navigations: the browser sends
 * the session cookie and saves the attachment.
 */
export function ExportButtons({ url, label, testId }: ExportButtonsProps) {
  const { t } = useI18n();
  const canExportFull = useHasPermission('registry.export');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        href={url()}
        title={t('export.maskedHint')}
        data-testid={testId}
      >
        {t(label)}
      </Button>
      {canExportFull ? (
        <>
          <Button
            icon={<EyeOutlined />}
            onClick={() => setOpen(true)}
            data-testid={`${testId}-full`}
          >
            {t('export.full')}
          </Button>
          <UnmaskDialog
            open={open}
            onClose={() => setOpen(false)}
            labels={{
              title: 'export.fullTitle',
              hint: 'export.fullHint',
              reason: 'export.fullReason',
              reasonShort: 'export.fullReasonShort',
              submit: 'export.fullSubmit',
            }}
            minReason={4}
            reveal={async (reason) => {
              window.location.assign(url(reason));
              return null;
            }}
          />
        </>
      ) : null}
    </>
  );
}
