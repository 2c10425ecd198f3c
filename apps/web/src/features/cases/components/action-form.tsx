import { useState } from 'react';
import { Alert, Button, Form, Modal } from 'antd';
import type { CaseAction, CaseTransitionRequest, CaseView, RequestType } from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { isVersionConflict, useCaseTransition } from '../api';
import { actionFields, DANGER_ACTIONS } from '../action-inputs';
import { actionLabel } from '../case-format';
import { ActionFieldItem, type ActionValues } from './action-field-item';

interface ActionFormProps {
  view: CaseView;
  action: CaseAction;
  onClose: () => void;
  /** The case changed under us (409): the page reloads it and says so. */
  onConflict: (message: string, stale: boolean) => void;
}

function initialValues(view: CaseView, action: CaseAction): ActionValues {
  const selfPath = view.selfHandled && !view.handlingDeptId;
  return {
    requestType: view.decidableRequests[0],
    classCode: view.classCode ?? undefined,
    closeReason: action === 'close' ? (selfPath ? 'self_handled' : 'fixed') : undefined,
    level: 'normal',
    extension: { value: 1, limitType: 'work_day' },
    flags: { urgent: view.urgent, legacyIssue: false },
  };
}

function text(v: string | undefined): string | undefined {
  const s = v?.trim();
  return s ? s : undefined;
}

/** Only what the action asks for goes into the request, with the version the page loaded. */
function toRequest(
  version: number,
  action: CaseAction,
  fields: Set<string>,
  v: ActionValues,
): CaseTransitionRequest {
  const body: CaseTransitionRequest = { action, version };
  const has = (f: string) => fields.has(f);
  if (has('note') && text(v.note)) body.note = text(v.note);
  if (has('reason') && text(v.reason)) body.reason = text(v.reason);
  if (has('result') && text(v.result)) body.result = text(v.result);
  if (has('photos') && v.photos?.length) body.photos = v.photos;
  if (has('gps') && v.gps) body.gps = v.gps;
  if (has('closeReason') && v.closeReason) body.closeReason = v.closeReason;
  if (has('departmentId') && v.departmentId) body.departmentId = v.departmentId;
  if (has('classCode') && v.classCode) body.classCode = v.classCode;
  if (has('conditionId') && v.conditionId) body.conditionId = v.conditionId;
  if (has('assigneeId') && v.assigneeId) body.assigneeId = v.assigneeId;
  if (has('requestType') && v.requestType) body.requestType = v.requestType;
  if (has('extension') && v.extension?.value)
    body.extension = { value: v.extension.value, limitType: v.extension.limitType };
  if (has('level') && v.level) body.level = v.level;
  if (has('rating') && v.rating) body.rating = v.rating;
  if (has('masterCaseId') && v.masterCaseId) body.masterCaseId = v.masterCaseId;
  if (has('flags') && v.flags) body.flags = v.flags;
  return body;
}

/** One workflow action: a small form with exactly the inputs the workflow table requires. */
export function ActionForm({ view, action, onClose, onConflict }: ActionFormProps) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  // The version the user saw when opening the form; a background refresh must not hide a conflict.
  const [{ version, state }] = useState({ version: view.version, state: view.state });
  const transition = useCaseTransition(view.id);
  const requestType = Form.useWatch('requestType', form) as RequestType | undefined;
  const specs = actionFields(state, action, requestType);
  const label = actionLabel(action, lang);

  const submit = (values: ActionValues) => {
    setError(null);
    const body = toRequest(version, action, new Set(specs.map((s) => s.field)), values);
    transition.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('action.done', { action: label }));
        onClose();
      },
      onError: (err) => {
        const message = err instanceof Error ? err.message : String(err);
        if (isVersionConflict(err)) {
          onConflict(t('action.conflict'), true);
          onClose();
          return;
        }
        if (isApiError(err) && err.status === 409) onConflict(message, false);
        const spec = isApiError(err) ? specs.find((s) => s.field === err.field) : undefined;
        if (spec) {
          form.setFields([
            {
              name: spec.field === 'extension' ? (['extension', 'value'] as const) : spec.field,
              errors: [message],
            },
          ]);
        }
        setError(message);
      },
    });
  };

  return (
    <Modal
      open
      title={label}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('action.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={DANGER_ACTIONS.has(action)}
          loading={transition.isPending}
          disabled={uploading}
          onClick={() => form.submit()}
          data-testid="action-submit"
        >
          {t('action.submit')}
        </Button>,
      ]}
      destroyOnHidden
      maskClosable={false}
      width={560}
    >
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(view, action)}
        onFinish={submit}
        data-testid={`action-form-${action}`}
      >
        {specs.map((spec) => (
          <ActionFieldItem
            key={spec.field}
            spec={spec}
            view={view}
            action={action}
            onUploading={setUploading}
          />
        ))}
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="action-error" /> : null}
    </Modal>
  );
}
