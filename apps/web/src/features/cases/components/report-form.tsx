import { useRef, useState } from 'react';
import { Alert, Button, Form, Input, Radio, Switch, Typography } from 'antd';
import { Panel } from '../../../components/panel';
import { EnvironmentOutlined } from '@ant-design/icons';
import { isHotlineOrderId, type CaseView, type ReportCaseRequest } from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import type { LngLat } from '../../areas/map/area-map';
import { useMe } from '../../auth/api';
import { newIdempotencyKey, useReportCase } from '../api';
import {
  CHOOSABLE_SOURCES,
  channelText,
  localDateTimeToIso,
  type ChoosableSource,
} from '../channel-format';
import { useCaseCategories } from '../lookups-api';
import { LazyCategoryPicker, LazyLocationPicker, LazyPhotoUploader } from './report-form-lazy';

interface ReportValues {
  address: string;
  description: string;
  classCode?: string;
  photos?: string[];
  selfHandled?: boolean;
  urgent?: boolean;
  source?: ChoosableSource;
  hotlineOrderId?: string;
  /** `datetime-local` text, the operator's time zone */
  hotlineDeadline?: string;
}

/** Server error fields → form fields (lng/lat are the map point). */
const FIELD_OF: Record<string, keyof ReportValues | 'point'> = {
  lng: 'point',
  lat: 'point',
  address: 'address',
  description: 'description',
  classCode: 'classCode',
  photos: 'photos',
  selfHandled: 'selfHandled',
  hotline: 'hotlineOrderId',
  'hotline.orderId': 'hotlineOrderId',
  'hotline.deadline': 'hotlineDeadline',
};

const SOURCE_LABEL_KEYS = { staff_entry: 'sourceStaff', hotline_12345: 'sourceHotline' } as const;

function hotlineOrder(values: ReportValues): NonNullable<ReportCaseRequest['hotline']> {
  const deadline = localDateTimeToIso(values.hotlineDeadline);
  return { orderId: (values.hotlineOrderId ?? '').trim(), ...(deadline ? { deadline } : {}) };
}

/**
 * The 上报 form. One idempotency key per report: double taps and retries return the same case.
 * 受理员 (or a form opened with `source`) choose the channel: a 12345 order brings its number and deadline.
 */
export function ReportForm({
  onReported,
  source: openedWith,
}: {
  onReported: (view: CaseView) => void;
  source?: ChoosableSource;
}) {
  const { t, lang } = useI18n();
  const me = useMe();
  const choosesSource =
    openedWith !== undefined || me.roles.some((r) => r.code === 'intake_operator');
  const [form] = Form.useForm<ReportValues>();
  const [point, setPoint] = useState<LngLat | null>(null);
  const [pointError, setPointError] = useState<string | null>(null);
  const [exifPoint, setExifPoint] = useState<LngLat | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const report = useReportCase();
  const categories = useCaseCategories();
  const selfHandled = Form.useWatch('selfHandled', form) ?? false;
  const classCode = Form.useWatch('classCode', form);
  const category = categories.data?.find((c) => c.code === classCode);
  const source = Form.useWatch('source', form);

  const choosePoint = (lngLat: LngLat) => {
    setPoint(lngLat);
    setPointError(null);
    setExifPoint(null);
  };

  const submit = (values: ReportValues) => {
    if (!point) {
      setPointError(t('report.pointRequired'));
      return;
    }
    if (report.isPending) return;
    setError(null);
    const body: ReportCaseRequest = {
      lng: point[0],
      lat: point[1],
      crs: 'wgs84',
      address: values.address.trim(),
      description: values.description.trim(),
      ...(values.classCode ? { classCode: values.classCode } : {}),
      ...(values.photos?.length ? { photos: values.photos } : {}),
      selfHandled: Boolean(values.selfHandled),
      urgent: Boolean(values.urgent),
      idempotencyKey: key.current,
      ...(values.source ? { source: values.source } : {}),
      ...(values.source === 'hotline_12345' ? { hotline: hotlineOrder(values) } : {}),
    };
    report.mutate(body, {
      onSuccess: onReported,
      onError: (err) => {
        const message = err instanceof Error ? err.message : String(err);
        setError(message);
        const field = isApiError(err) && err.field ? FIELD_OF[err.field] : undefined;
        if (field === 'point') setPointError(message);
        else if (field) form.setFields([{ name: field, errors: [message] }]);
      },
    });
  };

  return (
    <Form<ReportValues>
      form={form}
      initialValues={choosesSource ? { source: openedWith ?? 'staff_entry' } : undefined}
      layout="vertical"
      onFinish={submit}
      onFinishFailed={() => {
        if (!point) setPointError(t('report.pointRequired'));
      }}
      data-testid="report-form"
      className="report-form"
      scrollToFirstError
    >
      {choosesSource ? (
        <Panel
          size="small"
          title={channelText('source', lang)}
          className="report-card"
          data-testid="report-source-card"
        >
          <Form.Item name="source" style={{ marginBottom: source === 'hotline_12345' ? 12 : 0 }}>
            <Radio.Group
              options={CHOOSABLE_SOURCES.map((s) => ({
                value: s,
                label: channelText(SOURCE_LABEL_KEYS[s], lang),
              }))}
              data-testid="report-source"
            />
          </Form.Item>
          {source === 'hotline_12345' ? (
            <>
              <Form.Item
                name="hotlineOrderId"
                label={channelText('hotlineOrderId', lang)}
                extra={channelText('hotlineOrderIdHint', lang)}
                rules={[
                  {
                    required: true,
                    validator: (_rule, value: string | undefined) =>
                      isHotlineOrderId(value ?? '')
                        ? Promise.resolve()
                        : Promise.reject(new Error(channelText('hotlineOrderIdRequired', lang))),
                  },
                ]}
              >
                <Input
                  maxLength={64}
                  placeholder="ZZ12345-20261129-000123"
                  autoComplete="off"
                  data-testid="report-hotline-order-id"
                />
              </Form.Item>
              <Form.Item
                name="hotlineDeadline"
                label={channelText('hotlineDeadline', lang)}
                extra={channelText('hotlineDeadlineHint', lang)}
              >
                <Input type="datetime-local" data-testid="report-hotline-deadline" />
              </Form.Item>
            </>
          ) : null}
        </Panel>
      ) : null}
      <Panel size="small" title={t('report.location')} className="report-card">
        {exifPoint && !point ? (
          <Alert
            type="info"
            showIcon
            icon={<EnvironmentOutlined />}
            style={{ marginBottom: 8 }}
            title={t('report.exifFound')}
            action={
              <Button
                size="small"
                type="primary"
                onClick={() => choosePoint(exifPoint)}
                data-testid="report-use-exif"
              >
                {t('report.useExif')}
              </Button>
            }
          />
        ) : null}
        <LazyLocationPicker value={point} onChange={choosePoint} />
        {pointError ? (
          <Typography.Text type="danger" role="alert">
            {pointError}
          </Typography.Text>
        ) : null}
      </Panel>
      <Panel size="small" title={t('report.problem')} className="report-card">
        <Form.Item
          name="address"
          label={t('report.address')}
          rules={[
            { required: true, min: 2, whitespace: true, message: t('report.addressRequired') },
          ]}
        >
          <Input
            maxLength={200}
            placeholder={t('report.addressPlaceholder')}
            data-testid="report-address"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('report.description')}
          rules={[
            { required: true, min: 2, whitespace: true, message: t('report.descriptionRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="report-description" />
        </Form.Item>
        <Form.Item name="classCode" label={t('report.category')} extra={t('report.categoryHint')}>
          <LazyCategoryPicker testId="report-category" />
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('report.photos')}
          extra={selfHandled ? t('report.selfHandledPhotos') : undefined}
          rules={[
            {
              required: selfHandled,
              type: 'array',
              min: selfHandled ? 1 : 0,
              message: t('report.photosRequired'),
            },
          ]}
        >
          <LazyPhotoUploader
            onBusyChange={setUploading}
            onExifPosition={(p) => setExifPoint((old) => old ?? p)}
            testId="report-photos"
          />
        </Form.Item>
        <div className="report-switches">
          <Form.Item
            name="selfHandled"
            label={t('report.selfHandled')}
            valuePropName="checked"
            style={{ marginBottom: 8 }}
          >
            <Switch data-testid="report-self-handled" />
          </Form.Item>
          <Form.Item
            name="urgent"
            label={t('report.urgent')}
            valuePropName="checked"
            style={{ marginBottom: 8 }}
          >
            <Switch />
          </Form.Item>
        </div>
        {selfHandled && category && !category.selfHandleAllowed ? (
          <Alert
            type="warning"
            showIcon
            title={t('report.selfHandleNotAllowed')}
            style={{ marginBottom: 12 }}
          />
        ) : null}
      </Panel>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="report-error"
        />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={report.isPending}
        disabled={uploading}
        data-testid="report-submit"
      >
        {uploading ? t('report.waitUploads') : t('report.submit')}
      </Button>
    </Form>
  );
}
