import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Result, Select, Space, Typography } from 'antd';
import { AimOutlined, CopyOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { PublicReportRequest, PublicReportResult } from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { usePublicCategories, usePublicReport } from '../api';
import { PublicLayout } from '../components/public-layout';
import { PUBLIC_PATHS, type ReceiptState } from '../public-paths';

interface FormValues {
  classCode?: string;
  address: string;
  description: string;
  contactPhone?: string;
}

const FORM_FIELDS = new Set(['classCode', 'address', 'description', 'contactPhone']);

/** 128 random bits as hex; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** 市民上报 without an account: where (device position or address), what, an optional phone; then the receipt, once. */
export function PublicReportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [point, setPoint] = useState<[number, number] | null>(null);
  const [geoBusy, setGeoBusy] = useState(false);
  // One key per filled-in form: a double tap or a retry after a dropped answer makes one case.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<PublicReportResult | null>(null);
  const report = usePublicReport();
  const categories = usePublicCategories();
  // Grouped by 大类 and searchable by name or code: 250 classes are too many to scroll on a phone.
  const categoryOptions = useMemo(() => {
    const groups = new Map<string, { label: string; value: string }[]>();
    for (const c of categories.data?.items ?? []) {
      const g = c.group ?? '';
      groups.set(g, [...(groups.get(g) ?? []), { label: `${c.name} (${c.code})`, value: c.code }]);
    }
    return [...groups].map(([label, options]) => ({ label, title: label, options }));
  }, [categories.data]);

  const locate = () => {
    if (!('geolocation' in navigator)) return;
    setGeoBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeoBusy(false);
        setPoint([pos.coords.longitude, pos.coords.latitude]);
      },
      (err) => {
        setGeoBusy(false);
        void message.warning(t('public.geoDenied', { reason: err.message || String(err.code) }));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const submit = (v: FormValues) => {
    const body: PublicReportRequest = {
      address: v.address,
      description: v.description,
      crs: 'wgs84',
      idempotencyKey,
      ...(v.classCode ? { classCode: v.classCode } : {}),
      ...(point ? { lng: point[0], lat: point[1] } : {}),
      ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
    };
    report.mutate(body, {
      onSuccess: setDone,
      onError: (err) => {
        if (isApiError(err) && err.field && FORM_FIELDS.has(err.field))
          form.setFields([{ name: err.field as keyof FormValues, errors: [err.message] }]);
      },
    });
  };

  if (done) {
    const secret = done.secret;
    const copyText = `${t('public.caseNo')}: ${done.caseNo}${done.secret ? `\n${t('public.secret')}: ${done.secret}` : ''}`;
    return (
      <PublicLayout title={t('public.reportTitle')}>
        <Result
          status="success"
          title={t('public.done')}
          style={{ padding: '16px 0' }}
          subTitle={
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <span>
                {t('public.caseNo')}：
                <Typography.Text strong data-testid="public-case-no">
                  {done.caseNo}
                </Typography.Text>
              </span>
              {done.secret ? (
                <span>
                  {t('public.secret')}：
                  <Typography.Text strong code data-testid="public-secret">
                    {done.secret}
                  </Typography.Text>
                </span>
              ) : null}
            </Space>
          }
          extra={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert
                type={done.secret ? 'warning' : 'info'}
                showIcon
                message={done.secret ? t('public.secretOnce') : t('public.replayed')}
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
              <Button
                block
                onClick={() => {
                  setDone(null);
                  setPoint(null);
                  form.resetFields();
                  setIdempotencyKey(newIdempotencyKey());
                }}
              >
                {t('public.again')}
              </Button>
            </Space>
          }
        />
      </PublicLayout>
    );
  }

  const failure =
    report.error &&
    !(isApiError(report.error) && report.error.field && FORM_FIELDS.has(report.error.field))
      ? report.error
      : null;
  return (
    <PublicLayout title={t('public.reportTitle')}>
      <Alert type="info" showIcon message={t('public.noLogin')} style={{ marginBottom: 12 }} />
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={() => report.reset()}
          requiredMark={false}
          data-testid="public-report-form"
        >
          <Form.Item
            label={t('public.address')}
            required
            extra={point ? undefined : t('public.locationHint')}
          >
            <Form.Item
              name="address"
              noStyle
              rules={[
                { required: true, whitespace: true, min: 2, message: t('public.addressRequired') },
              ]}
            >
              <Input
                maxLength={200}
                placeholder={t('public.addressPlaceholder')}
                data-testid="public-address"
              />
            </Form.Item>
            <div
              style={{
                marginTop: 8,
                display: 'flex',
                gap: 8,
                flexWrap: 'wrap',
                alignItems: 'center',
              }}
            >
              <Button icon={<AimOutlined />} loading={geoBusy} onClick={locate} size="small">
                {t('public.useLocation')}
              </Button>
              {point ? (
                <>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('public.locationSet', {
                      lng: point[0].toFixed(5),
                      lat: point[1].toFixed(5),
                    })}
                  </Typography.Text>
                  <Button type="link" size="small" onClick={() => setPoint(null)}>
                    {t('public.locationClear')}
                  </Button>
                </>
              ) : null}
            </div>
          </Form.Item>
          <Form.Item name="classCode" label={t('public.category')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={categoryOptions}
              loading={categories.isLoading}
              placeholder={t('public.categoryPlaceholder')}
              data-testid="public-category"
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('public.description')}
            rules={[
              {
                required: true,
                whitespace: true,
                min: 5,
                message: t('public.descriptionRequired'),
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              placeholder={t('public.descriptionPlaceholder')}
              data-testid="public-description"
            />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('public.phone')}
            extra={t('public.phoneHint')}
            rules={[
              { pattern: /^(?:1\d{10}|0\d{2,3}-?\d{7,8})$/, message: t('public.phoneInvalid') },
            ]}
          >
            <Input inputMode="tel" maxLength={20} autoComplete="tel" />
          </Form.Item>
          {failure ? (
            <Alert type="error" showIcon message={failure.message} style={{ marginBottom: 12 }} />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={report.isPending}
            data-testid="public-submit"
          >
            {t('public.submit')}
          </Button>
        </Form>
      </Card>
    </PublicLayout>
  );
}
