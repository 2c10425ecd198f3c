import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import {
  HOUSEHOLDER_RELATION_LABELS,
  HOUSEHOLDER_RELATIONS,
  RESIDENCE_TYPE_LABELS,
  RESIDENCE_TYPES,
  type HouseholderRelation,
  type ResidenceType,
} from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { fieldError, optionsOf, todayShanghai } from '../person-format';
import { useMoveIn, useMoveOut } from '../population-api';
import { HouseSelect } from './house-select';

interface DialogProps {
  personId: string;
  open: boolean;
  onClose: () => void;
}

interface MoveInValues {
  houseId: string;
  residenceType: ResidenceType;
  relation?: HouseholderRelation;
  movedInAt: string;
}

/** 迁入: a new house closes the current residence on the same day. */
export function MoveInDialog({ personId, open, onClose }: DialogProps) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<MoveInValues>();
  const [error, setError] = useState<string | null>(null);
  const move = useMoveIn(personId);
  const done = () => {
    form.resetFields();
    onClose();
  };
  const submit = (v: MoveInValues) => {
    setError(null);
    move.mutate(
      {
        houseId: v.houseId,
        residenceType: v.residenceType,
        relation: v.relation ?? null,
        movedInAt: v.movedInAt,
      },
      {
        onSuccess: done,
        onError: (err) =>
          setError(fieldError(form, err, ['houseId', 'residenceType', 'relation', 'movedInAt'])),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('persons.moveIn')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('persons.save')}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form<MoveInValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ movedInAt: todayShanghai(), residenceType: 'own' }}
        data-testid="move-in-form"
      >
        <Form.Item
          name="houseId"
          label={t('persons.house')}
          rules={[{ required: true, message: t('persons.houseRequired') }]}
        >
          <HouseSelect testId="move-in-house" />
        </Form.Item>
        <Form.Item
          name="residenceType"
          label={t('persons.residenceType')}
          rules={[{ required: true }]}
        >
          <Select options={optionsOf(RESIDENCE_TYPES, RESIDENCE_TYPE_LABELS, lang)} />
        </Form.Item>
        <Form.Item name="relation" label={t('persons.relation')}>
          <Select
            allowClear
            options={optionsOf(HOUSEHOLDER_RELATIONS, HOUSEHOLDER_RELATION_LABELS, lang)}
          />
        </Form.Item>
        <Form.Item
          name="movedInAt"
          label={t('persons.movedInAt')}
          rules={[
            { required: true, message: t('persons.dateRequired') },
            { validator: notFuture(t('persons.dateFuture')) },
          ]}
        >
          <Input type="date" max={todayShanghai()} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

interface MoveOutValues {
  at: string;
  reason: string;
  destination?: string;
}

/** 迁出: ends the current residence; the record stays, as 已迁出. */
export function MoveOutDialog({ personId, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<MoveOutValues>();
  const [error, setError] = useState<string | null>(null);
  const move = useMoveOut(personId);
  const done = () => {
    form.resetFields();
    onClose();
  };
  const submit = (v: MoveOutValues) => {
    setError(null);
    move.mutate(
      { at: v.at, reason: v.reason.trim(), destination: v.destination?.trim() || null },
      {
        onSuccess: done,
        onError: (err) => setError(fieldError(form, err, ['at', 'reason', 'destination'])),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('persons.moveOut')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('persons.save')}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form<MoveOutValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ at: todayShanghai() }}
        data-testid="move-out-form"
      >
        <Form.Item
          name="at"
          label={t('persons.movedOutAt')}
          rules={[
            { required: true, message: t('persons.dateRequired') },
            { validator: notFuture(t('persons.dateFuture')) },
          ]}
        >
          <Input type="date" max={todayShanghai()} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('persons.moveOutReason')}
          rules={[
            { required: true, whitespace: true, message: t('persons.moveOutReasonRequired') },
            { max: 200 },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="destination" label={t('persons.destination')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

const notFuture = (message: string) => async (_: unknown, v: string | undefined) => {
  if (v && v > todayShanghai()) throw new Error(message);
};
