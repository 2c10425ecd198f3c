import { useState } from 'react';
import {
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import {
  LIMIT_TYPES,
  STEP_LIMIT_STEPS,
  type Limit,
  type StepLimitStep,
  type UpdateRegistrationConditionRequest,
} from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { notifySuccess } from '../../../lib/notify';
import { limitTypeLabel } from '../../cases/case-format';
import { useUpdateCondition, type ConditionRow } from '../conditions-api';

type StepValues = Record<StepLimitStep, Limit>;
interface Values {
  text: string;
  closureCondition: string;
  urgency: 'normal' | 'urgent';
  limitValue: number;
  limitType: Limit['type'];
  stepLimits: StepValues;
  yellowCardAt: number | null;
  redCardAt: number | null;
}

const FORM_FIELDS = new Set<string>([
  'text',
  'closureCondition',
  'urgency',
  'limitValue',
  'limitType',
  'stepLimits',
  'yellowCardAt',
  'redCardAt',
]);

/** Only what changed goes to the server: an untouched field keeps its value in the new version. */
function changes(row: ConditionRow, v: Values): UpdateRegistrationConditionRequest {
  const body: UpdateRegistrationConditionRequest = {};
  if (v.text.trim() !== row.text) body.text = v.text.trim();
  if (v.closureCondition.trim() !== row.closureCondition)
    body.closureCondition = v.closureCondition.trim();
  if (v.urgency !== row.urgency) body.urgency = v.urgency;
  if (v.limitValue !== row.limitValue) body.limitValue = v.limitValue;
  if (v.limitType !== row.limitType) body.limitType = v.limitType;
  const steps: Partial<StepValues> = {};
  for (const s of STEP_LIMIT_STEPS) {
    const now = v.stepLimits[s];
    const was = row.stepLimits[s];
    if (now.value !== was.value || now.type !== was.type) steps[s] = now;
  }
  if (Object.keys(steps).length > 0) body.stepLimits = steps;
  if ((v.yellowCardAt ?? null) !== row.yellowCardAt) body.yellowCardAt = v.yellowCardAt ?? null;
  if ((v.redCardAt ?? null) !== row.redCardAt) body.redCardAt = v.redCardAt ?? null;
  return body;
}

/** A number and its limit type side by side (处置时限 and each step). */
function LimitInput({ value, type, testId }: { value: string[]; type: string[]; testId: string }) {
  const { t, lang } = useI18n();
  return (
    <Space.Compact>
      <Form.Item
        name={value}
        noStyle
        rules={[
          { required: true, type: 'number', min: 0.01, message: t('conditions.limitRequired') },
        ]}
      >
        <InputNumber min={0} max={100000} style={{ width: 100 }} data-testid={`${testId}-value`} />
      </Form.Item>
      <Form.Item name={type} noStyle>
        <Select
          style={{ width: 130 }}
          options={LIMIT_TYPES.map((lt) => ({ value: lt, label: limitTypeLabel(lt, lang) }))}
          data-testid={`${testId}-type`}
        />
      </Form.Item>
    </Space.Compact>
  );
}

/** Edit one 立结案标准: saving creates the next version (the server closes the current one). */
export function ConditionEditor({ row, onClose }: { row: ConditionRow; onClose: () => void }) {
  const { t } = useI18n();
  const narrow = useMediaQuery('(max-width: 767px)');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateCondition();

  const submit = (v: Values) => {
    setError(null);
    const body = changes(row, v);
    if (Object.keys(body).length === 0) {
      setError(t('conditions.noChange'));
      return;
    }
    update.mutate(
      { id: row.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('conditions.saved', { n: row.versionCount + 1 }));
          onClose();
        },
        onError: (err) => {
          const message = err instanceof Error ? err.message : String(err);
          // The server names the field (`limitValue`, `stepLimits.check.value`, `redCardAt`): show it there.
          const path = isApiError(err) && err.field ? err.field.split('.') : [];
          if (path[0] && FORM_FIELDS.has(path[0])) {
            const name = path[0] === 'stepLimits' && path.length === 2 ? [...path, 'value'] : path;
            // The path comes from the server; antd's typed NamePath cannot know it.
            form.setFields([{ name: name as never, errors: [message] }]);
          }
          setError(message);
        },
      },
    );
  };

  return (
    <Drawer
      open
      title={t('conditions.editTitle', { code: row.classCode, name: row.className })}
      size={narrow ? window.innerWidth : 640}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('conditions.cancel')}</Button>
          <Button
            type="primary"
            loading={update.isPending}
            onClick={() => form.submit()}
            data-testid="condition-save"
          >
            {t('conditions.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('conditions.editHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          text: row.text,
          closureCondition: row.closureCondition,
          urgency: row.urgency,
          limitValue: row.limitValue,
          limitType: row.limitType,
          stepLimits: row.stepLimits,
          yellowCardAt: row.yellowCardAt,
          redCardAt: row.redCardAt,
        }}
        onFinish={submit}
        data-testid="condition-form"
      >
        <Form.Item
          name="text"
          label={t('conditions.text')}
          rules={[
            { required: true, min: 2, whitespace: true, message: t('conditions.textRequired') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="condition-text" />
        </Form.Item>
        <Form.Item
          name="closureCondition"
          label={t('conditions.closure')}
          rules={[
            { required: true, min: 2, whitespace: true, message: t('conditions.closureRequired') },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            maxLength={500}
            data-testid="condition-closure"
          />
        </Form.Item>
        <Form.Item name="urgency" label={t('conditions.urgency')}>
          <Radio.Group
            options={[
              { value: 'normal', label: t('conditions.urgency.normal') },
              { value: 'urgent', label: t('conditions.urgency.urgent') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('conditions.limit')} required>
          <LimitInput value={['limitValue']} type={['limitType']} testId="condition-limit" />
        </Form.Item>
        <Typography.Title level={5}>{t('conditions.stepLimits')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('conditions.stepLimitsHint')}
        </Typography.Paragraph>
        <div className="condition-steps">
          {STEP_LIMIT_STEPS.map((s) => (
            <Form.Item key={s} label={t(`conditions.step.${s}`)} style={{ marginBottom: 12 }}>
              <LimitInput
                value={['stepLimits', s, 'value']}
                type={['stepLimits', s, 'type']}
                testId={`condition-step-${s}`}
              />
            </Form.Item>
          ))}
        </div>
        <Typography.Title level={5}>{t('conditions.cards')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('conditions.cardsHint')}</Typography.Paragraph>
        <Space wrap size={16}>
          <Form.Item name="yellowCardAt" label={t('conditions.yellowCardAt')}>
            <InputNumber
              min={0.1}
              max={100}
              step={0.1}
              placeholder="1.0"
              data-testid="condition-yellow"
            />
          </Form.Item>
          <Form.Item name="redCardAt" label={t('conditions.redCardAt')}>
            <InputNumber
              min={0.1}
              max={100}
              step={0.1}
              placeholder="2.0"
              data-testid="condition-red"
            />
          </Form.Item>
        </Space>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="condition-error" /> : null}
    </Drawer>
  );
}
