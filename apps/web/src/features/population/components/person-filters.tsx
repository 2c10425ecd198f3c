import { Flex, Input, Select } from 'antd';
import {
  DATA_STATE_LABELS,
  DATA_STATES,
  PERSON_STATUS_LABELS,
  PERSON_STATUSES,
  POPULATION_TYPE_LABELS,
  POPULATION_TYPES,
  type DataState,
  type PersonStatus,
  type PopulationType,
} from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { optionsOf } from '../person-format';
import { AreaSelect } from '../../../components/area-select';

export interface PersonFilterValues {
  areaCode: string | null;
  populationType: PopulationType | null;
  dataState: DataState | null;
  status: PersonStatus | null;
  name: string;
}

/** 姓名 / 区域 / 人口类型 / 数据状态 / 状态; wraps to several lines on a phone. */
export function PersonFilters({
  value,
  onChange,
}: {
  value: PersonFilterValues;
  onChange: (next: PersonFilterValues) => void;
}) {
  const { t, lang } = useI18n();
  const set = (patch: Partial<PersonFilterValues>) => onChange({ ...value, ...patch });
  const select = { allowClear: true, style: { minWidth: 120, flex: '1 1 120px' } };
  return (
    <Flex wrap gap={8} align="center" data-testid="person-filters">
      <Input.Search
        allowClear
        defaultValue={value.name}
        placeholder={t('persons.searchName')}
        onSearch={(name) => set({ name: name.trim() })}
        style={{ flex: '2 1 200px' }}
        data-testid="person-search"
      />
      <AreaSelect
        value={value.areaCode}
        onChange={(areaCode) => set({ areaCode })}
        placeholder={t('persons.filterArea')}
        testId="person-filter-area"
      />
      <Select<PopulationType>
        {...select}
        placeholder={t('persons.populationType')}
        value={value.populationType ?? undefined}
        onChange={(v) => set({ populationType: v ?? null })}
        options={optionsOf(POPULATION_TYPES, POPULATION_TYPE_LABELS, lang)}
      />
      <Select<DataState>
        {...select}
        placeholder={t('persons.dataState')}
        value={value.dataState ?? undefined}
        onChange={(v) => set({ dataState: v ?? null })}
        options={optionsOf(DATA_STATES, DATA_STATE_LABELS, lang)}
      />
      <Select<PersonStatus>
        {...select}
        placeholder={t('persons.status')}
        value={value.status ?? undefined}
        onChange={(v) => set({ status: v ?? null })}
        options={optionsOf(PERSON_STATUSES, PERSON_STATUS_LABELS, lang)}
      />
    </Flex>
  );
}
