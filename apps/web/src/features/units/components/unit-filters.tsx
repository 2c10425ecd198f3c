import { Checkbox, Flex, Input, Select } from 'antd';
import { FOCUS_TAGS, UNIT_TYPES, type FocusTag, type UnitType } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { focusTagLabel, unitTypeLabel } from '../unit-format';
import { AreaSelect } from '../../../components/area-select';

export interface UnitFilterValues {
  areaCode: string | null;
  unitType: UnitType | null;
  focusTag: FocusTag | null;
  keyOnly: boolean;
  q: string;
}

/** 区域 / 单位类型 / 重点标签 / 只看重点单位 / 搜索; wraps to several lines on a phone. */
export function UnitFilters({
  value,
  onChange,
}: {
  value: UnitFilterValues;
  onChange: (next: UnitFilterValues) => void;
}) {
  const { t, lang } = useI18n();
  const set = (patch: Partial<UnitFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Flex wrap gap={8} align="center" data-testid="unit-filters">
      <Input.Search
        allowClear
        defaultValue={value.q}
        placeholder={t('units.searchPlaceholder')}
        onSearch={(q) => set({ q: q.trim() })}
        style={{ flex: '2 1 220px' }}
        data-testid="unit-search"
      />
      <AreaSelect
        value={value.areaCode}
        onChange={(areaCode) => set({ areaCode })}
        placeholder={t('units.filterArea')}
        testId="filter-area"
      />
      <Select<UnitType>
        allowClear
        placeholder={t('units.unitType')}
        value={value.unitType ?? undefined}
        onChange={(v) => set({ unitType: v ?? null })}
        options={UNIT_TYPES.map((v) => ({ value: v, label: unitTypeLabel(v, lang) }))}
        style={{ minWidth: 140, flex: '1 1 140px' }}
      />
      <Select<FocusTag>
        allowClear
        placeholder={t('units.focusTags')}
        value={value.focusTag ?? undefined}
        onChange={(v) => set({ focusTag: v ?? null })}
        options={FOCUS_TAGS.map((v) => ({ value: v, label: focusTagLabel(v, lang) }))}
        style={{ minWidth: 140, flex: '1 1 140px' }}
      />
      <Checkbox checked={value.keyOnly} onChange={(e) => set({ keyOnly: e.target.checked })}>
        {t('units.keyOnly')}
      </Checkbox>
    </Flex>
  );
}
