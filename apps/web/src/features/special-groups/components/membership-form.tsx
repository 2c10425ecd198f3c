import { Alert, Form, Input, Radio, Select } from 'antd';
import {
  ATTENTION_LEVELS,
  ATTENTION_LEVEL_LABELS,
  type AttentionLevel,
  type GroupFieldValue,
  type Membership,
} from '@wangge/shared';
import { labelOf, useI18n } from '../../../lib/i18n';
import { useCreateMembership, useSpecialGroups, useUpdateMembership } from '../api';
import { todayIso } from '../special-format';
import { GroupFieldInputs } from './group-field-inputs';
import { SaveModal, useFormError } from './save-modal';

interface Values {
  personId: string;
  groupCode: string;
  attentionLevel: AttentionLevel;
  startedAt: string;
  fields?: Record<string, GroupFieldValue | undefined>;
  guardianName?: string;
  guardianPhone?: string;
  helpSituation?: string;
  difficulties?: string;
}

/** Drops unset values: the server checks what is there against the group's definition. */
const clean = (fields: Values['fields']): Record<string, GroupFieldValue> =>
  Object.fromEntries(
    Object.entries(fields ?? {}).filter(
      (e): e is [string, GroupFieldValue] => e[1] !== undefined && e[1] !== null && e[1] !== '',
    ),
  );

/** 列管 form: new (person and group chosen) or edit (level, fields, helper). The helper's phone is never prefilled. */
export function MembershipForm({
  membership,
  personId,
  onClose,
}: {
  membership?: Membership;
  personId?: string;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const { error, clear, fail } = useFormError(form);
  const groups = useSpecialGroups();
  const create = useCreateMembership();
  const update = useUpdateMembership();
  const groupCode = Form.useWatch('groupCode', form) ?? membership?.groupCode;
  const group = groups.data?.items.find((g) => g.code === groupCode);
  const editing = Boolean(membership);

  const submit = (v: Values) => {
    clear();
    const common = {
      attentionLevel: v.attentionLevel,
      fields: clean(v.fields),
      guardianName: v.guardianName?.trim() || null,
      helpSituation: v.helpSituation?.trim() || null,
      difficulties: v.difficulties?.trim() || null,
    };
    const phone = v.guardianPhone?.trim();
    if (membership) {
      update.mutate(
        {
          id: membership.id,
          body: {
            version: membership.version,
            ...common,
            ...(phone ? { guardianPhone: phone } : {}),
          },
        },
        { onSuccess: onClose, onError: fail },
      );
    } else {
      create.mutate(
        {
          personId: v.personId.trim(),
          groupCode: v.groupCode,
          startedAt: v.startedAt,
          ...common,
          ...(phone ? { guardianPhone: phone } : {}),
        },
        { onSuccess: onClose, onError: fail },
      );
    }
  };

  return (
    <SaveModal
      title={editing ? t('special.editMembership') : t('special.newMembership')}
      form={form}
      pending={create.isPending || update.isPending}
      onClose={onClose}
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="membership-form"
        initialValues={{
          personId: membership?.personId ?? personId ?? '',
          groupCode: membership?.groupCode,
          attentionLevel: membership?.attentionLevel ?? 'normal',
          startedAt: membership?.startedAt ?? todayIso(),
          fields: membership?.fields ?? {},
          guardianName: membership?.guardianName ?? '',
          helpSituation: membership?.helpSituation ?? '',
          difficulties: membership?.difficulties ?? '',
        }}
      >
        <Form.Item
          name="personId"
          label={t('special.personId')}
          rules={[{ required: true, whitespace: true, message: t('special.personIdRequired') }]}
        >
          <Input disabled={editing || Boolean(personId)} placeholder={t('special.personIdHint')} />
        </Form.Item>
        <Form.Item
          name="groupCode"
          label={t('special.group')}
          rules={[{ required: true, message: t('special.groupRequired') }]}
        >
          <Select
            disabled={editing}
            loading={groups.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(groups.data?.items ?? [])
              .filter((g) => g.active || g.code === membership?.groupCode)
              .map((g) => ({ value: g.code, label: g.name }))}
            onChange={() => form.setFieldValue('fields', {})}
          />
        </Form.Item>
        <Form.Item name="attentionLevel" label={t('special.attention')}>
          <Radio.Group
            optionType="button"
            options={ATTENTION_LEVELS.map((l) => ({
              value: l,
              label: labelOf(ATTENTION_LEVEL_LABELS, l, lang),
            }))}
          />
        </Form.Item>
        {editing ? null : (
          <Form.Item name="startedAt" label={t('special.startedAt')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        )}
        {group ? <GroupFieldInputs fields={group.fields} /> : null}
        <Form.Item name="guardianName" label={t('special.guardianName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="guardianPhone"
          label={t('special.guardianPhone')}
          extra={
            editing && membership?.guardianPhone
              ? t('special.phoneKeep', { phone: membership.guardianPhone })
              : undefined
          }
        >
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="helpSituation" label={t('special.helpSituation')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="difficulties" label={t('special.difficulties')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </SaveModal>
  );
}
