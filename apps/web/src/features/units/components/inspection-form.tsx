import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Radio, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  HAZARD_LEVELS,
  INSPECTION_RESULTS,
  type CreateInspectionRequest,
  type HazardLevel,
  type InspectionResult,
  type InspectionTargetType,
} from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { PhotoUploader } from '../../cases/components/photo-uploader';
import { useCreateInspection } from '../places-api';
import { hazardLevelLabel, resultLabel, showServerError, todayShanghai } from '../unit-format';

interface InspectionValues {
  result: InspectionResult;
  findings?: string;
  hazards?: { description: string; level: HazardLevel; rectifyBy?: string }[];
  photos?: string[];
}

const FIELDS = ['result', 'findings', 'hazards', 'photos'] as const;

/** 记录检查: result, findings, one line per hazard (level, 整改期限), photos; the schedule moves on save. */
export function InspectionForm({
  target,
  onClose,
}: {
  target: { type: InspectionTargetType; id: string; name: string };
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<InspectionValues>();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateInspection();
  const result = Form.useWatch('result', form);

  const submit = (v: InspectionValues) => {
    setError(null);
    const hazards = v.result === 'hazards_found' ? (v.hazards ?? []) : [];
    const body: CreateInspectionRequest = {
      targetType: target.type,
      targetId: target.id,
      result: v.result,
      ...(v.findings?.trim() ? { findings: v.findings.trim() } : {}),
      hazards: hazards.map((h) => ({
        description: h.description.trim(),
        level: h.level,
        ...(h.rectifyBy ? { rectifyBy: h.rectifyBy } : {}),
      })),
      ...(v.photos?.length ? { photos: v.photos } : {}),
    };
    create.mutate(body, {
      onSuccess: onClose,
      onError: (err) => setError(showServerError(form, err, FIELDS)),
    });
  };

  return (
    <Modal
      open
      title={t('units.inspectTitle', { name: target.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={uploading ? t('report.waitUploads') : t('units.save')}
      okButtonProps={{ disabled: uploading }}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<InspectionValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ result: 'passed' }}
        data-testid="inspection-form"
      >
        <Form.Item name="result" label={t('units.result')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={INSPECTION_RESULTS.map((r) => ({ value: r, label: resultLabel(r, lang) }))}
          />
        </Form.Item>
        <Form.Item name="findings" label={t('units.findings')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {result === 'hazards_found' ? (
          <Form.List
            name="hazards"
            initialValue={[{ level: 'general' }]}
            rules={[
              {
                validator: async (_, v: unknown[] | undefined) =>
                  v?.length ? undefined : Promise.reject(new Error(t('units.hazardsRequired'))),
              },
            ]}
          >
            {(items, { add, remove }, { errors }) => (
              <>
                {items.map((item, i) => (
                  <Card
                    key={item.key}
                    size="small"
                    title={t('units.hazardN', { n: i + 1 })}
                    style={{ marginBottom: 8 }}
                    extra={
                      <MinusCircleOutlined
                        onClick={() => remove(item.name)}
                        aria-label={t('units.removeHazard')}
                      />
                    }
                  >
                    <Form.Item
                      name={[item.name, 'description']}
                      label={t('units.hazardDescription')}
                      rules={[
                        {
                          required: true,
                          min: 2,
                          whitespace: true,
                          message: t('units.hazardDescriptionRequired'),
                        },
                      ]}
                    >
                      <Input.TextArea rows={2} maxLength={500} />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'level']}
                      label={t('units.hazardLevel')}
                      rules={[{ required: true }]}
                    >
                      <Select
                        options={HAZARD_LEVELS.map((l) => ({
                          value: l,
                          label: hazardLevelLabel(l, lang),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'rectifyBy']}
                      label={t('units.rectifyBy')}
                      rules={[
                        {
                          validator: async (_, v?: string) =>
                            !v || v >= todayShanghai()
                              ? undefined
                              : Promise.reject(new Error(t('units.rectifyByPast'))),
                        },
                      ]}
                    >
                      <Input type="date" min={todayShanghai()} />
                    </Form.Item>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ level: 'general' })}
                  style={{ marginBottom: 8 }}
                >
                  {t('units.addHazard')}
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        ) : null}
        <Form.Item name="photos" label={t('units.photos')}>
          <PhotoUploader onBusyChange={setUploading} testId="inspection-photos" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
