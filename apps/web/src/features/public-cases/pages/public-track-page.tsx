import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented } from 'antd';
import { useLocation } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { usePublicCase } from '../api';
import { PublicCaseCard } from '../components/public-case-card';
import { PhoneLookup } from '../components/phone-lookup';
import { PublicLayout } from '../components/public-layout';
import type { ReceiptState } from '../public-paths';

/** 进度查询: number + secret → status, milestones, messages; 评价 and 申请重开 when allowed. */
export function PublicTrackPage() {
  const { t } = useI18n();
  // Straight from submission the receipt comes in history state, so the secret never sits in the URL.
  const handed = (useLocation().state as ReceiptState | null) ?? null;
  const [receipt, setReceipt] = useState<ReceiptState | null>(handed);
  const query = usePublicCase(receipt);
  const [by, setBy] = useState<'receipt' | 'phone'>('receipt');

  return (
    <PublicLayout title={t('public.trackTitle')}>
      <Segmented
        block
        value={by}
        onChange={(v) => setBy(v as 'receipt' | 'phone')}
        options={[
          { value: 'receipt', label: t('public.byReceipt') },
          {
            value: 'phone',
            label: <span data-testid="track-by-phone">{t('public.byPhone')}</span>,
          },
        ]}
        style={{ marginBottom: 12 }}
      />
      {by === 'phone' ? <PhoneLookup /> : null}
      <div hidden={by !== 'receipt'}>
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form<ReceiptState>
            layout="vertical"
            initialValues={handed ?? undefined}
            onFinish={(v) =>
              setReceipt({ caseNo: v.caseNo.trim().toUpperCase(), secret: v.secret.trim() })
            }
            requiredMark={false}
          >
            <Form.Item
              name="caseNo"
              label={t('public.caseNo')}
              rules={[{ required: true, whitespace: true, message: t('public.caseNoRequired') }]}
            >
              <Input
                placeholder={t('public.caseNoPlaceholder')}
                maxLength={24}
                autoCapitalize="characters"
                data-testid="track-case-no"
              />
            </Form.Item>
            <Form.Item
              name="secret"
              label={t('public.secret')}
              rules={[{ required: true, whitespace: true, message: t('public.secretRequired') }]}
            >
              <Input
                placeholder={t('public.secretPlaceholder')}
                maxLength={40}
                autoCapitalize="characters"
                autoComplete="off"
                data-testid="track-secret"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={query.isFetching}
              data-testid="track-submit"
            >
              {t('public.query')}
            </Button>
          </Form>
        </Card>
        {query.isError ? (
          <Alert
            type="error"
            showIcon
            message={
              isApiError(query.error) && query.error.status === 404
                ? t('public.notFound')
                : query.error.message
            }
            data-testid="track-error"
          />
        ) : null}
        {query.data && receipt ? (
          <PublicCaseCard view={query.data} secret={receipt.secret} />
        ) : null}
      </div>
    </PublicLayout>
  );
}
