import { Col, Form, Input, Row } from 'antd';
import type { PopulationType } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';

/** 流动人口 and 境外人员 details (one JSON document on the server); only the part for the population type shows. */
export function PersonDetailsFields({
  populationType,
}: {
  populationType: PopulationType | undefined;
}) {
  const { t } = useI18n();
  if (populationType !== 'floating' && populationType !== 'foreign') return null;
  const col = { xs: 24, sm: 12 };
  return (
    <Row gutter={12}>
      <Col {...col}>
        <Form.Item
          name={['details', 'origin']}
          label={populationType === 'foreign' ? t('persons.originCountry') : t('persons.origin')}
          rules={[{ max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={['details', 'arrivalDate']} label={t('persons.arrivalDate')}>
          <Input type="date" />
        </Form.Item>
      </Col>
      {populationType === 'floating' ? (
        <>
          <Col {...col}>
            <Form.Item
              name={['details', 'arrivalReason']}
              label={t('persons.arrivalReason')}
              rules={[{ max: 50 }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name={['details', 'residencePermitNo']}
              label={t('persons.permitNo')}
              rules={[{ max: 40 }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name={['details', 'permitValidUntil']} label={t('persons.permitValidUntil')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </>
      ) : (
        <>
          <Col {...col}>
            <Form.Item
              name={['details', 'visaType']}
              label={t('persons.visaType')}
              rules={[{ max: 30 }]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name={['details', 'stayUntil']} label={t('persons.stayUntil')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
