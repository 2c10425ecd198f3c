import { Checkbox, Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import {
  RENTAL_HOUSE_USES,
  type CreateHouseRequest,
  type HouseDetail,
  type HouseOwnership,
  type HouseUse,
  type RentPurpose,
  type UpdateHouseRequest,
} from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { LABELS, optionsOf } from '../address-format';
import { FIELD_IN_ROW, FieldRow } from './field-row';

export interface HouseFormValues {
  use: HouseUse;
  ownership: HouseOwnership;
  areaM2?: number | null;
  certificateNo?: string;
  landlordName?: string;
  landlordPhone?: string;
  clearPhone?: boolean;
  rental?: { purpose?: RentPurpose; contractStart?: string; contractEnd?: string };
  remarks?: string;
}

/** Fields the server may name in an error, as this form calls them. */
export const HOUSE_FORM_FIELDS = [
  'use',
  'ownership',
  'areaM2',
  'certificateNo',
  'landlordName',
  'landlordPhone',
  'rental',
  'rental.purpose',
  'rental.contractStart',
  'rental.contractEnd',
  'remarks',
];

const PHONE = /^(1\d{10}|0\d{9,11})$/;
const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Form values of a house being edited (the phone stays empty: it is only ever shown masked). */
export function houseFormValues(h: HouseDetail): HouseFormValues {
  return {
    use: h.use,
    ownership: h.ownership,
    areaM2: h.areaM2,
    certificateNo: h.certificateNo ?? '',
    landlordName: h.landlordName ?? '',
    rental: h.rental
      ? {
          purpose: h.rental.purpose,
          contractStart: h.rental.contractStart ?? '',
          contractEnd: h.rental.contractEnd ?? '',
        }
      : {},
    remarks: h.remarks ?? '',
  };
}

/** The body of a create or update: empty texts clear a field; an empty phone leaves it unless cleared on purpose. */
export function houseBody(
  v: HouseFormValues,
): Omit<CreateHouseRequest, 'addressId'> & Omit<UpdateHouseRequest, 'version'> {
  const renting = RENTAL_HOUSE_USES.includes(v.use);
  const phone = v.landlordPhone?.replace(/[\s-]/g, '');
  return {
    use: v.use,
    ownership: v.ownership,
    areaM2: v.areaM2 ?? null,
    certificateNo: text(v.certificateNo),
    landlordName: text(v.landlordName),
    ...(phone ? { landlordPhone: phone } : v.clearPhone ? { landlordPhone: null } : {}),
    ...(renting && v.rental?.purpose
      ? {
          rental: {
            purpose: v.rental.purpose,
            contractStart: text(v.rental.contractStart),
            contractEnd: text(v.rental.contractEnd),
          },
        }
      : {}),
    remarks: text(v.remarks),
  };
}

/** 用途, 产权, 面积, 产权证号, 房主 and 租赁 fields, inside a Form; Chinese messages on every rule. */
export function HouseFields({
  form,
  maskedPhone,
}: {
  form: FormInstance<HouseFormValues>;
  maskedPhone?: string | null;
}) {
  const { t, lang } = useI18n();
  const use = Form.useWatch('use', form);
  const renting = use !== undefined && RENTAL_HOUSE_USES.includes(use);
  return (
    <>
      <FieldRow>
        <Form.Item
          name="use"
          label={t('house.use')}
          style={FIELD_IN_ROW}
          rules={[{ required: true, message: t('house.useRequired') }]}
        >
          <Select options={optionsOf(LABELS.use, lang)} data-testid="house-use" />
        </Form.Item>
        <Form.Item
          name="ownership"
          label={t('house.ownership')}
          style={FIELD_IN_ROW}
          rules={[{ required: true, message: t('house.ownershipRequired') }]}
        >
          <Select options={optionsOf(LABELS.ownership, lang)} data-testid="house-ownership" />
        </Form.Item>
      </FieldRow>
      <FieldRow>
        <Form.Item
          name="areaM2"
          label={t('house.area')}
          style={FIELD_IN_ROW}
          rules={[{ type: 'number', min: 0.01, max: 100000, message: t('house.areaInvalid') }]}
        >
          <InputNumber style={{ width: '100%' }} step={0.01} suffix="m²" />
        </Form.Item>
        <Form.Item
          name="certificateNo"
          label={t('house.certificate')}
          style={FIELD_IN_ROW}
          rules={[{ max: 50, message: t('house.tooLong', { n: 50 }) }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </FieldRow>
      <FieldRow>
        <Form.Item
          name="landlordName"
          label={t('house.landlord')}
          style={FIELD_IN_ROW}
          rules={[{ max: 50, message: t('house.tooLong', { n: 50 }) }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="landlordPhone"
          label={t('house.landlordPhone')}
          style={FIELD_IN_ROW}
          normalize={(v: string) => v.replace(/[^\d-\s]/g, '')}
          rules={[
            {
              validator: async (_r, v: string | undefined) =>
                !v || PHONE.test(v.replace(/[\s-]/g, ''))
                  ? undefined
                  : Promise.reject(new Error(t('house.phoneInvalid'))),
            },
          ]}
        >
          <Input
            inputMode="tel"
            maxLength={20}
            placeholder={maskedPhone ? t('house.phoneKeep', { phone: maskedPhone }) : undefined}
            data-testid="house-phone"
          />
        </Form.Item>
      </FieldRow>
      {maskedPhone ? (
        <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
          <Checkbox>{t('house.clearPhone')}</Checkbox>
        </Form.Item>
      ) : null}
      {renting ? (
        <fieldset
          className="house-rental"
          style={{
            border: '1px dashed #d9d9d9',
            borderRadius: 6,
            padding: '8px 12px 0',
            marginBottom: 16,
          }}
        >
          <legend style={{ fontSize: 13, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
            {t('house.rental')}
          </legend>
          <Form.Item
            name={['rental', 'purpose']}
            label={t('house.rentPurpose')}
            rules={[{ required: true, message: t('house.rentPurposeRequired') }]}
          >
            <Select
              options={optionsOf(LABELS.rentPurpose, lang)}
              data-testid="house-rent-purpose"
            />
          </Form.Item>
          <FieldRow>
            <Form.Item
              name={['rental', 'contractStart']}
              label={t('house.contractStart')}
              style={FIELD_IN_ROW}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item
              name={['rental', 'contractEnd']}
              label={t('house.contractEnd')}
              style={FIELD_IN_ROW}
              dependencies={[['rental', 'contractStart']]}
              rules={[
                {
                  validator: async (_r, end: string | undefined) => {
                    const start = form.getFieldValue(['rental', 'contractStart']) as
                      | string
                      | undefined;
                    if (start && end && end < start) throw new Error(t('house.contractOrder'));
                  },
                },
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </FieldRow>
        </fieldset>
      ) : null}
      <Form.Item
        name="remarks"
        label={t('house.remarks')}
        rules={[{ max: 1000, message: t('house.tooLong', { n: 1000 }) }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}
