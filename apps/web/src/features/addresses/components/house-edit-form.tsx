import { useEffect } from 'react';
import { Button, Form, Space } from 'antd';
import type { HouseDetail } from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useUpdateHouse } from '../api';
import { showFormError } from '../form-errors';
import {
  HOUSE_FORM_FIELDS,
  HouseFields,
  houseBody,
  houseFormValues,
  type HouseFormValues,
} from './house-fields';

/** Edits a house against the version it shows: a concurrent change answers 409 and the page reloads the house. */
export function HouseEditForm({
  house,
  onDone,
  onConflict,
}: {
  house: HouseDetail;
  onDone: () => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<HouseFormValues>();
  const update = useUpdateHouse(house.id);
  useEffect(() => form.setFieldsValue(houseFormValues(house)), [form, house]);

  const submit = async (v: HouseFormValues) => {
    try {
      await update.mutateAsync({ version: house.version, ...houseBody(v) });
      notifySuccess(t('house.saved'));
      onDone();
    } catch (err) {
      if (isApiError(err) && err.code === 'conflict') {
        notifyError(t('house.conflict'));
        onConflict();
        return;
      }
      showFormError(form, err, HOUSE_FORM_FIELDS);
    }
  };

  return (
    <Form<HouseFormValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      data-testid="house-edit-form"
    >
      <HouseFields form={form} maskedPhone={house.landlordPhone} />
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={update.isPending}
          data-testid="house-save"
        >
          {t('addr.save')}
        </Button>
        <Button onClick={onDone}>{t('house.cancel')}</Button>
      </Space>
    </Form>
  );
}
