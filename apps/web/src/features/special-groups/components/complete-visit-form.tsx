import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Radio, Select, Typography } from 'antd';
import {
  ATTENTION_LEVELS,
  ATTENTION_LEVEL_LABELS,
  RISK_CHANGES,
  VISIT_METHODS,
  VISIT_METHOD_LABELS,
  type AttentionLevel,
  type RiskChange,
  type VisitMethod,
  type VisitRecorded,
} from '@wangge/shared';
import { labelOf, useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-media-query';
import { GpsCapture } from '../../cases/components/gps-capture';
import { PhotoUploader } from '../../cases/components/photo-uploader';
import { useRecordVisit } from '../api';
import { localInputToIso, nowLocalInput } from '../special-format';
import { useFormError } from './save-modal';

interface Values {
  visitedAt: string;
  method: VisitMethod;
  findings: string;
  photos?: string[];
  location?: { lng: number; lat: number };
  riskChange: RiskChange;
  attentionLevel?: AttentionLevel;
  nextVisitDate?: string;
}

interface Props {
  /** The task being completed, or … */
  taskId?: string;
  /** … the membership visited without opening a task. */
  membershipId?: string;
  personName: string | null;
  attentionLevel: AttentionLevel;
  onClose: () => void;
  onDone?: (r: VisitRecorded) => void;
}

/**
 * 记录走访, made for a phone held in one hand: full-width drawer, big buttons, photos optional. The findings are
 * encrypted on the server and shown later only to those following the group up.
 */
export function CompleteVisitForm({
  taskId,
  membershipId,
  personName,
  attentionLevel,
  onClose,
  onDone,
}: Props) {
  const { t, lang } = useI18n();
  const narrow = useIsMobile();
  const [form] = Form.useForm<Values>();
  const [uploading, setUploading] = useState(false);
  const { error, clear, fail } = useFormError(form);
  const record = useRecordVisit();

  const submit = (v: Values) => {
    clear();
    const body = {
      visitedAt: localInputToIso(v.visitedAt),
      method: v.method,
      findings: v.findings.trim(),
      riskChange: v.riskChange,
      ...(v.photos?.length ? { photos: v.photos } : {}),
      ...(v.location ? { location: v.location } : {}),
      ...(v.attentionLevel && v.attentionLevel !== attentionLevel
        ? { attentionLevel: v.attentionLevel }
        : {}),
      ...(v.nextVisitDate ? { nextVisitDate: v.nextVisitDate } : {}),
    };
    const done = {
      onSuccess: (r: VisitRecorded) => {
        onDone?.(r);
        onClose();
      },
      onError: fail,
    };
    if (taskId) record.mutate({ taskId, body }, done);
    else if (membershipId) record.mutate({ body: { ...body, membershipId } }, done);
  };

  return (
    // On a phone: a full-width bottom sheet over almost the whole screen.
    <Drawer
      open
      onClose={onClose}
      title={t('visits.record', { name: personName ?? '—' })}
      placement={narrow ? 'bottom' : 'right'}
      size={narrow ? Math.round(window.innerHeight * 0.92) : 480}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          visitedAt: nowLocalInput(),
          method: 'home',
          riskChange: 'none',
          attentionLevel,
        }}
        data-testid="visit-form"
        scrollToFirstError
      >
        <Form.Item name="visitedAt" label={t('visits.visitedAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="method" label={t('visits.method')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={VISIT_METHODS.map((m) => ({
              value: m,
              label: labelOf(VISIT_METHOD_LABELS, m, lang),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('visits.findings')}
          extra={t('visits.findingsHint')}
          rules={[
            { required: true, min: 2, whitespace: true, message: t('visits.findingsRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="visit-findings" />
        </Form.Item>
        <Form.Item name="photos" label={t('visits.photos')}>
          <PhotoUploader onBusyChange={setUploading} testId="visit-photos" />
        </Form.Item>
        <Form.Item name="location" label={t('visits.location')}>
          <GpsCapture />
        </Form.Item>
        <Form.Item name="riskChange" label={t('visits.riskChange')}>
          <Radio.Group
            optionType="button"
            options={RISK_CHANGES.map((r) => ({ value: r, label: t(`visits.risk.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="attentionLevel" label={t('special.attention')}>
          <Select
            options={ATTENTION_LEVELS.map((l) => ({
              value: l,
              label: labelOf(ATTENTION_LEVEL_LABELS, l, lang),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="nextVisitDate"
          label={t('visits.nextVisitDate')}
          extra={t('visits.nextVisitHint')}
        >
          <Input type="date" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('visits.confidential')}
        </Typography.Paragraph>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={record.isPending}
          disabled={uploading}
          data-testid="visit-submit"
        >
          {uploading ? t('report.waitUploads') : t('visits.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
