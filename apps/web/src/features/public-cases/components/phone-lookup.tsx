import { useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, Space, Typography } from 'antd';
import type { PublicCaseView } from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { usePublicCode, usePublicLookup } from '../api';
import { PublicCaseCard } from './public-case-card';

interface Values {
  phone: string;
  code: string;
}

/**
 * 手机号查询: a citizen who left a phone gets a one-time code (shown on screen in the demo, where no SMS gateway is
 * configured) and sees every report made with that phone. Rating and reopening still need the receipt's secret.
 */
export function PhoneLookup() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const code = usePublicCode();
  const lookup = usePublicLookup();
  const [items, setItems] = useState<PublicCaseView[] | null>(null);

  const ask = async () => {
    const { phone } = await form.validateFields(['phone']);
    code.mutate(phone.trim(), {
      onError: (e) => {
        if (isApiError(e) && e.field === 'phone')
          form.setFields([{ name: 'phone', errors: [e.message] }]);
      },
    });
  };
  const find = (v: Values) =>
    lookup.mutate(
      { phone: v.phone.trim(), code: v.code.trim() },
      {
        onSuccess: (r) => setItems(r.items),
        onError: (e) => {
          if (isApiError(e) && e.field === 'code')
            form.setFields([{ name: 'code', errors: [e.message] }]);
        },
      },
    );
  const codeError = code.error && !(isApiError(code.error) && code.error.field) ? code.error : null;
  const lookupError =
    lookup.error && !(isApiError(lookup.error) && lookup.error.field) ? lookup.error : null;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={find} requiredMark={false}>
          <Form.Item
            name="phone"
            label={t('public.lookupPhone')}
            rules={[
              { required: true, message: t('public.phoneInvalid') },
              { pattern: /^(?:1\d{10}|0\d{2,3}-?\d{7,8})$/, message: t('public.phoneInvalid') },
            ]}
          >
            <Input inputMode="tel" maxLength={20} autoComplete="tel" data-testid="lookup-phone" />
          </Form.Item>
          <Button
            block
            onClick={() => void ask()}
            loading={code.isPending}
            data-testid="lookup-get-code"
          >
            {t('public.getCode')}
          </Button>
          {code.data ? (
            <Alert
              style={{ marginTop: 8 }}
              type="info"
              showIcon
              data-testid="lookup-code-sent"
              message={
                code.data.shownCode ? (
                  <span>
                    {t('public.demoCode')}
                    <Typography.Text strong code data-testid="lookup-shown-code">
                      {code.data.shownCode}
                    </Typography.Text>
                  </span>
                ) : (
                  t('public.codeSent')
                )
              }
              description={t('public.codeExpires', {
                time: formatDateTime(code.data.expiresAt, lang),
              })}
            />
          ) : null}
          {codeError ? (
            <Alert style={{ marginTop: 8 }} type="error" showIcon message={codeError.message} />
          ) : null}
          <Form.Item
            name="code"
            label={t('public.code')}
            style={{ marginTop: 12 }}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('public.codeInvalid') }]}
          >
            <Input
              inputMode="numeric"
              maxLength={6}
              autoComplete="one-time-code"
              data-testid="lookup-code"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={lookup.isPending}
            data-testid="lookup-submit"
          >
            {t('public.query')}
          </Button>
          {lookupError ? (
            <Alert style={{ marginTop: 8 }} type="error" showIcon message={lookupError.message} />
          ) : null}
        </Form>
      </Card>
      {items?.length === 0 ? <Empty description={t('public.lookupNone')} /> : null}
      {items?.map((v) => (
        <PublicCaseCard key={v.caseNo} view={v} secret={null} />
      ))}
    </Space>
  );
}
