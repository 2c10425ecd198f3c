import { useEffect } from 'react';
import { Button, Card, Form, Input } from 'antd';
import type { Open311Settings } from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useOpen311Settings, useSaveOpen311Settings } from '../api';

interface SettingsForm {
  jurisdictionId?: string;
  contact: string;
  keyService: string;
}

/** The jurisdiction_id the interface answers to and what its discovery document publishes. */
export function Open311SettingsCard() {
  const { t } = useI18n();
  const settings = useOpen311Settings();
  const save = useSaveOpen311Settings();
  const [form] = Form.useForm<SettingsForm>();

  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({ ...settings.data, jurisdictionId: settings.data.jurisdictionId ?? '' });
  }, [settings.data, form]);

  const onFinish = (v: SettingsForm) => {
    const body: Open311Settings = {
      jurisdictionId: v.jurisdictionId?.trim() ? v.jurisdictionId.trim() : null,
      contact: v.contact,
      keyService: v.keyService,
    };
    save.mutate(body, { onSuccess: () => notifySuccess(t('open311.settingsSaved')) });
  };

  return (
    <Card size="small" title={t('open311.settings')}>
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Form<SettingsForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={settings.isPending || save.isPending}
          style={{ maxWidth: 640 }}
        >
          <Form.Item
            label={t('open311.jurisdiction')}
            name="jurisdictionId"
            extra={t('open311.jurisdictionHint')}
            rules={[{ pattern: /^[a-z0-9.-]{3,100}$/, message: t('open311.jurisdictionInvalid') }]}
          >
            <Input placeholder="wangge.example.gov.cn" data-testid="open311-jurisdiction" />
          </Form.Item>
          <Form.Item
            label={t('open311.contact')}
            name="contact"
            rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t('open311.keyService')}
            name="keyService"
            rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending} data-testid="open311-settings-save">
            {t('open311.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
