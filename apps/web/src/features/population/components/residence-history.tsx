import { Empty, Tag, Timeline, Typography } from 'antd';
import type { PersonEvent, ResidenceEntry } from '@wangge/shared';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { fmt } from '../person-format';

/** 居住历史, newest first. A stay outside the user's area shows only its dates (辖区外). */
export function ResidenceHistory({ items }: { items: ResidenceEntry[] }) {
  const { t, lang } = useI18n();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('persons.noResidences')} />;
  return (
    <Timeline
      data-testid="residence-history"
      items={items.map((r) => ({
        color: r.movedOutAt ? 'gray' : 'green',
        content: (
          <div data-residence-id={r.id}>
            <div>
              {r.inScope ? (
                <Typography.Text strong>{r.address}</Typography.Text>
              ) : (
                <Tag data-testid="outside-scope">{t('persons.outsideScope')}</Tag>
              )}
              {!r.movedOutAt ? (
                <Tag color="green" style={{ marginInlineStart: 6 }}>
                  {t('persons.current')}
                </Tag>
              ) : null}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                `${r.movedInAt} — ${r.movedOutAt ?? t('persons.now')}`,
                fmt.residenceType(r.residenceType, lang),
                fmt.relation(r.relation, lang),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
            {r.reason || r.destination ? (
              <div style={{ fontSize: 12 }}>
                {[r.reason, r.destination ? `${t('persons.destination')}: ${r.destination}` : null]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

/** 记录: what happened to the record, by whom (append-only on the server). */
export function PersonEvents({ items }: { items: PersonEvent[] }) {
  const { t, lang } = useI18n();
  return (
    <Timeline
      data-testid="person-events"
      items={[...items].reverse().map((e) => ({
        content: (
          <div>
            <Typography.Text>{fmt.event(e.action, lang)}</Typography.Text>
            {e.fields.length ? (
              <Typography.Text type="secondary">
                {' '}
                ({e.fields.map((f) => fieldLabel(f, t)).join('、')})
              </Typography.Text>
            ) : null}
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">
                {e.actorName ?? ''} · {formatDateTime(e.at, lang)}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}

const FIELD_KEYS: Record<string, Parameters<ReturnType<typeof useI18n>['t']>[0]> = {
  name: 'persons.name',
  idNumber: 'persons.idNumberLabel',
  phone: 'persons.phone',
  ethnicity: 'persons.ethnicity',
  nationality: 'persons.nationality',
  registeredPlace: 'persons.registeredPlace',
  populationType: 'persons.populationType',
  householdStatus: 'persons.householdStatus',
  relation: 'persons.relation',
  details: 'persons.details',
  areaCode: 'persons.area',
  gender: 'persons.gender',
  birthDate: 'persons.birthDate',
};

function fieldLabel(field: string, t: ReturnType<typeof useI18n>['t']): string {
  const key = FIELD_KEYS[field];
  return key ? t(key) : field;
}
