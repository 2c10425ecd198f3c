import { useMemo } from 'react';
import { Input, Segmented, Select } from 'antd';
import { useI18n } from '../../../lib/i18n';
import {
  DASHBOARD_PERIOD_TYPES,
  customKey,
  customRange,
  periodKeys,
  periodTypeOf,
  type DashboardPeriodType,
} from '../dashboard-format';

/** Month, quarter, year (a list of recent keys) or custom dates (both days included). */
export function PeriodPicker({ value, onChange }: { value: string; onChange(key: string): void }) {
  const { t } = useI18n();
  const type = periodTypeOf(value);
  const now = useMemo(() => new Date(), []);
  const range = customRange(value);
  const switchTo = (next: DashboardPeriodType) => {
    if (next === 'custom') {
      const keys = periodKeys('month', now);
      const r = customKey(`${keys[0]}-01`, now.toISOString().slice(0, 10));
      if (r) onChange(r);
    } else onChange(periodKeys(next, now)[0]!);
  };
  return (
    <div className="dashboard-period" data-testid="dashboard-period">
      <Segmented<DashboardPeriodType>
        value={type}
        onChange={switchTo}
        options={DASHBOARD_PERIOD_TYPES.map((p) => ({
          value: p,
          label: t(`dashboard.periodType.${p}`),
        }))}
        data-testid="dashboard-period-type"
      />
      {type === 'custom' ? (
        <>
          <Input
            type="date"
            value={range?.from ?? ''}
            aria-label={t('dashboard.from')}
            onChange={(e) => {
              const k = customKey(e.target.value, range?.to ?? e.target.value);
              if (k) onChange(k);
            }}
            style={{ width: 150 }}
          />
          <Input
            type="date"
            value={range?.to ?? ''}
            aria-label={t('dashboard.to')}
            onChange={(e) => {
              const k = customKey(range?.from ?? e.target.value, e.target.value);
              if (k) onChange(k);
            }}
            style={{ width: 150 }}
          />
        </>
      ) : (
        <Select
          value={value}
          onChange={onChange}
          options={periodKeys(type, now).map((k) => ({ value: k, label: k }))}
          style={{ minWidth: 120 }}
          aria-label={t('dashboard.period')}
          data-testid="dashboard-period-key"
        />
      )}
    </div>
  );
}
