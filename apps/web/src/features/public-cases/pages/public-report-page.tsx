import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select } from 'antd';
import type { PublicReportRequest, PublicReportResult } from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { usePublicCategories, usePublicReport } from '../api';
import { PhotoPicker } from '../components/photo-picker';
import { PlacePicker, type Place } from '../components/place-picker';
import { PublicLayout } from '../components/public-layout';
import { PublicReceipt } from '../components/public-receipt';
import { DuplicateOffer } from '../components/duplicate-offer';
import { useGuardedSubmit } from '../use-guarded-submit';

interface FormValues {
  classCode?: string;
  address: string;
  description: string;
  contactPhone?: string;
}

/** Server error fields → form fields; the place's own (lng, areaCode) show under the address. */
const FIELD_OF: Record<string, keyof FormValues> = {
  classCode: 'classCode',
  address: 'address',
  lng: 'address',
  lat: 'address',
  areaCode: 'address',
  description: 'description',
  contactPhone: 'contactPhone',
};

/** 128 random bits as hex; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * 市民上报 without an account: where (search, map, device position, or a community/grid), what, up to 3 photos, an
 * optional phone; then the receipt, once. Without GPS the map or the address search gives the place.
 */
export function PublicReportPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [place, setPlace] = useState<Place | null>(null);
  const [photos, setPhotos] = useState<string[]>([]);
  // One key per filled-in form: a double tap or a retry after a dropped answer makes one case; photos join it.
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

  const send = (body: PublicReportRequest) =>
    report.mutate(body, {
      onSuccess: setDone,
      onError: (err) => {
        const field = isApiError(err) && err.field ? FIELD_OF[err.field] : undefined;
        if (field) form.setFields([{ name: field, errors: [err.message] }]);
      },
    });
  const guard = useGuardedSubmit(send);

  const submit = (v: FormValues) => {
    const body: Omit<PublicReportRequest, 'pow'> = {
      address: v.address,
      description: v.description,
      crs: 'wgs84',
      idempotencyKey,
      ...(v.classCode ? { classCode: v.classCode } : {}),
      ...(place?.kind === 'point' ? { lng: place.lng, lat: place.lat } : {}),
      ...(place?.kind === 'area' ? { areaCode: place.code } : {}),
      ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
      ...(photos.length ? { photos } : {}),
    };
    void guard.submit(body);
  };

  if (done)
    return (
      <PublicLayout title={t('public.reportTitle')}>
        <PublicReceipt
          done={done}
          onAgain={() => {
            setDone(null);
            setPlace(null);
            setPhotos([]);
            form.resetFields();
            setIdempotencyKey(newIdempotencyKey());
          }}
        />
      </PublicLayout>
    );

  const failure =
    report.error &&
    !(isApiError(report.error) && report.error.field && FIELD_OF[report.error.field])
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
          onValuesChange={() => {
            report.reset();
            guard.dismiss();
          }}
          requiredMark={false}
          data-testid="public-report-form"
        >
          <Form.Item
            name="address"
            label={t('public.address')}
            rules={[
              { required: true, whitespace: true, min: 2, message: t('public.addressRequired') },
            ]}
            // The picker is the control; the item only carries the address text and its errors.
            valuePropName="address"
            trigger="onAddressChange"
          >
            <PlacePicker
              place={place}
              onPlaceChange={(p) => {
                setPlace(p);
                form.setFields([{ name: 'address', errors: [] }]);
                // A picked community or grid names the place when nothing was typed.
                if (p?.kind === 'area' && !form.getFieldValue('address'))
                  form.setFieldValue('address', p.label);
              }}
            />
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
          <Form.Item label={t('public.photos')}>
            <PhotoPicker idempotencyKey={idempotencyKey} onChange={setPhotos} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('public.phone')}
            extra={t('public.phoneHint')}
            rules={[
              { pattern: /^(?:1\d{10}|0\d{2,3}-?\d{7,8})$/, message: t('public.phoneInvalid') },
            ]}
          >
            <Input inputMode="tel" maxLength={20} autoComplete="tel" data-testid="public-phone" />
          </Form.Item>
          {failure || guard.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={failure?.message ?? guard.error}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {guard.offer ? (
            <DuplicateOffer
              items={guard.offer.items}
              onSubmitAnyway={() => void guard.submitAnyway()}
              busy={guard.working || report.isPending}
            />
          ) : (
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={guard.working || report.isPending}
              data-testid="public-submit"
            >
              {guard.working ? t('board.working') : t('public.submit')}
            </Button>
          )}
        </Form>
      </Card>
    </PublicLayout>
  );
}
