import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { useNavigate } from 'react-router';
import type { AddressNode } from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-media-query';
import { useCreateHouse } from '../api';
import { housePath } from '../address-format';
import { showFormError } from '../form-errors';
import { AddressSearchBox } from './address-search-box';
import { HOUSE_FORM_FIELDS, HouseFields, houseBody, type HouseFormValues } from './house-fields';

/** 登记房屋 on a 户室: the room is given (from the address page) or searched for; opens the new house after. */
export function HouseCreateModal({
  room,
  onClose,
}: {
  room: Pick<AddressNode, 'id' | 'fullName'> | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [form] = Form.useForm<HouseFormValues>();
  const [picked, setPicked] = useState(room);
  const [roomError, setRoomError] = useState<string | null>(null);
  const create = useCreateHouse();

  const submit = async (v: HouseFormValues) => {
    if (!picked) {
      setRoomError(t('house.roomRequired'));
      return;
    }
    try {
      const house = await create.mutateAsync({ addressId: picked.id, ...houseBody(v) });
      onClose();
      void navigate(housePath(house.id));
    } catch (err) {
      // The room itself (already registered, not a 户室) is reported above the fields.
      if (isApiError(err) && err.field === 'addressId') setRoomError(err.message);
      else showFormError(form, err, HOUSE_FORM_FIELDS);
    }
  };

  return (
    <Modal
      open
      title={t('house.register')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('addr.save')}
      cancelText={t('house.cancel')}
      confirmLoading={create.isPending}
      width={isMobile ? '100%' : 640}
      destroyOnHidden
    >
      <div style={{ marginBottom: 16 }}>
        {room ? (
          <Alert type="info" showIcon title={room.fullName} />
        ) : (
          <AddressSearchBox
            level="room"
            placeholder={t('house.roomSearch')}
            onPick={(n) => {
              setPicked(n);
              setRoomError(null);
            }}
            testId="house-room-search"
          />
        )}
        {roomError ? (
          <Alert type="error" showIcon title={roomError} style={{ marginTop: 8 }} />
        ) : null}
      </div>
      <Form<HouseFormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ ownership: 'private' }}
        data-testid="house-create-form"
      >
        <HouseFields form={form} />
      </Form>
    </Modal>
  );
}
