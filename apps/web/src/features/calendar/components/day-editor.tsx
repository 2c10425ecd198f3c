import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { CALENDAR_DAY_KINDS, type CalendarDayKindName, type CalendarDayRow } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useDeleteDay, useSetDay } from '../api';
import { defaultKind } from '../calendar-format';

interface Values {
  kind: CalendarDayKindName;
  name: string;
}

/** Sets one date to 节假日 / 调休上班 / 工作日 / 休息日 with a name, or clears it back to the Monday–Friday rule. */
export function DayEditor({
  date,
  entry,
  onClose,
}: {
  date: string;
  entry: CalendarDayRow | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const setDay = useSetDay();
  const deleteDay = useDeleteDay();
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const fallback = defaultKind(y, m, d);
  const done = () => {
    notifySuccess(t('calendar.saved'));
    onClose();
  };
  const fail = (err: Error) => setError(err.message);
  const submit = (v: Values) => {
    setError(null);
    setDay.mutate(
      { date, body: { kind: v.kind, name: (v.name ?? '').trim() } },
      { onSuccess: done, onError: fail },
    );
  };
  return (
    <Modal
      open
      title={t('calendar.editDay', { date })}
      onCancel={onClose}
      destroyOnHidden
      width={420}
      footer={[
        entry ? (
          <Button
            key="clear"
            danger
            loading={deleteDay.isPending}
            onClick={() => deleteDay.mutate(date, { onSuccess: done, onError: fail })}
            data-testid="day-clear"
          >
            {t('calendar.clearDay')}
          </Button>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          {t('calendar.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={setDay.isPending}
          onClick={() => form.submit()}
          data-testid="day-save"
        >
          {t('calendar.save')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: entry?.kind ?? (fallback === 'weekend' ? 'makeup_workday' : 'holiday'),
          name: entry?.name ?? '',
        }}
        data-testid="day-form"
      >
        {!entry ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('calendar.dayDefault', { kind: t(`calendar.kind.${fallback}`) })}
          />
        ) : null}
        <Form.Item name="kind" label={t('calendar.dayKind')} rules={[{ required: true }]}>
          <Select
            options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.dayName')} rules={[{ max: 32 }]}>
          <Input placeholder={t('calendar.dayNamePlaceholder')} maxLength={32} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
