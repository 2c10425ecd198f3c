import { Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import {
  CLOSE_REASONS,
  CLOSE_REASON_LABELS,
  LIMIT_TYPES,
  RATINGS,
  RATING_LABELS,
  REQUEST_TYPE_LABELS,
  SUPERVISION_LEVELS,
  SUPERVISION_LEVEL_LABELS,
  type CaseAction,
  type CaseView,
  type CloseReason,
  type LimitType,
  type Rating,
  type RequestType,
  type SupervisionLevel,
} from '@wangge/shared';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import type { ActionField, ActionFieldSpec } from '../action-inputs';
import { limitTypeLabel } from '../case-format';
import {
  AssigneeSelect,
  ConditionSelect,
  DepartmentSelect,
  MasterCaseSelect,
} from './action-fields';
import { CategoryPicker } from './category-picker';
import { GpsCapture } from './gps-capture';
import { PhotoUploader } from './photo-uploader';

export interface ActionValues {
  note?: string;
  reason?: string;
  result?: string;
  photos?: string[];
  gps?: { lng: number; lat: number };
  closeReason?: CloseReason;
  departmentId?: string;
  classCode?: string;
  conditionId?: string;
  assigneeId?: string;
  requestType?: RequestType;
  extension?: { value?: number; limitType: LimitType };
  level?: SupervisionLevel;
  rating?: Rating;
  masterCaseId?: string;
  flags?: { urgent?: boolean; legacyIssue?: boolean };
}

const LABELS: Record<ActionField, MessageKey> = {
  note: 'action.note',
  reason: 'action.reason',
  photos: 'report.photos',
  gps: 'action.gps',
  result: 'action.result',
  closeReason: 'action.closeReason',
  departmentId: 'action.department',
  classCode: 'action.classCode',
  conditionId: 'action.condition',
  assigneeId: 'action.assignee',
  requestType: 'action.requestType',
  extension: 'action.extension',
  level: 'action.level',
  rating: 'action.rating',
  masterCaseId: 'action.master',
  flags: 'action.flags',
};

interface ItemProps {
  spec: ActionFieldSpec;
  view: CaseView;
  action: CaseAction;
  onUploading: (busy: boolean) => void;
}

/** One input of an action form, chosen by the field name from the workflow table. */
export function ActionFieldItem({ spec, view, action, onUploading }: ItemProps) {
  const { t, lang } = useI18n();
  const { field, required } = spec;
  const label = t(LABELS[field]);
  const rules = required
    ? [{ required: true, message: t('action.required', { field: label }) }]
    : [];
  const textRules = required
    ? [{ required: true, whitespace: true, message: t('action.required', { field: label }) }]
    : [];

  switch (field) {
    case 'note':
    case 'reason':
    case 'result':
      return (
        <Form.Item name={field} label={label} rules={textRules}>
          <Input.TextArea
            rows={field === 'note' && !required ? 2 : 3}
            maxLength={field === 'reason' ? 1000 : 2000}
            data-testid={`field-${field}`}
          />
        </Form.Item>
      );
    case 'photos':
      return (
        <Form.Item
          name="photos"
          label={label}
          rules={
            required
              ? [{ required: true, type: 'array', min: 1, message: t('report.photosRequired') }]
              : []
          }
        >
          <PhotoUploader onBusyChange={onUploading} testId="field-photos" />
        </Form.Item>
      );
    case 'gps':
      return (
        <Form.Item name="gps" label={label} rules={rules} extra={t('action.gpsHint')}>
          <GpsCapture />
        </Form.Item>
      );
    case 'closeReason':
      return (
        <Form.Item name="closeReason" label={label} rules={rules}>
          <Select
            options={CLOSE_REASONS.map((r) => ({ value: r, label: CLOSE_REASON_LABELS[r][lang] }))}
            data-testid="field-closeReason"
          />
        </Form.Item>
      );
    case 'departmentId':
      return (
        <Form.Item name="departmentId" label={label} rules={rules}>
          <DepartmentSelect view={view} />
        </Form.Item>
      );
    case 'classCode':
      return (
        <Form.Item name="classCode" label={label} rules={rules}>
          <CategoryPicker testId="field-classCode" />
        </Form.Item>
      );
    case 'conditionId':
      return (
        <Form.Item noStyle dependencies={['classCode']}>
          {({ getFieldValue }) => (
            <Form.Item name="conditionId" label={label} rules={rules}>
              <ConditionSelect
                classCode={(getFieldValue('classCode') as string | undefined) ?? undefined}
              />
            </Form.Item>
          )}
        </Form.Item>
      );
    case 'assigneeId':
      return (
        <Form.Item name="assigneeId" label={label} rules={rules} extra={t('action.assigneeHint')}>
          <AssigneeSelect view={view} />
        </Form.Item>
      );
    case 'requestType':
      return <RequestTypeItem view={view} label={label} />;
    case 'extension':
      return (
        <Form.Item label={label} required={required}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name={['extension', 'value']} noStyle rules={rules}>
              <InputNumber
                min={0.5}
                max={10000}
                step={1}
                style={{ width: '40%' }}
                data-testid="field-extension"
              />
            </Form.Item>
            <Form.Item name={['extension', 'limitType']} noStyle>
              <Select
                style={{ width: '60%' }}
                options={LIMIT_TYPES.map((l) => ({ value: l, label: limitTypeLabel(l, lang) }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      );
    case 'level':
      return (
        <Form.Item name="level" label={label} rules={rules} extra={t('action.levelHint')}>
          <Radio.Group
            options={SUPERVISION_LEVELS.map((l) => ({
              value: l,
              label: SUPERVISION_LEVEL_LABELS[l][lang],
              disabled: l !== 'normal',
            }))}
          />
        </Form.Item>
      );
    case 'rating':
      return (
        <Form.Item
          name="rating"
          label={label}
          rules={rules}
          extra={action === 'rate' ? t('action.ratingHint') : undefined}
        >
          <Radio.Group
            options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r][lang] }))}
            data-testid="field-rating"
          />
        </Form.Item>
      );
    case 'masterCaseId':
      return (
        <Form.Item name="masterCaseId" label={label} rules={rules}>
          <MasterCaseSelect view={view} />
        </Form.Item>
      );
    case 'flags':
      return (
        <Form.Item label={label}>
          <Space>
            <Form.Item name={['flags', 'urgent']} valuePropName="checked" noStyle>
              <Checkbox>{t('report.urgent')}</Checkbox>
            </Form.Item>
            <Form.Item name={['flags', 'legacyIssue']} valuePropName="checked" noStyle>
              <Checkbox>{t('action.legacyIssue')}</Checkbox>
            </Form.Item>
          </Space>
        </Form.Item>
      );
  }
}

/** 审批: which open request is decided, with the requester's reason. */
function RequestTypeItem({ view, label }: { view: CaseView; label: string }) {
  const { lang } = useI18n();
  return (
    <>
      <Form.Item name="requestType" label={label} rules={[{ required: true }]}>
        <Radio.Group
          options={view.decidableRequests.map((r) => ({
            value: r,
            label: REQUEST_TYPE_LABELS[r][lang],
          }))}
          data-testid="field-requestType"
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['requestType']}>
        {({ getFieldValue }) => {
          const pending = view.pendingRequests.find((r) => r.type === getFieldValue('requestType'));
          return pending ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
              {pending.reason}
            </Typography.Paragraph>
          ) : null;
        }}
      </Form.Item>
    </>
  );
}
