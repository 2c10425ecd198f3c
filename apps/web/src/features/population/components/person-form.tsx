import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import {
  HOUSEHOLD_STATUS_LABELS,
  HOUSEHOLD_STATUSES,
  HOUSEHOLDER_RELATION_LABELS,
  HOUSEHOLDER_RELATIONS,
  PERSON_GENDER_LABELS,
  PERSON_GENDERS,
  PERSON_ID_TYPE_LABELS,
  PERSON_ID_TYPES,
  POPULATION_TYPE_LABELS,
  POPULATION_TYPES,
  RESIDENCE_TYPE_LABELS,
  RESIDENCE_TYPES,
  type CreatePersonRequest,
  type HouseholderRelation,
  type HouseholdStatus,
  type PersonDetail,
  type PersonDetails,
  type PersonGender,
  type PersonIdType,
  type PopulationType,
  type ResidenceType,
} from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { fieldError, fmt, optionsOf, todayShanghai } from '../person-format';
import { useCreatePerson, useUpdatePerson } from '../population-api';
import { HouseSelect } from './house-select';
import { AreaSelect } from '../../../components/area-select';
import { PersonDetailsFields } from './person-details-fields';
import {
  cleanPhone,
  idNumberFacts,
  idNumberProblem,
  optionalText,
  PHONE_PATTERN,
} from './person-form-rules';

interface PersonFormValues {
  name: string;
  idType: PersonIdType;
  idNumber?: string;
  gender?: PersonGender;
  birthDate?: string;
  ethnicity?: string;
  phone?: string;
  populationType: PopulationType;
  householdStatus?: HouseholdStatus;
  nationality?: string;
  registeredPlace?: string;
  relation?: HouseholderRelation;
  placeKind: 'house' | 'area';
  houseId?: string;
  areaCode?: string;
  residenceType?: ResidenceType;
  movedInAt?: string;
  details?: Record<string, string | undefined>;
}

const FIELDS = [
  'name',
  'idType',
  'idNumber',
  'gender',
  'birthDate',
  'ethnicity',
  'phone',
  'populationType',
  'householdStatus',
  'nationality',
  'registeredPlace',
  'relation',
  'houseId',
  'areaCode',
  'residenceType',
  'movedInAt',
  'details',
];
const GRID_LEVELS = ['community', 'grid'] as const;

/** Empty detail fields become null, so clearing one on an edit removes it. */
const detailsOf = (d: PersonFormValues['details']): PersonDetails =>
  Object.fromEntries(Object.entries(d ?? {}).map(([k, v]) => [k, optionalText(v)]));

/** 登记/修改人员. The ID number is checked here with the server's rule; on an edit, empty ID and phone fields keep the stored (masked) values. */
export function PersonForm({
  person,
  onSaved,
}: {
  person?: PersonDetail;
  onSaved: (p: PersonDetail) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<PersonFormValues>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? '');
  const idType = Form.useWatch('idType', form) ?? person?.idType ?? 'resident_id';
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const populationType = Form.useWatch('populationType', form);
  const placeKind = Form.useWatch('placeKind', form) ?? 'house';
  const facts = idType === 'resident_id' ? idNumberFacts(idNumber) : null;
  const col = { xs: 24, sm: 12, lg: 8 };

  const submit = (v: PersonFormValues) => {
    setError(null);
    const common = {
      name: v.name.trim(),
      idType: v.idType,
      ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
      ...(v.idType !== 'resident_id'
        ? { gender: v.gender, birthDate: v.birthDate || undefined }
        : {}),
      ethnicity: optionalText(v.ethnicity),
      ...(v.phone?.trim() ? { phone: cleanPhone(v.phone) } : {}),
      populationType: v.populationType,
      householdStatus: v.populationType === 'registered' ? (v.householdStatus ?? 'together') : null,
      nationality: optionalText(v.nationality),
      registeredPlace: optionalText(v.registeredPlace),
      relation: v.relation ?? null,
      details: detailsOf(v.details),
    };
    const onError = (err: Error) => setError(fieldError(form, err, FIELDS));
    if (person) {
      const area =
        !person.houseId && v.areaCode && v.areaCode !== (person.gridCode ?? person.communityCode)
          ? { areaCode: v.areaCode }
          : {};
      update.mutate(
        { ...common, ...area, version: person.version },
        { onSuccess: onSaved, onError },
      );
      return;
    }
    const place =
      v.placeKind === 'house'
        ? {
            houseId: v.houseId,
            residenceType: v.residenceType,
            movedInAt: v.movedInAt || undefined,
          }
        : { areaCode: v.areaCode };
    create.mutate({ ...common, idNumber: common.idNumber ?? '', ...place } as CreatePersonRequest, {
      onSuccess: onSaved,
      onError,
    });
  };

  const initial: Partial<PersonFormValues> = person
    ? {
        name: person.name,
        idType: person.idType,
        gender: person.gender ?? undefined,
        ethnicity: person.ethnicity ?? undefined,
        populationType: person.populationType,
        householdStatus: person.householdStatus ?? undefined,
        nationality: person.nationality ?? undefined,
        registeredPlace: person.registeredPlace ?? undefined,
        relation: person.relation ?? undefined,
        areaCode: person.gridCode ?? person.communityCode,
        details: Object.fromEntries(
          Object.entries(person.details).map(([k, v]) => [k, v ?? undefined]),
        ),
        placeKind: 'area',
      }
    : {
        idType: 'resident_id',
        populationType: 'registered',
        placeKind: 'house',
        residenceType: 'own',
        movedInAt: todayShanghai(),
      };

  return (
    <Form<PersonFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      scrollToFirstError
      data-testid="person-form"
    >
      <Card size="small" title={t('persons.identity')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col {...col}>
            <Form.Item
              name="name"
              label={t('persons.name')}
              rules={[
                { required: true, whitespace: true, message: t('persons.nameRequired') },
                { max: 50, message: t('persons.nameTooLong') },
              ]}
            >
              <Input maxLength={50} data-testid="person-name" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="idType" label={t('persons.idType')} rules={[{ required: true }]}>
              <Select options={optionsOf(PERSON_ID_TYPES, PERSON_ID_TYPE_LABELS, lang)} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="idNumber"
              label={t('persons.idNumberLabel')}
              extra={
                facts
                  ? t('persons.idFacts', {
                      birth: facts.birthDate,
                      gender: fmt.gender(facts.gender, lang),
                    }) + (facts.converted ? t('persons.idConverted') : '')
                  : person
                    ? t('persons.keepMasked', { value: person.idNumber })
                    : undefined
              }
              rules={[
                {
                  required: !person || idType !== person.idType,
                  whitespace: true,
                  message: t('persons.idNumberRequired'),
                },
                {
                  validator: async (_, v?: string) => {
                    const p = v?.trim() ? idNumberProblem(idType, v) : null;
                    if (p) throw new Error(p);
                  },
                },
              ]}
            >
              <Input
                maxLength={30}
                autoComplete="off"
                placeholder={person?.idNumber}
                data-testid="person-id-number-input"
              />
            </Form.Item>
          </Col>
          {idType !== 'resident_id' ? (
            <>
              <Col {...col}>
                <Form.Item name="gender" label={t('persons.gender')}>
                  <Select
                    allowClear
                    options={optionsOf(PERSON_GENDERS, PERSON_GENDER_LABELS, lang)}
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item
                  name="birthDate"
                  label={t('persons.birthDate')}
                  extra={
                    person?.birthYear
                      ? t('persons.keepMasked', { value: `${person.birthYear}-**-**` })
                      : undefined
                  }
                >
                  <Input type="date" max={todayShanghai()} />
                </Form.Item>
              </Col>
            </>
          ) : null}
          <Col {...col}>
            <Form.Item name="ethnicity" label={t('persons.ethnicity')} rules={[{ max: 20 }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="phone"
              label={t('persons.phone')}
              extra={person?.phone ? t('persons.keepMasked', { value: person.phone }) : undefined}
              rules={[
                {
                  validator: async (_, v?: string) => {
                    if (v?.trim() && !PHONE_PATTERN.test(cleanPhone(v)))
                      throw new Error(t('persons.phoneInvalid'));
                  },
                },
              ]}
            >
              <Input inputMode="tel" maxLength={24} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('persons.population')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col {...col}>
            <Form.Item
              name="populationType"
              label={t('persons.populationType')}
              rules={[{ required: true, message: t('persons.populationTypeRequired') }]}
            >
              <Select
                options={optionsOf(POPULATION_TYPES, POPULATION_TYPE_LABELS, lang)}
                data-testid="person-population-type"
              />
            </Form.Item>
          </Col>
          {populationType === 'registered' ? (
            <Col {...col}>
              <Form.Item name="householdStatus" label={t('persons.householdStatus')}>
                <Select
                  allowClear
                  placeholder={fmt.householdStatus('together', lang)}
                  options={optionsOf(HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS, lang)}
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col {...col}>
            <Form.Item
              name="nationality"
              label={t('persons.nationality')}
              rules={[
                {
                  required: populationType === 'foreign',
                  whitespace: true,
                  message: t('persons.nationalityRequired'),
                },
                { max: 50 },
              ]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="registeredPlace"
              label={t('persons.registeredPlace')}
              rules={[{ max: 200 }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="relation" label={t('persons.relation')}>
              <Select
                allowClear
                options={optionsOf(HOUSEHOLDER_RELATIONS, HOUSEHOLDER_RELATION_LABELS, lang)}
              />
            </Form.Item>
          </Col>
        </Row>
        <PersonDetailsFields populationType={populationType} />
      </Card>
      {!person || !person.houseId ? (
        <Card size="small" title={t('persons.residence')} style={{ marginBottom: 12 }}>
          {!person ? (
            <Form.Item name="placeKind">
              <Radio.Group
                options={[
                  { value: 'house', label: t('persons.placeHouse') },
                  { value: 'area', label: t('persons.placeArea') },
                ]}
              />
            </Form.Item>
          ) : null}
          {placeKind === 'house' && !person ? (
            <Row gutter={12}>
              <Col xs={24} lg={12}>
                <Form.Item
                  name="houseId"
                  label={t('persons.house')}
                  rules={[{ required: true, message: t('persons.houseRequired') }]}
                >
                  <HouseSelect testId="person-house" />
                </Form.Item>
              </Col>
              <Col xs={12} lg={6}>
                <Form.Item name="residenceType" label={t('persons.residenceType')}>
                  <Select options={optionsOf(RESIDENCE_TYPES, RESIDENCE_TYPE_LABELS, lang)} />
                </Form.Item>
              </Col>
              <Col xs={12} lg={6}>
                <Form.Item name="movedInAt" label={t('persons.movedInAt')}>
                  <Input type="date" max={todayShanghai()} />
                </Form.Item>
              </Col>
            </Row>
          ) : (
            <Form.Item
              name="areaCode"
              label={t('persons.areaOnly')}
              rules={[{ required: true, message: t('persons.areaRequired') }]}
            >
              <AreaSelect
                placeholder={t('persons.areaOnly')}
                levels={GRID_LEVELS}
                testId="person-area"
              />
            </Form.Item>
          )}
        </Card>
      ) : (
        <Typography.Paragraph type="secondary">
          {t('persons.placeFollowsHouse')}
        </Typography.Paragraph>
      )}
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="person-form-error"
        />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        loading={create.isPending || update.isPending}
        block
        data-testid="person-save"
      >
        {t('persons.save')}
      </Button>
    </Form>
  );
}
