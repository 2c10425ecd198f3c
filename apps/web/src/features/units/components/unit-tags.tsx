import { Tag } from 'antd';
import type { Unit } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { focusTagLabel, todayShanghai, unitStatusLabel, unitTypeLabel } from '../unit-format';

/** Type, 重点 mark, focus tags and status of a unit, as small tags that wrap. */
export function UnitTags({ unit }: { unit: Unit }) {
  const { t, lang } = useI18n();
  return (
    <span className="unit-tags">
      <Tag>{unitTypeLabel(unit.unitType, lang)}</Tag>
      {unit.isKeyUnit ? <Tag color="volcano">{t('units.keyUnit')}</Tag> : null}
      {unit.focusTags.map((f) => (
        <Tag key={f} color="orange">
          {focusTagLabel(f, lang)}
        </Tag>
      ))}
      {unit.status === 'closed' ? <Tag>{unitStatusLabel(unit.status, lang)}</Tag> : null}
    </span>
  );
}

/** 下次检查 with a red mark once the day has passed. */
export function DueTag({ due }: { due: string | null }) {
  const { t } = useI18n();
  if (!due) return null;
  const overdue = due < todayShanghai();
  return (
    <Tag color={overdue ? 'red' : 'blue'}>
      {t(overdue ? 'units.overdueSince' : 'units.dueOn', { date: due })}
    </Tag>
  );
}
