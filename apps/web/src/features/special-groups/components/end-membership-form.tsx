import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import {
  MEMBERSHIP_END_REASONS,
  MEMBERSHIP_END_REASON_LABELS,
  type Membership,
  type MembershipEndReason,
} from '@wangge/shared';
import { labelOf, useI18n } from '../../../lib/i18n';
import { useEndMembership } from '../api';
import { todayIso } from '../special-format';

interface Values {
  endedAt: string;
  reason: MembershipEndReason;
  note?: string;
}

/** 解除列管: the record stays as history and open visits are cancelled. */
export function EndMembershipForm({
  membership,
  onClose,
}: {
  membership: Membership;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const end = useEndMembership();
  const reason = Form.useWatch('reason', form);
  const submit = (v: Values) =>
    end.mutate(
      {
        id: membership.id,
        body: {
          version: membership.version,
          endedAt: v.endedAt,
          reason: v.reason,
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        },
      },
      {
        onSuccess: onClose,
        onError: (err) => setError(err instanceof Error ? err.message : String(err)),
      },
    );
  return (
    <Modal
      open
      title={t('special.end')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true }}
      confirmLoading={end.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ endedAt: todayIso() }}
      >
        <Form.Item name="endedAt" label={t('special.endedAt')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('special.endReason')}
          rules={[{ required: true, message: t('special.endReasonRequired') }]}
        >
          <Select
            options={MEMBERSHIP_END_REASONS.map((r) => ({
              value: r,
              label: labelOf(MEMBERSHIP_END_REASON_LABELS, r, lang),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('special.endNote')}
          rules={[{ required: reason === 'other', min: 2, message: t('special.endNoteRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
