import { Alert, App, Button, Result, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { PublicReportResult } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { PUBLIC_PATHS, type ReceiptState } from '../public-paths';
import { Colon } from '../../../components/label-colon';

/** The receipt after a report: the number, the secret once, and the way to track it. */
export function PublicReceipt({
  done,
  onAgain,
}: {
  done: PublicReportResult;
  onAgain: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const secret = done.secret;
  const copyText = `${t('public.caseNo')}: ${done.caseNo}${secret ? `\n${t('public.secret')}: ${secret}` : ''}`;
  return (
    <Result
      status="success"
      title={t('public.done')}
      style={{ padding: '16px 0' }}
      subTitle={
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <span>
            {t('public.caseNo')}
            <Colon />
            <Typography.Text strong data-testid="public-case-no">
              {done.caseNo}
            </Typography.Text>
          </span>
          {secret ? (
            <span>
              {t('public.secret')}
              <Colon />
              <Typography.Text strong code data-testid="public-secret">
                {secret}
              </Typography.Text>
            </span>
          ) : null}
          {done.contactPhoneMasked ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('public.phoneKept', { phone: done.contactPhoneMasked })}
            </Typography.Text>
          ) : null}
        </Space>
      }
      extra={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type={secret ? 'warning' : 'info'}
            showIcon
            message={secret ? t('public.secretOnce') : t('public.replayed')}
          />
          <Button
            icon={<CopyOutlined />}
            block
            onClick={() =>
              void navigator.clipboard
                ?.writeText(copyText)
                .then(() => message.success(t('public.copied')))
            }
          >
            {t('public.copy')}
          </Button>
          {secret ? (
            <Button
              type="primary"
              block
              data-testid="public-track-now"
              onClick={() =>
                void navigate(PUBLIC_PATHS.track, {
                  state: { caseNo: done.caseNo, secret } satisfies ReceiptState,
                })
              }
            >
              {t('public.trackNow')}
            </Button>
          ) : null}
          <Button block onClick={onAgain}>
            {t('public.again')}
          </Button>
        </Space>
      }
    />
  );
}
