import { useMemo } from 'react';
import { Checkbox, Select } from 'antd';
import { CASE_STATES, type CaseState } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { stateLabel } from '../case-format';
import { useAreaIndex } from '../lookups-api';
import { CategoryPicker } from './category-picker';

export interface QueueFilterValues {
  states: CaseState[];
  classCode: string | null;
  areaCode: string | null;
  overdue: boolean;
  includeEnded: boolean;
}

interface QueueFiltersProps {
  value: QueueFilterValues;
  onChange: (next: QueueFilterValues) => void;
}

const LEVEL_ORDER = { district: 0, street: 1, community: 2, grid: 3 } as const;

/** 状态 / 分类 / 网格·区域 / 只看超期; the states list overrides "open only". */
export function QueueFilters({ value, onChange }: QueueFiltersProps) {
  const { t, lang } = useI18n();
  const areas = useAreaIndex();
  const set = (patch: Partial<QueueFilterValues>) => onChange({ ...value, ...patch });
  const areaOptions = useMemo(
    () =>
      [...(areas.data?.items ?? [])]
        .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code))
        .map((a) => ({ value: a.code, label: a.name, search: `${a.name} ${a.code}` })),
    [areas.data],
  );

  return (
    <div className="queue-filters" data-testid="queue-filters">
      <Select<CaseState[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('cases.filterState')}
        value={value.states}
        onChange={(states) => set({ states })}
        options={CASE_STATES.map((s) => ({ value: s, label: stateLabel(s, lang) }))}
        className="queue-filters__state"
        data-testid="filter-state"
      />
      <CategoryPicker
        value={value.classCode}
        onChange={(code) => set({ classCode: code ?? null })}
        placeholder={t('cases.filterCategory')}
        style={{ width: undefined }}
        testId="filter-category"
      />
      <Select<string>
        showSearch={{
          filterOption: (input, option) =>
            (option?.search ?? '').toLowerCase().includes(input.toLowerCase()),
        }}
        allowClear
        placeholder={t('cases.filterArea')}
        value={value.areaCode ?? undefined}
        onChange={(code) => set({ areaCode: code ?? null })}
        options={areaOptions}
        loading={areas.isPending}
        optionRender={(option) => (
          <span>
            {option.data.label} <span className="area-code case-muted">{option.data.value}</span>
          </span>
        )}
        className="queue-filters__area"
        data-testid="filter-area"
      />
      <Checkbox
        checked={value.overdue}
        onChange={(e) => set({ overdue: e.target.checked })}
        data-testid="filter-overdue"
      >
        {t('cases.filterOverdue')}
      </Checkbox>
      <Checkbox
        checked={value.includeEnded}
        disabled={value.states.length > 0}
        onChange={(e) => set({ includeEnded: e.target.checked })}
      >
        {t('cases.filterEnded')}
      </Checkbox>
    </div>
  );
}
