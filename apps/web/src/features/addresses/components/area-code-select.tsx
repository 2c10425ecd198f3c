import { useMemo } from 'react';
import { Select } from 'antd';
import type { AreaLevel } from '@wangge/shared';
import { useAreaIndex } from '../../cases/lookups-api';

const LEVEL_ORDER: Record<AreaLevel, number> = { district: 0, street: 1, community: 2, grid: 3 };

interface AreaCodeSelectProps {
  /** Optional so a Form.Item can supply them. */
  value?: string | null | undefined;
  onChange?: (code: string | null) => void;
  placeholder: string;
  testId?: string;
}

/** One area of the user's scope (district → grid), searchable by name or code. */
export function AreaCodeSelect({ value, onChange, placeholder, testId }: AreaCodeSelectProps) {
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
      showSearch={{
        filterOption: (input, option) =>
          (option?.search ?? '').toLowerCase().includes(input.toLowerCase()),
      }}
      allowClear
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(code) => onChange?.(code ?? null)}
      options={options}
      loading={areas.isPending}
      optionRender={(option) => (
        <span>
          {option.data.label} <span className="area-code">{option.data.value}</span>
        </span>
      )}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
