import { useMemo } from 'react';
import { Select } from 'antd';
import type { AreaLevel } from '@wangge/shared';
import { useAreaIndex } from '../../cases/lookups-api';

const LEVEL_ORDER: Record<string, number> = { district: 0, street: 1, community: 2, grid: 3 };

interface PersonAreaSelectProps {
  /** Optional so a Form.Item can supply them. */
  value?: string | null | undefined;
  onChange?: (code: string | null) => void;
  placeholder: string;
  /** Levels offered: all for a filter; communities and grids for a person without a house. */
  levels?: readonly AreaLevel[];
  testId?: string;
}

/** One area of the user's scope, searchable by name or code. */
export function PersonAreaSelect({ value, onChange, placeholder, levels, testId }: PersonAreaSelectProps) {
  const areas = useAreaIndex();
  const options = useMemo(
    () =>
      (areas.data?.items ?? [])
        .filter((a) => !levels || levels.includes(a.level))
        .sort((a, b) => (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) || a.code.localeCompare(b.code))
        .map((a) => ({ value: a.code, label: a.name, search: `${a.name} ${a.code}` })),
    [areas.data, levels],
  );
  return (
    <Select<string>
      showSearch={{ filterOption: (input, option) => (option?.search ?? '').toLowerCase().includes(input.toLowerCase()) }}
      allowClear
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(code) => onChange?.(code ?? null)}
      options={options}
      loading={areas.isPending}
      style={{ minWidth: 160, flex: '1 1 160px' }}
      data-testid={testId}
    />
  );
}
