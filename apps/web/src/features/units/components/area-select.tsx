import { useMemo } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { useAreaIndex } from '../../cases/lookups-api';

const LEVEL_ORDER = { district: 0, street: 1, community: 2, grid: 3 } as const;

/** One area of the user's scope (district → grid), searchable by name or code. */
export function AreaSelect({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const { t } = useI18n();
  const areas = useAreaIndex();
  const options = useMemo(
    () =>
      [...(areas.data?.items ?? [])]
        .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code))
        .map((a) => ({ value: a.code, label: a.name, search: `${a.name} ${a.code}` })),
    [areas.data],
  );
  return (
    <Select<string>
      showSearch={{ filterOption: (input, option) => (option?.search ?? '').toLowerCase().includes(input.toLowerCase()) }}
      allowClear
      placeholder={t('units.filterArea')}
      value={value ?? undefined}
      onChange={(code) => onChange(code ?? null)}
      options={options}
      loading={areas.isPending}
      style={{ minWidth: 160, flex: '1 1 160px' }}
      data-testid="filter-area"
    />
  );
}
