import { Descriptions } from 'antd';
import type { PersonDetail, PersonUnmaskResponse } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { fmt } from '../person-format';

/**
 * The record's attributes; the ID number, phone and 居住证号码 are the stored masks, and the birth date only its year,
 * until unmasked (the full date with the year would rebuild a masked ID number).
 */
export function PersonAttributes({
  person: p,
  revealed,
}: {
  person: PersonDetail;
  revealed: PersonUnmaskResponse;
}) {
  const { t, lang } = useI18n();
  const d = p.details;
  const place = [p.streetName, p.communityName, p.gridName].filter(Boolean).join(' / ');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      bordered
      data-testid="person-attributes"
    >
      <Descriptions.Item label={t('persons.name')}>{p.name}</Descriptions.Item>
      <Descriptions.Item label={t('persons.gender')}>
        {fmt.gender(p.gender, lang)}
      </Descriptions.Item>
      {revealed.birthDate !== undefined ? (
        <Descriptions.Item label={t('persons.birthDate')}>
          <span data-testid="person-birth">{revealed.birthDate ?? ''}</span>
        </Descriptions.Item>
      ) : (
        <Descriptions.Item label={t('persons.birthYear')}>
          <span data-testid="person-birth">{p.birthYear ?? ''}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={fmt.idType(p.idType, lang)}>
        <span className="area-code" data-testid="person-id-number">
          {revealed.idNumber ?? p.idNumber}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('persons.phone')}>
        <span data-testid="person-phone">
          {revealed.phone !== undefined ? (revealed.phone ?? '') : (p.phone ?? '')}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('persons.ethnicity')}>{p.ethnicity ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t('persons.populationType')}>
        {fmt.populationType(p.populationType, lang)}
      </Descriptions.Item>
      {p.householdStatus ? (
        <Descriptions.Item label={t('persons.householdStatus')}>
          {fmt.householdStatus(p.householdStatus, lang)}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('persons.registeredPlace')}>
        {p.registeredPlace ?? ''}
      </Descriptions.Item>
      {p.nationality ? (
        <Descriptions.Item label={t('persons.nationality')}>{p.nationality}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('persons.house')} span="filled">
        {p.houseAddress ?? t('persons.noHouse')}
      </Descriptions.Item>
      <Descriptions.Item label={t('persons.relation')}>
        {fmt.relation(p.relation, lang)}
      </Descriptions.Item>
      <Descriptions.Item label={t('persons.area')} span="filled">
        {place}
      </Descriptions.Item>
      {d.origin ? (
        <Descriptions.Item label={t('persons.origin')}>{d.origin}</Descriptions.Item>
      ) : null}
      {d.arrivalDate ? (
        <Descriptions.Item label={t('persons.arrivalDate')}>{d.arrivalDate}</Descriptions.Item>
      ) : null}
      {d.arrivalReason ? (
        <Descriptions.Item label={t('persons.arrivalReason')}>{d.arrivalReason}</Descriptions.Item>
      ) : null}
      {d.residencePermitNo ? (
        <Descriptions.Item label={t('persons.permitNo')}>
          {revealed.residencePermitNo ?? d.residencePermitNo}
        </Descriptions.Item>
      ) : null}
      {d.permitValidUntil ? (
        <Descriptions.Item label={t('persons.permitValidUntil')}>
          {d.permitValidUntil}
        </Descriptions.Item>
      ) : null}
      {d.visaType ? (
        <Descriptions.Item label={t('persons.visaType')}>{d.visaType}</Descriptions.Item>
      ) : null}
      {d.stayUntil ? (
        <Descriptions.Item label={t('persons.stayUntil')}>{d.stayUntil}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
