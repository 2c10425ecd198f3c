import { useMemo, useState } from 'react';
import { Alert, Form, Input, Radio, Select } from 'antd';
import {
  RESIDENT_FILE_KINDS,
  RESIDENT_FILE_KIND_LABELS,
  RESIDENT_FILE_STATUSES,
  RESIDENT_FILE_STATUS_LABELS,
  type ResidentFile,
  type ResidentFileKind,
  type ResidentFileStatus,
} from '@wangge/shared';
import { labelOf, useI18n } from '../../../lib/i18n';
import { useAreaIndex } from '../../cases/lookups-api';
import { PhotoUploader } from '../../cases/components/photo-uploader';
import { useCreateResidentFile, useUpdateResidentFile } from '../resident-files-api';
import { SaveModal, useFormError } from './save-modal';

interface Values {
  kind: ResidentFileKind;
  gridCode?: string;
  personId?: string;
  raised: string;
  followUp?: string;
  status?: ResidentFileStatus;
  attachments?: string[];
}

/** 记录民情 (new) or 跟进 (follow-up text and status of an existing entry). */
export function ResidentFileForm({
  file,
  personId,
  onClose,
}: {
  file?: ResidentFile;
  personId?: string;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const { error, clear, fail } = useFormError(form);
  const [uploading, setUploading] = useState(false);
  const create = useCreateResidentFile();
  const update = useUpdateResidentFile();
  const areas = useAreaIndex();
  const grids = useMemo(
    () =>
      (areas.data?.items ?? [])
        .filter((a) => a.level === 'grid')
        .map((a) => ({ value: a.code, label: a.name })),
    [areas.data],
  );
  const submit = (v: Values) => {
    clear();
    if (file) {
      update.mutate(
        {
          id: file.id,
          body: {
            version: file.version,
            raised: v.raised.trim(),
            followUp: v.followUp?.trim() || null,
            ...(v.status ? { status: v.status } : {}),
          },
        },
        { onSuccess: onClose, onError: fail },
      );
      return;
    }
    const pid = personId ?? v.personId?.trim();
    create.mutate(
      {
        kind: v.kind,
        raised: v.raised.trim(),
        ...(v.followUp?.trim() ? { followUp: v.followUp.trim() } : {}),
        ...(pid ? { personId: pid } : v.gridCode ? { gridCode: v.gridCode } : {}),
        ...(v.attachments?.length ? { attachments: v.attachments } : {}),
      },
      { onSuccess: onClose, onError: fail },
    );
  };
  return (
    <SaveModal
      title={file ? t('files.followUp') : t('files.new')}
      form={form}
      pending={create.isPending || update.isPending}
      onClose={onClose}
      okDisabled={uploading}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="resident-file-form"
        initialValues={{
          kind: file?.kind ?? 'work_log',
          raised: file?.raised ?? '',
          followUp: file?.followUp ?? '',
          status: file?.status,
        }}
      >
        <Form.Item name="kind" label={t('files.kind')}>
          <Radio.Group
            disabled={Boolean(file)}
            optionType="button"
            options={RESIDENT_FILE_KINDS.map((k) => ({
              value: k,
              label: labelOf(RESIDENT_FILE_KIND_LABELS, k, lang),
            }))}
          />
        </Form.Item>
        {file || personId ? null : (
          <>
            <Form.Item name="personId" label={t('files.personId')} extra={t('files.personHint')}>
              <Input />
            </Form.Item>
            <Form.Item name="gridCode" label={t('special.grid')} extra={t('files.gridHint')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={grids} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="raised"
          label={t('files.raised')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('files.raisedRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="followUp" label={t('files.followUpText')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        {file ? (
          <Form.Item name="status" label={t('files.status')}>
            <Radio.Group
              optionType="button"
              options={RESIDENT_FILE_STATUSES.map((s) => ({
                value: s,
                label: labelOf(RESIDENT_FILE_STATUS_LABELS, s, lang),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="attachments" label={t('visits.photos')}>
            <PhotoUploader onBusyChange={setUploading} testId="file-photos" />
          </Form.Item>
        )}
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </SaveModal>
  );
}
