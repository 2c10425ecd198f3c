import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { WorkWindowInput } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useSetWindows } from '../api';

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The working-hour windows of every working day: shown as tags, edited as start/end pairs. */
export function WindowsEditor({
  windows,
  canEdit,
}: {
  windows: readonly WorkWindowInput[];
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ windows: WorkWindowInput[] }>();
  const save = useSetWindows();
  const submit = (v: { windows: WorkWindowInput[] }) => {
    setError(null);
    save.mutate(v.windows, {
      onSuccess: () => {
        notifySuccess(t('calendar.saved'));
        setEditing(false);
      },
      onError: (err) => setError(err.message),
    });
  };
  return (
    <Card
      size="small"
      title={t('calendar.windows')}
      extra={
        canEdit && !editing ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="windows-edit"
          >
            {t('calendar.editWindows')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('calendar.windowsHint')}
      </Typography.Paragraph>
      {!editing ? (
        <Space wrap>
          {windows.map((w) => (
            <Tag key={w.start} color="blue" style={{ fontSize: 14, padding: '2px 8px' }}>
              {w.start}–{w.end}
            </Tag>
          ))}
        </Space>
      ) : (
        <Form
          form={form}
          onFinish={submit}
          initialValues={{ windows: windows.map((w) => ({ ...w })) }}
          data-testid="windows-form"
        >
          <Form.List name="windows">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item
                      name={[f.name, 'start']}
                      rules={[{ required: true, pattern: TIME, message: t('calendar.timeRule') }]}
                    >
                      <Input
                        placeholder="08:30"
                        aria-label={t('calendar.windowStart')}
                        style={{ width: 96 }}
                        inputMode="numeric"
                      />
                    </Form.Item>
                    <span>–</span>
                    <Form.Item
                      name={[f.name, 'end']}
                      rules={[{ required: true, pattern: TIME, message: t('calendar.timeRule') }]}
                    >
                      <Input
                        placeholder="12:00"
                        aria-label={t('calendar.windowEnd')}
                        style={{ width: 96 }}
                        inputMode="numeric"
                      />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('calendar.removeWindow')}
                        onClick={() => remove(f.name)}
                      />
                    ) : null}
                  </Space>
                ))}
                {fields.length < 8 ? (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ start: '', end: '' })}
                    style={{ marginBottom: 12 }}
                  >
                    {t('calendar.addWindow')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
          {error ? (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />
          ) : null}
          <Space>
            <Button onClick={() => setEditing(false)}>{t('calendar.cancel')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={save.isPending}
              data-testid="windows-save"
            >
              {t('calendar.save')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
