import { useEffect } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { FormInstance } from 'antd';
import {
  CATEGORY_LEVEL_LABELS,
  CHILD_CODE_WIDTH,
  type Category,
  type CategoryLevel,
} from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useCreateCategory, useUpdateCategory } from '../dictionary-api';

interface Values {
  code?: string;
  name: string;
  synonyms: string[];
  selfHandleAllowed: boolean;
  verifyRequired: boolean;
  duplicateRadiusM: number;
  active?: boolean;
}

const NEXT: Record<CategoryLevel, Exclude<CategoryLevel, 'major'> | null> = {
  major: 'minor',
  minor: 'sub',
  sub: 'detail',
  detail: null,
};
export const childLevelOf = (level: CategoryLevel) => NEXT[level];

/** A refusal names its field: show it there; anything else above the form. */
function showRefusal(form: FormInstance<Values>, err: unknown, fields: string[]): string | null {
  if (isApiError(err) && err.field && fields.includes(err.field)) {
    form.setFields([{ name: err.field as keyof Values, errors: [err.message] }]);
    return null;
  }
  return isApiError(err) ? err.message : String(err);
}

interface EditorProps {
  /** The class edited, or the parent of the one added. */
  category: Category;
  mode: 'edit' | 'add';
  onClose: () => void;
}

/** 修改分类 / 新增下级: flags, synonyms and radius; a new local class also takes its code and name. */
export function CategoryEditor({ category, mode, onClose }: EditorProps) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCategory();
  const create = useCreateCategory();
  const pending = update.isPending || create.isPending;
  const error = (update.error ?? create.error) as unknown;
  const level = mode === 'add' ? childLevelOf(category.level) : null;
  useEffect(() => {
    form.setFieldsValue(
      mode === 'edit'
        ? {
            name: category.name,
            synonyms: category.synonyms,
            selfHandleAllowed: category.selfHandleAllowed,
            verifyRequired: category.verifyRequired,
            duplicateRadiusM: category.duplicateRadiusM,
            active: category.active,
          }
        : {
            code: category.code,
            name: '',
            synonyms: [],
            selfHandleAllowed: false,
            verifyRequired: false,
            duplicateRadiusM: category.duplicateRadiusM,
          },
    );
  }, [category, mode, form]);
  const fields = ['code', 'name', 'synonyms', 'duplicateRadiusM', 'active', 'parentCode'];
  const submit = (v: Values) => {
    const onError = (e: unknown) => showRefusal(form, e, fields);
    if (mode === 'edit')
      update.mutate(
        {
          code: category.code,
          kind: category.kind,
          body: {
            name: v.name,
            synonyms: v.synonyms,
            selfHandleAllowed: v.selfHandleAllowed,
            verifyRequired: v.verifyRequired,
            duplicateRadiusM: v.duplicateRadiusM,
            ...(v.active !== category.active ? { active: Boolean(v.active) } : {}),
          },
        },
        { onSuccess: onClose, onError },
      );
    else
      create.mutate(
        {
          kind: category.kind,
          parentCode: category.code,
          code: (v.code ?? '').trim().toUpperCase(),
          name: v.name,
          synonyms: v.synonyms,
          selfHandleAllowed: v.selfHandleAllowed,
          verifyRequired: v.verifyRequired,
          duplicateRadiusM: v.duplicateRadiusM,
        },
        { onSuccess: onClose, onError },
      );
  };
  const generalError =
    error && !(isApiError(error) && error.field && fields.includes(error.field))
      ? isApiError(error)
        ? error.message
        : String(error)
      : null;
  return (
    <Modal
      open
      title={
        mode === 'edit'
          ? t('dict.editTitle', { code: category.code, name: category.name })
          : t('dict.addTitle', {
              level: level ? CATEGORY_LEVEL_LABELS[level][lang] : '',
              parent: `${category.code} ${category.name}`,
            })
      }
      okText={t('dict.save')}
      cancelText={t('dict.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="dict-editor"
        onValuesChange={() => (update.reset(), create.reset())}
      >
        {mode === 'add' && level ? (
          <Form.Item
            name="code"
            label={t('dict.code')}
            extra={t('dict.codeHint', { parent: category.code, width: CHILD_CODE_WIDTH[level] })}
            rules={[{ required: true, message: t('dict.required') }]}
          >
            <Input data-testid="dict-code" maxLength={20} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t('dict.name')}
          rules={[{ required: true, whitespace: true, message: t('dict.required') }]}
        >
          <Input data-testid="dict-name" maxLength={64} />
        </Form.Item>
        <Form.Item name="synonyms" label={t('dict.synonyms')} extra={t('dict.synonymsHint')}>
          <Select
            mode="tags"
            open={false}
            tokenSeparators={['、', ',', '，']}
            data-testid="dict-synonyms"
          />
        </Form.Item>
        <Form.Item
          name="selfHandleAllowed"
          label={t('dict.selfHandle')}
          valuePropName="checked"
          extra={t('dict.selfHandleHint')}
        >
          <Switch data-testid="dict-self-handle" />
        </Form.Item>
        <Form.Item
          name="verifyRequired"
          label={t('dict.verifyRequired')}
          valuePropName="checked"
          extra={t('dict.verifyHint')}
        >
          <Switch data-testid="dict-verify" />
        </Form.Item>
        <Form.Item name="duplicateRadiusM" label={t('dict.radius')} extra={t('dict.radiusHint')}>
          <InputNumber min={0} max={5000} addonAfter={t('dict.meters')} data-testid="dict-radius" />
        </Form.Item>
        {mode === 'edit' ? (
          <Form.Item
            name="active"
            label={t('dict.active')}
            valuePropName="checked"
            extra={t('dict.activeHint')}
          >
            <Switch data-testid="dict-active" />
          </Form.Item>
        ) : null}
        {generalError ? <Alert type="error" showIcon title={generalError} /> : null}
      </Form>
    </Modal>
  );
}
