import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Typography, type FormInstance } from 'antd';
import { useI18n } from '../../../lib/i18n';
import type { LngLat } from '../../areas/map/area-map';
import { LocationPicker } from '../../cases/components/location-picker';
import { showServerError } from '../unit-format';
import { PHONE_PATTERN, withoutSpaces } from './form-rules';

/**
 * What the unit and the place forms share around their own fields: the map point (required for a new record, sent
 * only when moved), the error that no field took, and where server errors go.
 */
export function useLocatedSave(
  form: FormInstance,
  initial: LngLat | null | undefined,
  fields: readonly string[],
) {
  const { t } = useI18n();
  const [point, setPoint] = useState<LngLat | null>(initial ?? null);
  const [pointError, setPointError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const moved = point !== null && (point[0] !== initial?.[0] || point[1] !== initial?.[1]);
  return {
    point,
    pointError,
    error,
    onPoint: (p: LngLat | null) => {
      setPoint(p);
      setPointError(null);
    },
    /** The position part of the request, or null (with the error shown) when a new record has no point yet. */
    position(isNew: boolean): { lng?: number; lat?: number; crs: 'wgs84' } | null {
      if (!point && isNew) {
        setPointError(t('units.pointRequired'));
        return null;
      }
      setError(null);
      return { ...(moved && point ? { lng: point[0], lat: point[1] } : {}), crs: 'wgs84' };
    },
    /** Sent only when edited, so a default interval keeps following the record's type or tags. */
    interval: (isNew: boolean, days: number | null | undefined) =>
      isNew || form.isFieldTouched('inspectionIntervalDays')
        ? { inspectionIntervalDays: days ?? null }
        : {},
    onError: (err: Error) => setError(showServerError(form, err, fields, setPointError)),
  };
}

/** The 位置 card: address text and the map point. */
export function LocationCard({
  point,
  pointError,
  onPoint,
}: {
  point: LngLat | null;
  pointError: string | null;
  onPoint: (p: LngLat | null) => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('units.location')} style={{ marginBottom: 12 }}>
      <Form.Item
        name="address"
        label={t('units.address')}
        rules={[{ required: true, min: 2, whitespace: true, message: t('units.addressRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <LocationPicker value={point} onChange={onPoint} />
      {pointError ? (
        <Typography.Text type="danger" role="alert">
          {pointError}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** A phone the form only ever sees masked: left empty on an edit, the stored one is kept (the hint shows its mask). */
export function PhoneItem({
  name,
  label,
  stored,
}: {
  name: string;
  label: string;
  stored: string | null | undefined;
}) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={stored ? t('units.phoneKeep', { masked: stored }) : undefined}
      rules={[
        {
          pattern: PHONE_PATTERN,
          transform: (v?: string) => (v ? withoutSpaces(v) : v),
          message: t('units.phoneInvalid'),
        },
      ]}
    >
      <Input inputMode="tel" maxLength={13} />
    </Form.Item>
  );
}

/** The 检查周期 in days; `extra` says what an empty field means for this kind of record. */
export function IntervalItem({ extra }: { extra: ReactNode }) {
  const { t } = useI18n();
  return (
    <Form.Item name="inspectionIntervalDays" label={t('units.interval')} extra={extra}>
      <InputNumber
        min={1}
        max={3650}
        precision={0}
        style={{ width: '100%' }}
        suffix={t('units.days')}
      />
    </Form.Item>
  );
}

/** The error no field took, and the full-width save button (thumb-sized on a phone). */
export function SaveFooter({
  error,
  pending,
  testId,
}: {
  error: string | null;
  pending: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={pending}
        data-testid={testId}
      >
        {t('units.save')}
      </Button>
    </>
  );
}
